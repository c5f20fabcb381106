"""rest_operation's guards, with real terraform: ``preconditions`` (at plan and again at apply), provider
``secrets`` (``{"supplied": ...}``, ``{secret.<name>}`` in bodies, never stored or shown), destroy calls
that need an empty secret, and malformed predicates refused at validation.
"""

from __future__ import annotations

import json

from tests.provider.conftest import RawHcl, config

TOKEN = "dr-op-token-5b9e27c4"


def said(run) -> str:
    """What terraform printed, on one line (it wraps long diagnostics)."""
    return " ".join(run.output.split())


def only_reads(api) -> bool:
    return all(r.method == "GET" for r in api.requests)


def in_state(tf, name: str) -> bool:
    text = tf.state_text()
    return bool(text) and any(r["name"] == name and r["instances"] for r in json.loads(text)["resources"])


PROMOTE = """
resource "rest_operation" "promote" {
  path           = "/ops/promote"
  condition_path = "/status"
  preconditions  = jsonencode([
    {
      path    = "/status"
      require = { path = "peer", equals = "healthy" }
      message = "The DR peer is not healthy: repair it first."
    },
    {
      path    = "/replicas"
      when    = { path = "mode", equals = "primary" }
      require = { path = "records", some = { path = "name", equals = "vault-b" } }
      message = "vault-b is not a replica of this primary."
    },
  ])
}
"""


def test_preconditions_refuse_the_plan_and_nothing_is_sent(api, terraform):
    api.status = {"peer": "degraded", "mode": "primary"}
    tf = terraform()
    tf.write(config(api.base_url, PROMOTE))
    refused = tf.plan(check=False)
    assert refused.returncode == 1
    assert "Error: Refused: /ops/promote" in refused.stderr
    assert "The DR peer is not healthy: repair it first." in said(refused)
    assert api.requests and only_reads(api)

    # the first check holds; the second one applies (mode is primary) and does not hold
    api.status["peer"] = "healthy"
    api.clear()
    refused = tf.plan(check=False)
    assert refused.returncode == 1
    assert "vault-b is not a replica of this primary." in said(refused)
    assert api.calls("GET", "/api/replicas") and only_reads(api)

    # on a secondary the second check is not made: its path is not even read
    api.status["mode"] = "secondary"
    api.clear()
    tf.plan()
    tf.apply()
    assert len(api.calls("POST", "/api/ops/promote")) == 1
    assert api.calls(path="/api/replicas") == []


def test_a_precondition_broken_between_plan_and_apply_refuses_the_call(api, terraform):
    api.status = {"peer": "healthy", "mode": "secondary"}
    tf = terraform()
    tf.write(config(api.base_url, PROMOTE))
    tf.plan("-out", "p")
    api.status["peer"] = "degraded"
    api.clear()
    refused = tf.apply("p", check=False)
    assert refused.returncode == 1
    assert "Error: Refused: /ops/promote" in refused.stderr
    assert "The DR peer is not healthy: repair it first." in said(refused)
    assert only_reads(api)
    assert not in_state(tf, "promote")


def test_preconditions_are_checked_again_right_before_the_call(api, terraform):
    """The peer degrades after terraform's last plan of the resource (at apply, terraform plans it once
    more before applying: two reads), just before the call: the call is refused all the same."""
    reads = []

    def peer(_):
        reads.append(1)
        return {"state": "healthy" if len(reads) <= 2 else "degraded"}

    api.fail_with[("GET", "/api/peer")] = (200, peer)
    tf = terraform()
    tf.write(config(api.base_url, """
resource "rest_operation" "promote" {
  path          = "/ops/promote"
  preconditions = jsonencode([{ path = "/peer", require = { path = "state", equals = "healthy" }, message = "Peer down." }])
}
"""))  # noqa: E501 - the HCL as written
    refused = tf.apply(check=False)
    assert refused.returncode == 1
    assert "Error: Refused: /ops/promote" in refused.stderr
    assert "Peer down. Nothing was sent." in said(refused)
    assert len(reads) == 3 and only_reads(api)


EPHEMERAL_SECRET = """
variable "t" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = ""
}
"""

