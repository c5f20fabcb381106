"""rest_operation's read-back (``read_path`` + ``effective_when``), ``run_if``/``destroy_if``, and skipped runs.

With real terraform: ``in_effect`` follows the appliance at every refresh, drift plans a replacement
(destroy call, then the call again), a call whose effect already holds is not made, ``run_if`` on a
write-only key, ``destroy_if``, the empty outputs of a skipped run, and a state written before
``in_effect`` existed.
"""

from __future__ import annotations

import json

from tests.provider.conftest import config


def answer_and_set_status(api, **status):
    """For ``api.fail_with``: a 200 answer to a call that changes the appliance (``api.status``), as a
    real promote or demote would; the callable runs when the call arrives."""

    def effect(payload):
        api.status.update(status)
        return {"ok": True, "received": payload}

    return 200, effect


def op_calls(api) -> list:
    return [(r.method, r.path) for r in api.calls(prefix="/api/ops/")]


PROMOTE = """
resource "rest_operation" "promote" {
  path           = "/ops/promote"
  body           = jsonencode({ role = "primary" })
  read_path      = "/status"
  effective_when = jsonencode({ path = "mode", equals = "primary" })
  destroy_path   = "/ops/demote"
  condition_path = "/status"
  destroy_when   = { cluster = "healthy" }
}
"""


def test_in_effect_follows_the_appliance_and_drift_replaces_the_operation(api, terraform):
    api.status = {"mode": "secondary", "cluster": "healthy"}
    api.fail_with[("POST", "/api/ops/promote")] = answer_and_set_status(api, mode="primary")
    api.fail_with[("POST", "/api/ops/demote")] = answer_and_set_status(api, mode="secondary")
    tf = terraform()
    tf.write(config(api.base_url, PROMOTE))
    tf.apply()
    assert op_calls(api) == [("POST", "/api/ops/promote")]
    values = tf.resource("rest_operation.promote")
    assert values["in_effect"] is True
    assert json.loads(values["response"])["received"] == {"role": "primary"}

    api.clear()
    assert "No changes." in tf.plan().stdout
    assert op_calls(api) == []
    assert api.calls("GET", "/api/status")  # read back at the refresh

    # the role was changed by hand: the plan replaces the operation
    api.status["mode"] = "secondary"
    planned = tf.plan()
    assert "rest_operation.promote must be replaced" in planned.stdout
    [line] = [" ".join(line.split()) for line in planned.stdout.splitlines() if "in_effect" in line]
    assert line == "~ in_effect = false -> (known after apply) # forces replacement"
    assert "Plan: 1 to add, 0 to change, 1 to destroy." in planned.stdout

    api.clear()
    tf.apply()
    assert op_calls(api) == [("POST", "/api/ops/demote"), ("POST", "/api/ops/promote")]
    assert api.status["mode"] == "primary"
    assert tf.resource("rest_operation.promote")["in_effect"] is True
    assert "No changes." in tf.plan().stdout


PROMOTE_WITH_OUTPUT = """
resource "rest_operation" "promote" {
  path           = "/ops/promote"
  read_path      = "/status"
  effective_when = jsonencode({ path = "mode", equals = "primary" })
  outputs        = { token = "wrap_info/token" }
}
resource "rest_object" "note" {
  path = "/notes"
  data = jsonencode({ name = "after-promote", token = rest_operation.promote.output_values["token"] })
}
"""


def test_a_call_whose_effect_already_holds_is_not_made_and_its_outputs_are_empty(api, terraform):
    api.status = {"mode": "primary"}
    tf = terraform()
    tf.write(config(api.base_url, PROMOTE_WITH_OUTPUT))
    applied = tf.apply()
    assert "2 added" in applied.stdout
    assert api.calls("POST", "/api/ops/promote") == []
    values = tf.resource("rest_operation.promote")
    assert json.loads(values["response"]) == {"skipped": "its effect already holds (read-back)"}
    assert values["in_effect"] is True
    assert values["output_values"] == {"token": ""}
    # the resource referencing the output was created with the empty value
    [note] = api.collection("notes").values()
    assert note["token"] == ""
    assert "No changes." in tf.plan().stdout


RUN_IF_TOKEN = """
variable "token" {
  type      = string
  sensitive = true
  default   = ""
}
resource "rest_operation" "join" {
  path            = "/ops/join"
  body            = jsonencode({ cluster = "dr" })
  write_only_data = jsonencode({ token = var.token })
  condition_path  = "/status"
  run_if          = jsonencode({ supplied = "token" })
}
"""


def test_run_if_supplied_on_write_only_data(api, terraform):
    api.status = {"mode": "secondary"}
    tf = terraform()
    tf.write(config(api.base_url, RUN_IF_TOKEN))
    tf.apply()
    assert api.calls("POST", "/api/ops/join") == []
    skipped = json.loads(tf.resource("rest_operation.join")["response"])["skipped"]
    assert "run_if" in skipped and '"supplied":"token"' in skipped

    token = "join-token-81f3"
    tf.apply(env={"TF_VAR_token": token})
    [call] = api.calls("POST", "/api/ops/join")
    assert call.json == {"cluster": "dr", "token": token}
    assert "skipped" not in json.loads(tf.resource("rest_operation.join")["response"])
    assert token not in tf.state_text()


