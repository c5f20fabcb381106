"""rest_operation: runs, re-runs on trigger change, destroy call, outputs, conditions."""

from __future__ import annotations

import json

from tests.provider.conftest import config

WRAP_TOKEN = "hvs.wrapped-Zq81xT"


def operation(rev: str) -> str:
    return f"""
resource "rest_operation" "wrap" {{
  path         = "/ops/wrap"
  body         = jsonencode({{ ttl = "60s" }})
  triggers     = {{ rev = "{rev}" }}
  outputs      = {{ token = "wrap_info/token", ttl = "wrap_info/ttl" }}
  destroy_path = "/ops/unwrap"
  destroy_body = jsonencode({{ request = "{{response.request_id}}", run = "{{id}}" }})
}}
output "token" {{ value = rest_operation.wrap.output_values.token }}
"""


def test_operation_runs_reruns_on_triggers_and_calls_destroy(api, terraform):
    api.op_responses["wrap"] = {"request_id": "req-1", "wrap_info": {"token": WRAP_TOKEN, "ttl": 60}}
    tf = terraform()
    tf.write(config(api.base_url, operation("1")))
    tf.apply()
    [call] = api.calls(path="/api/ops/wrap")
    assert (call.method, call.json) == ("POST", {"ttl": "60s"})
    values = tf.resource("rest_operation.wrap")
    assert values["output_values"] == {"token": WRAP_TOKEN, "ttl": "60"}
    assert json.loads(values["response"])["wrap_info"]["token"] == WRAP_TOKEN  # not sensitive: kept
    assert tf.show_json()["values"]["outputs"]["token"]["value"] == WRAP_TOKEN
    first_id = values["id"]

    api.clear()
    assert "No changes." in tf.plan().stdout
    assert api.calls(prefix="/api/ops/") == []

    # a changed trigger runs the call again (and the update gets fresh computed values)
    api.op_responses["wrap"] = {"request_id": "req-2", "wrap_info": {"token": WRAP_TOKEN + "-2", "ttl": 30}}
    tf.write(config(api.base_url, operation("2")))
    applied = tf.apply()
    assert "1 changed" in applied.stdout
    assert len(api.calls("POST", "/api/ops/wrap")) == 1
    values = tf.resource("rest_operation.wrap")
    assert values["output_values"] == {"token": WRAP_TOKEN + "-2", "ttl": "30"}
    assert values["id"] != first_id

    api.clear()
    tf.destroy()
    [undo] = api.calls(path="/api/ops/unwrap")
    assert (undo.method, undo.json) == ("POST", {"request": "req-2", "run": values["id"]})
    assert api.calls(path="/api/ops/wrap") == []


SENSITIVE = """
resource "rest_operation" "secret" {
  path              = "/ops/secret"
  triggers          = { rev = "REV" }
  outputs           = { token = "wrap_info/token" }
  sensitive_outputs = true
}
output "token" {
  value     = rest_operation.secret.sensitive_output_values.token
  sensitive = true
}
"""


def test_sensitive_outputs_hidden_in_plan_and_removed_from_response(api, terraform):
    api.op_responses["secret"] = {"wrap_info": {"token": WRAP_TOKEN, "accessor": "acc-1"}, "lease": 0}
    tf = terraform()
    tf.write(config(api.base_url, SENSITIVE.replace("REV", "1")))
    tf.apply()
    values = tf.resource("rest_operation.secret")
    assert values["sensitive_output_values"] == {"token": WRAP_TOKEN}
    assert values["output_values"] is None
    assert json.loads(values["response"]) == {"wrap_info": {"accessor": "acc-1"}, "lease": 0}
    assert tf.show_json()["values"]["outputs"]["token"]["sensitive"] is True

    tf.write(config(api.base_url, SENSITIVE.replace("REV", "2")))
    applied = tf.apply()  # prints the plan it applies
    [line] = [line for line in applied.stdout.splitlines() if "sensitive_output_values" in line]
    assert "(sensitive value)" in line
    assert "1 changed" in applied.stdout
    assert WRAP_TOKEN not in tf.all_output("plan", "apply")


CONDITIONAL = """
resource "rest_operation" "promote" {
  path           = "/ops/promote"
  triggers       = { rev = "REV" }
  condition_path = "/status"
  run_when       = { mode = "secondary" }
}
resource "rest_operation" "guarded" {
  path           = "/ops/guarded"
  condition_path = "/status"
  run_when       = { mode = "!secondary" }
  destroy_path   = "/ops/guarded-off"
  destroy_when   = { mode = "primary|standby" }
}
resource "rest_operation" "never_undone" {
  path           = "/ops/other"
  condition_path = "/status"
  destroy_path   = "/ops/other-off"
  destroy_when   = { mode = "secondary" }
}
"""


def test_conditions_skip_or_make_the_call(api, terraform):
    api.status = {"mode": "primary"}
    tf = terraform()
    tf.write(config(api.base_url, CONDITIONAL.replace("REV", "1")))
    tf.apply()
    # run_when does not hold: no call, the response says skipped
    assert api.calls(path="/api/ops/promote") == []
    skipped = json.loads(tf.resource("rest_operation.promote")["response"])
    assert "mode is 'primary'" in skipped["skipped"] and "secondary" in skipped["skipped"]
    # run_when holds ("!secondary"): the call is made
    assert len(api.calls("POST", "/api/ops/guarded")) == 1
    assert "skipped" not in json.loads(tf.resource("rest_operation.guarded")["response"])
    assert "No changes." in tf.plan().stdout

    # the condition now holds: a new run makes the call
    api.status = {"mode": "secondary"}
    tf.write(config(api.base_url, CONDITIONAL.replace("REV", "2")))
    api.clear()
    tf.apply()
    assert [(r.method, r.path) for r in api.calls(prefix="/api/ops/")] == [("POST", "/api/ops/promote")]

    # destroy_when: made where it holds, skipped where it does not
    api.status = {"mode": "standby"}
    api.clear()
    tf.destroy()
    assert [r.path for r in api.calls(prefix="/api/ops/")] == ["/api/ops/guarded-off"]
    assert len(api.calls("GET", "/api/status")) >= 2