WITH_TOKEN = EPHEMERAL_SECRET + """
resource "rest_operation" "promote" {
  path          = "/ops/promote"
  body          = jsonencode({ role = "primary", token = "{secret.dr_operation_token}" })
  triggers      = { rev = "REV" }
  preconditions = jsonencode([{
    path    = "/status"
    require = { supplied = "dr_operation_token" }
    message = "Set TF_VAR_t to the DR operation token."
  }])
}
"""


def with_secrets(api, body: str) -> str:
    return config(api.base_url, body, secrets=RawHcl("{ dr_operation_token = var.t }"))


def test_provider_secret_supplied_sent_and_never_stored_or_shown(api, terraform):
    tf = terraform()
    tf.write(with_secrets(api, WITH_TOKEN.replace("REV", "1")))
    refused = tf.plan(check=False)  # TF_VAR_t not set: the secret is empty
    assert refused.returncode == 1
    assert "Error: Refused: /ops/promote" in refused.stderr
    assert "Set TF_VAR_t to the DR operation token." in said(refused)
    assert only_reads(api)

    tf.apply(env={"TF_VAR_t": TOKEN})
    [call] = api.calls("POST", "/api/ops/promote")
    assert call.json == {"role": "primary", "token": TOKEN}
    assert TOKEN not in tf.state_text()
    assert "{secret.dr_operation_token}" in tf.state_text()  # the template is kept, not the value

    # the API echoes the token in an error: the diagnostic masks it
    api.fail_with[("POST", "/api/ops/promote")] = (400, lambda body: {"message": f"token {body['token']} has expired"})
    tf.write(with_secrets(api, WITH_TOKEN.replace("REV", "2")))
    failed = tf.apply(env={"TF_VAR_t": TOKEN}, check=False)
    assert failed.returncode == 1
    assert "answered 400: token *** has expired" in said(failed)
    assert len(api.calls("POST", "/api/ops/promote")) == 2
    assert TOKEN not in tf.all_output()
    assert TOKEN not in tf.state_text()


DR_DESTROY = EPHEMERAL_SECRET + """
resource "rest_operation" "dr" {
  path           = "/ops/enable-dr"
  condition_path = "/status"
  destroy_path   = "/ops/disable-dr"
  destroy_body   = jsonencode({ dr_operation_token = "{secret.dr_operation_token}" })
  destroy_when   = { mode = "primary" }
}
"""


def test_destroy_call_that_needs_an_empty_secret_is_refused_at_plan(api, terraform):
    api.status = {"mode": "primary"}
    tf = terraform()
    tf.write(with_secrets(api, DR_DESTROY))
    tf.apply()  # the call itself needs no secret

    refused = tf.destroy(check=False)
    assert refused.returncode == 1
    assert "Error: Refused: the destroy call POST /ops/disable-dr needs a secret" in said(refused)
    assert "dr_operation_token" in said(refused)
    assert api.calls(path="/api/ops/disable-dr") == []
    assert in_state(tf, "dr")

    # destroy_when does not hold: no call will be made, so no secret is needed
    api.status["mode"] = "secondary"
    tf.destroy()
    assert api.calls(path="/api/ops/disable-dr") == []
    assert not in_state(tf, "dr")

    # with the secret, the destroy call is made and carries it
    api.status["mode"] = "primary"
    tf.apply()
    tf.destroy(env={"TF_VAR_t": TOKEN})
    [call] = api.calls("POST", "/api/ops/disable-dr")
    assert call.json == {"dr_operation_token": TOKEN}
    assert TOKEN not in tf.all_output()


MALFORMED = """
resource "rest_operation" "effective_when_without_test" {
  path           = "/ops/a"
  read_path      = "/status"
  effective_when = jsonencode({ path = "mode" })
}
resource "rest_operation" "precondition_without_require" {
  path          = "/ops/b"
  preconditions = jsonencode([{ path = "/x" }])
}
resource "rest_operation" "precondition_with_bad_require" {
  path          = "/ops/c"
  preconditions = jsonencode([{ path = "/status", require = { path = "mode", in = "primary" }, message = "m" }])
}
resource "rest_operation" "run_if_without_condition_path" {
  path   = "/ops/d"
  run_if = jsonencode({ supplied = "token" })
}
resource "rest_operation" "destroy_if_not_json" {
  path           = "/ops/e"
  condition_path = "/status"
  destroy_if     = "{not json"
}
resource "rest_operation" "effective_when_without_read_path" {
  path           = "/ops/f"
  effective_when = jsonencode({ path = "mode", equals = "primary" })
}
"""


