"""``rest_object`` keeps its write-only digest in Terraform's private state (schema version 2): never an
attribute, never shown, and a changed secret plans ``write_only_data_version`` one up. A state written before
(version 1: the digest a sensitive attribute) is upgraded by the real Terraform without a change planned and
without the digest lost; where Terraform gives no chance to keep it, the secret is sent once more, as an update
the plan shows.

``data/v1-state.json`` is what keyform at 8a0ca6d wrote (its provider applied ``CONFIG`` with
``STORED_PASSWORD`` to this test API; ``V1_RECORDS`` are the records it made there)."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

from tests.provider.conftest import config

V1_STATE = Path(__file__).parent / "data" / "v1-state.json"
STORED_PASSWORD = "Pw-stored-in-v1-4b2e"
NEW_PASSWORD = "Pw-rotated-c81f7d09"
USER, PLAIN = "3400670f-85e8-4c86-b767-e52601062ecf", "456fa222-6310-4b9d-a4cc-a7e00afd3484"
V1_RECORDS = {
    "users": {USER: {"name": "svc", "password": STORED_PASSWORD, "uuid": USER, "server_added": "by-server"}},
    "things": {PLAIN: {"name": "plain", "uuid": PLAIN, "server_added": "by-server"}},
}
CONFIG = """
variable "pw" {
  type      = string
  sensitive = true
}
resource "rest_object" "user" {
  path            = "/users"
  data            = jsonencode({ name = "svc" })
  write_only_data = jsonencode({ password = var.pw })
}
resource "rest_object" "plain" {
  path = "/things"
  data = jsonencode({ name = "plain" })
}
"""


def _instances(tf) -> dict[str, dict]:
    state = json.loads(tf.state_text())
    return {r["name"]: r["instances"][0] for r in state["resources"]}


def _private(instance: dict) -> dict:
    return json.loads(base64.b64decode(instance["private"])) if instance.get("private") else {}


def _v1_digest() -> str:
    return {r["name"]: r for r in json.loads(V1_STATE.read_text())["resources"]}["user"]["instances"][0][
        "attributes"]["write_only_data_hash"]


def _with_v1_state(api, terraform):
    for collection, records in V1_RECORDS.items():
        api.collection(collection).update(json.loads(json.dumps(records)))
    tf = terraform()
    tf.write(config(api.base_url, CONFIG))
    shutil.copy(V1_STATE, tf.dir / "terraform.tfstate")
    return tf


def _pw(password: str) -> dict:
    return {"TF_VAR_pw": password}


def test_the_digest_is_private_state_never_an_attribute_and_a_changed_secret_plans_one_more_send(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, CONFIG))
    tf.apply(env=_pw(STORED_PASSWORD))
    user, plain = _instances(tf)["user"], _instances(tf)["plain"]
    assert user["schema_version"] == 2
    assert "write_only_data_hash" not in user["attributes"] and user["attributes"]["write_only_data_version"] == 1
    digest = _private(user)["write_only_data_hash"]
    assert digest.startswith("pbkdf2-sha256$")
    assert [path for [path] in user["sensitive_attributes"]] == [{"type": "get_attr", "value": "write_only_data"}]
    assert plain["attributes"]["write_only_data_version"] is None and "private" not in plain

    assert tf.plan("-detailed-exitcode", env=_pw(STORED_PASSWORD)).returncode == 0
    changed = tf.plan("-detailed-exitcode", check=False, env=_pw(NEW_PASSWORD))
    assert changed.returncode == 2 and "write_only_data_version = 1 -> 2" in changed.stdout
    assert "Plan: 0 to add, 1 to change, 0 to destroy." in changed.stdout
    api.clear()
    tf.apply(env=_pw(NEW_PASSWORD))
    assert [c.json for c in api.calls("PATCH")] == [{"password": NEW_PASSWORD}]
    user = _instances(tf)["user"]
    assert user["attributes"]["write_only_data_version"] == 2
    assert _private(user)["write_only_data_hash"] not in (digest, None)
    assert tf.plan("-detailed-exitcode", env=_pw(NEW_PASSWORD)).returncode == 0

    shown = json.dumps(tf.show_json()) + tf.all_output("plan", "apply")
    assert "pbkdf2" not in shown and digest not in shown  # no digest is shown anywhere, nor the secrets
    assert STORED_PASSWORD not in shown + tf.state_text() and NEW_PASSWORD not in shown + tf.state_text()


def test_a_send_the_appliance_refuses_keeps_the_prior_digest_and_count_so_the_next_plan_sends_again(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, CONFIG))
    tf.apply(env=_pw(STORED_PASSWORD))
    digest = _private(_instances(tf)["user"])["write_only_data_hash"]
    [uid] = api.collection("users")
    api.fail_with[("PATCH", f"/api/users/{uid}")] = (400, lambda body: {"error": {"message": "password too weak"}})
    refused = tf.apply(check=False, env=_pw(NEW_PASSWORD))
    assert refused.returncode == 1 and "Could not update the object" in refused.stderr
    user = _instances(tf)["user"]
    assert user["attributes"]["write_only_data_version"] == 1 and _private(user) == {"write_only_data_hash": digest}
    del api.fail_with[("PATCH", f"/api/users/{uid}")]
    again = tf.plan("-detailed-exitcode", check=False, env=_pw(NEW_PASSWORD))
    assert again.returncode == 2 and "write_only_data_version = 1 -> 2" in again.stdout
    assert tf.plan("-detailed-exitcode", env=_pw(STORED_PASSWORD)).returncode == 0  # the refused value was not kept


def test_removing_the_secret_plans_the_count_away_and_sends_the_data_without_it(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, CONFIG))
    tf.apply(env=_pw(STORED_PASSWORD))
    tf.write(config(api.base_url, CONFIG.replace("write_only_data = jsonencode({ password = var.pw })", "")))
    planned = tf.plan("-detailed-exitcode", check=False, env=_pw(STORED_PASSWORD))
    assert planned.returncode == 2 and "write_only_data_version = 1 -> null" in planned.stdout
    tf.apply(env=_pw(STORED_PASSWORD))
    user = _instances(tf)["user"]
    assert user["attributes"]["write_only_data_version"] is None and "private" not in user
    assert tf.plan("-detailed-exitcode", env=_pw(STORED_PASSWORD)).returncode == 0


def test_a_v1_state_plans_no_change_and_keeps_its_digest_in_private_state(api, terraform):
    tf = _with_v1_state(api, terraform)
    assert {i["schema_version"] for i in _instances(tf).values()} == {1}

    planned = tf.plan("-detailed-exitcode", env=_pw(STORED_PASSWORD))  # upgrade, refresh, plan
    assert planned.returncode == 0 and "No changes." in planned.stdout, planned.output
    changed = tf.plan("-detailed-exitcode", check=False, env=_pw(NEW_PASSWORD))
    assert changed.returncode == 2 and "write_only_data_version = 1 -> 2" in changed.stdout  # still detected

    tf.apply("-refresh-only", env=_pw(STORED_PASSWORD))
    user, plain = _instances(tf)["user"], _instances(tf)["plain"]
    assert user["schema_version"] == plain["schema_version"] == 2
    assert "write_only_data_hash" not in user["attributes"] and user["attributes"]["write_only_data_version"] == 1
    assert _private(user) == {"write_only_data_hash": _v1_digest()}  # the very digest, moved
    assert [path for [path] in user["sensitive_attributes"]] == [{"type": "get_attr", "value": "write_only_data"}]
    assert plain["attributes"]["write_only_data_version"] is None and "private" not in plain

    api.clear()
    assert tf.plan("-detailed-exitcode", env=_pw(STORED_PASSWORD)).returncode == 0  # from private state now
    tf.apply(env=_pw(NEW_PASSWORD))
    assert [c.json for c in api.calls("PATCH")] == [{"password": NEW_PASSWORD}]
    assert _instances(tf)["user"]["attributes"]["write_only_data_version"] == 2


def test_a_v1_state_planned_without_refresh_keeps_the_digest_for_that_plan(api, terraform):
    tf = _with_v1_state(api, terraform)
    planned = tf.plan("-refresh=false", "-detailed-exitcode", env=_pw(STORED_PASSWORD))
    assert planned.returncode == 0 and "No changes." in planned.stdout, planned.output
    changed = tf.plan("-refresh=false", "-detailed-exitcode", check=False, env=_pw(NEW_PASSWORD))
    assert changed.returncode == 2 and "write_only_data_version = 1 -> 2" in changed.stdout
    api.clear()
    tf.apply("-refresh=false", env=_pw(NEW_PASSWORD))  # the update's apply writes the new digest
    assert [c.json for c in api.calls("PATCH")] == [{"password": NEW_PASSWORD}]
    assert _private(_instances(tf)["user"])["write_only_data_hash"].startswith("pbkdf2-sha256$")
    assert tf.plan("-detailed-exitcode", env=_pw(NEW_PASSWORD)).returncode == 0


def test_a_digest_terraform_gave_no_chance_to_keep_is_sent_once_more_as_a_planned_update(api, terraform):
    """An apply without refresh that changes nothing stores the upgraded object as it was, without private
    state: the digest is gone, so the next plan cannot tell the secret unchanged and sends it again."""
    tf = _with_v1_state(api, terraform)
    tf.apply("-refresh=false", env=_pw(STORED_PASSWORD))
    user = _instances(tf)["user"]
    assert user["schema_version"] == 2 and "private" not in user
    planned = tf.plan("-detailed-exitcode", check=False, env=_pw(STORED_PASSWORD))
    assert planned.returncode == 2 and "write_only_data_version = 1 -> 2" in planned.stdout
    api.clear()
    tf.apply(env=_pw(STORED_PASSWORD))
    assert [c.json for c in api.calls("PATCH")] == [{"password": STORED_PASSWORD}]  # once, the same value
    assert tf.plan("-detailed-exitcode", env=_pw(STORED_PASSWORD)).returncode == 0
