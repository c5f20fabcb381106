"""No secret in state, plan/apply output, terraform show -json, diagnostics or the TF_LOG=trace log."""

from __future__ import annotations

import json

from tests.provider.conftest import RawHcl, config

PASSWORD_1 = "Pw-first-7c1f0e2a"
PASSWORD_2 = "Pw-second-93bd44d1"
PASSWORD_3 = "Pw-third-e5a01b77"
ADMIN_PASSWORD = "Admin-pw-5d2c9f"
API_TOKEN = "tok-4e8a61c0b2"
HEADER_SECRET = "hdr-0f9e3a7b55"

RESOURCE = """
variable "pw" {
  type      = string
  sensitive = true
}
variable "admin_password" {
  type      = string
  sensitive = true
}
resource "rest_object" "user" {
  path            = "/users"
  data            = jsonencode({ name = "svc", role = "admin" })
  write_only_data = jsonencode({ password = var.pw })
}
output "user_response" { value = rest_object.user.response }
"""


def _provider(api) -> str:
    return config(
        api.base_url, RESOURCE,
        username="admin", password=RawHcl("var.admin_password"),
        token_header="X-Api-Token", token=API_TOKEN,
        headers={"X-Api-Key": HEADER_SECRET},
    )


def _assert_nowhere(tf, log_path, *secrets):
    show = json.dumps(tf.show_json())
    places = {
        "terraform show -json": show,
        "terraform.tfstate": tf.state_text(),
        "terraform.tfstate.backup": (tf.dir / "terraform.tfstate.backup").read_text()
        if (tf.dir / "terraform.tfstate.backup").exists() else "",
        "plan/apply/import output": tf.all_output("plan", "apply", "import"),
        "TF_LOG=trace log": log_path.read_text(),
    }
    for secret in secrets:
        for place, text in places.items():
            assert secret not in text, f"{secret!r} found in {place}"


def test_write_only_and_provider_secrets_never_stored_shown_or_logged(api, terraform, tmp_path):
    api.require_basic = ("admin", ADMIN_PASSWORD)
    api.require_token = ("X-Api-Token", API_TOKEN)
    tf = terraform()
    log_path = tmp_path / "trace.log"
    tf.enable_trace_log(log_path)
    tf.env["TF_VAR_admin_password"] = ADMIN_PASSWORD
    tf.write(_provider(api))

    tf.apply(env={"TF_VAR_pw": PASSWORD_1})
    [post] = api.calls("POST", "/api/users")
    assert post.json == {"name": "svc", "role": "admin", "password": PASSWORD_1}
    assert post.header("X-Api-Key") == HEADER_SECRET
    assert post.header("X-Api-Token") == API_TOKEN
    [uid] = api.collection("users")
    assert api.collection("users")[uid]["password"] == PASSWORD_1  # the server keeps (and returns) it
    values = tf.resource("rest_object.user")
    assert values["write_only_data"] is None
    assert values["write_only_data_version"] == 1 and "write_only_data_hash" not in values  # private state holds it
    assert "password" not in json.loads(values["response"])
    assert log_path.stat().st_size > 100_000  # the trace log really is written

    # unchanged: no change; changed: an update (the count of sends tells), and the new value is sent
    assert "No changes." in tf.plan(env={"TF_VAR_pw": PASSWORD_1}).stdout
    planned = tf.plan(env={"TF_VAR_pw": PASSWORD_2})
    assert "1 to change" in planned.stdout
    assert "write_only_data_version = 1 -> 2" in planned.stdout
    api.clear()
    tf.apply(env={"TF_VAR_pw": PASSWORD_2})
    [patch] = api.calls("PATCH")
    assert patch.json == {"password": PASSWORD_2}
    assert "No changes." in tf.plan(env={"TF_VAR_pw": PASSWORD_2}).stdout

    _assert_nowhere(tf, log_path, PASSWORD_1, PASSWORD_2, ADMIN_PASSWORD, API_TOKEN, HEADER_SECRET)

    # the server echoes the password back in an error: the diagnostic does not repeat it
    api.fail_with[("PATCH", f"/api/users/{uid}")] = (
        400, lambda body: {"error": {"code": "2621462", "message": f"password '{body['password']}' is too weak"}})
    failed = tf.apply(check=False, env={"TF_VAR_pw": PASSWORD_3})
    assert failed.returncode == 1
    assert "Error: Could not update the object" in failed.stderr
    assert "2621462" in failed.stderr and "password '***' is too weak" in failed.stderr
    [patch] = api.calls("PATCH")[-1:]
    assert patch.json == {"password": PASSWORD_3}
    _assert_nowhere(tf, log_path, PASSWORD_1, PASSWORD_2, PASSWORD_3, ADMIN_PASSWORD, API_TOKEN, HEADER_SECRET)


PLAIN_VARIABLE_RESOURCE = """
variable "pw" { type = string }
resource "rest_object" "user" {
  path            = "/users"
  data            = jsonencode({ name = "svc" })
  write_only_data = jsonencode({ password = var.pw })
}
"""


def test_a_write_only_value_from_a_variable_not_marked_sensitive_is_never_stored_or_shown(api, terraform, tmp_path):
    tf = terraform()
    log_path = tmp_path / "trace.log"
    tf.enable_trace_log(log_path)
    tf.write(config(api.base_url, PLAIN_VARIABLE_RESOURCE))
    tf.apply(env={"TF_VAR_pw": PASSWORD_1})
    [post] = api.calls("POST", "/api/users")
    assert post.json == {"name": "svc", "password": PASSWORD_1}
    assert "No changes." in tf.plan(env={"TF_VAR_pw": PASSWORD_1}).stdout
    assert "write_only_data_version = 1 -> 2" in tf.plan(env={"TF_VAR_pw": PASSWORD_2}).stdout
    _assert_nowhere(tf, log_path, PASSWORD_1, PASSWORD_2)