def test_malformed_predicates_and_preconditions_are_refused_before_any_call(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, MALFORMED))
    for run in (tf.validate(check=False), tf.plan(check=False)):
        assert run.returncode == 1
        text = said(run)
        assert "Error: Invalid effective_when" in text
        assert "effective_when: a test is" in text and "got keys path" in text
        assert "Error: Invalid preconditions" in text
        assert "preconditions[0] needs 'path', 'require' and 'message'" in text
        assert "preconditions[0].require: 'in' takes a list" in text
        assert "Error: run_if needs condition_path" in text
        assert "Error: Invalid destroy_if" in text and "destroy_if is not valid JSON" in text
        assert "Error: effective_when needs read_path" in text
        for name in ("effective_when_without_test", "precondition_without_require", "precondition_with_bad_require",
                     "run_if_without_condition_path", "destroy_if_not_json", "effective_when_without_read_path"):
            assert f"with rest_operation.{name}" in text
        assert "Internal error" not in text
    assert api.requests == []


# --------------------------------------------------------------------- what was found wrong, and is fixed
def test_a_precondition_whose_path_answers_404_refuses_instead_of_passing(api, terraform):
    """No check passes by default: a list test on a document that is not there does not hold either."""
    api.status = {"peer": "healthy", "mode": "primary"}
    tf = terraform()
    tf.write(config(api.base_url, PROMOTE.replace('path    = "/replicas"', 'path    = "/replicas/of/nothing"')))
    refused = tf.plan(check=False)
    assert refused.returncode == 1
    assert ("vault-b is not a replica of this primary. (The check could not be made: GET /replicas/of/nothing "
            "answered 404.)" in said(refused))
    assert only_reads(api)


DRIFTING = """
variable "t" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = ""
}

resource "rest_operation" "promote" {
  path           = "/ops/promote"
  read_path      = "/status"
  effective_when = jsonencode({ path = "mode", equals = "primary" })
  condition_path = "/status"
  destroy_path   = "/ops/demote"
  destroy_body   = jsonencode({ dr_operation_token = "{secret.dr_operation_token}" })
  destroy_when   = { mode = "secondary" }
}
"""


def test_a_replacement_whose_destroy_call_needs_an_empty_secret_is_refused_at_plan(api, terraform):
    api.status = {"mode": "secondary"}
    tf = terraform()
    tf.write(config(api.base_url, DRIFTING, secrets=RawHcl("{ dr_operation_token = var.t }")))
    tf.apply(env={"TF_VAR_t": TOKEN})
    api.status["mode"] = "secondary"  # drift: the effect (mode primary) no longer holds; the replacement would
    api.clear()                       # first make the destroy call, which sends the secret
    refused = tf.plan(check=False)
    assert refused.returncode == 1
    assert "Refused: the destroy call POST /ops/demote needs a secret" in said(refused)
    assert only_reads(api)
    applied = tf.apply(env={"TF_VAR_t": TOKEN})
    assert "1 added, 0 changed, 1 destroyed" in applied.stdout
    [demote] = api.calls("POST", "/api/ops/demote")
    assert demote.json == {"dr_operation_token": TOKEN}


def test_a_check_may_say_that_an_absent_object_passes(api, terraform):
    """``if_absent = "pass"``: for what this apply creates (VSP: the declared primary, not there yet)."""
    api.status = {"peer": "healthy", "mode": "primary"}
    tf = terraform()
    tf.write(config(api.base_url, PROMOTE.replace('path    = "/replicas"', 'path    = "/replicas/of/nothing"\n'
                                                  '      if_absent = "pass"')))
    tf.apply()
    assert len(api.calls("POST", "/api/ops/promote")) == 1