DESTROY_IF = """
resource "rest_operation" "REPLICA" {
  path           = "/ops/add-REPLICA"
  condition_path = "/status"
  destroy_path   = "/ops/remove-REPLICA"
  destroy_if     = jsonencode({ path = "replicas", some = { path = "name", equals = "REPLICA" } })
}
"""


def test_destroy_if_decides_whether_the_destroy_call_is_made(api, terraform):
    api.status = {"replicas": []}
    tf = terraform()
    tf.write(config(api.base_url, DESTROY_IF.replace("REPLICA", "vault_b") + DESTROY_IF.replace("REPLICA", "vault_c")))
    tf.apply()
    assert sorted(op_calls(api)) == [("POST", "/api/ops/add-vault_b"), ("POST", "/api/ops/add-vault_c")]

    api.status = {"replicas": [{"name": "vault_b", "state": "streaming"}]}  # vault_c is gone already
    api.clear()
    tf.destroy()
    assert op_calls(api) == [("POST", "/api/ops/remove-vault_b")]


TWO_OPERATIONS = """
resource "rest_operation" "with_read_back" {
  path           = "/ops/promote"
  read_path      = "/status"
  effective_when = jsonencode({ path = "mode", equals = "primary" })
}
resource "rest_operation" "plain" {
  path = "/ops/plain"
}
"""


def test_state_written_before_in_effect_existed(api, terraform):
    api.status = {"mode": "secondary"}
    api.fail_with[("POST", "/api/ops/promote")] = answer_and_set_status(api, mode="primary")
    tf = terraform()
    tf.write(config(api.base_url, TWO_OPERATIONS))
    tf.apply()

    state_file = tf.dir / "terraform.tfstate"
    state = json.loads(state_file.read_text())
    for resource in state["resources"]:
        for instance in resource["instances"]:
            del instance["attributes"]["in_effect"]
    state_file.write_text(json.dumps(state))

    api.clear()
    planned = tf.plan()
    assert "No changes." in planned.stdout
    assert op_calls(api) == []


# --------------------------------------------------------------------- what was found wrong, and is fixed
def test_a_read_back_without_effective_when_is_refused_at_validation(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_operation" "x" {
  path      = "/ops/x"
  read_path = "/status"
}
"""))
    refused = tf.validate(check=False)
    assert refused.returncode == 1
    assert "Error: read_path needs effective_when" in refused.stderr
    assert api.requests == []


def test_destroy_if_can_ask_for_a_supplied_provider_secret(api, terraform):
    api.status = {"mode": "primary"}
    body = """
variable "t" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = ""
}

resource "rest_operation" "x" {
  path           = "/ops/x"
  condition_path = "/status"
  destroy_path   = "/ops/undo"
  destroy_body   = jsonencode({ token = "{secret.tok}" })
  destroy_if     = jsonencode({ supplied = "tok" })
}
"""
    from tests.provider.conftest import RawHcl

    tf = terraform()
    tf.write(config(api.base_url, body, secrets=RawHcl("{ tok = var.t }")))
    tf.apply(env={"TF_VAR_t": "tok-secret-123"})
    tf.destroy(env={"TF_VAR_t": "tok-secret-123"})
    [undo] = api.calls("POST", "/api/ops/undo")
    assert undo.json == {"token": "tok-secret-123"}


def test_a_secret_an_api_echoes_is_masked_in_the_stored_response(api, terraform):
    api.op_responses["x"] = {"message": "joined with wo-secret-456", "detail": {"note": "wo-secret-456 accepted"}}
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_operation" "x" {
  path            = "/ops/x"
  write_only_data = jsonencode({ token = "wo-secret-456" })
}
"""))
    tf.apply()
    assert "wo-secret-456" not in tf.state_text()
    response = json.loads(tf.resource("rest_operation.x")["response"])
    assert response == {"message": "joined with ***", "detail": {"note": "*** accepted"}}


def test_adding_guards_to_an_applied_operation_does_not_make_its_call_again(api, terraform):
    """Guards (run_if, a read-back, preconditions) say when a call may run, not what it does: an operation
    applied before they existed — a deployment upgraded to this version — is updated in place, not called."""
    api.status = {"mode": "primary"}
    tf = terraform()
    plain = """
resource "rest_operation" "x" {
  path           = "/ops/x"
  condition_path = "/status"
}
"""
    tf.write(config(api.base_url, plain))
    tf.apply()
    assert op_calls(api) == [("POST", "/api/ops/x")]
    guarded = plain.replace('condition_path = "/status"', '''condition_path = "/status"
  run_if         = jsonencode({ path = "mode", equals = "primary" })
  read_path      = "/status"
  effective_when = jsonencode({ path = "mode", in = ["primary"] })
  preconditions  = jsonencode([{ path = "/status", require = { path = "mode", equals = "primary" }, message = "m" }])''')  # noqa: E501 - the HCL as written
    tf.write(config(api.base_url, guarded))
    applied = tf.apply()
    assert "0 added, 1 changed, 0 destroyed" in applied.stdout
    assert op_calls(api) == [("POST", "/api/ops/x")]  # still the one call of the first apply
    assert "No changes." in tf.plan().stdout
