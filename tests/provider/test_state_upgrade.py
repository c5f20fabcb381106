"""A state written by keyform before ``api`` (schema version 0, every setting its own attribute) is upgraded by
the real Terraform: the configuration rewritten to ``api`` plans no change, the settings set are folded into
``api`` (bodies as objects), an object with none has ``api`` null, and the folded calls are the ones made.

``data/v0-state.json`` is what keyform at aa11692 wrote (its provider applied the v0 configuration below to this
test API, the plain object imported under a fixed uuid; named .json, since the repository ignores *.tfstate)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from keyform.provider.object_api import KEYS
from tests.provider.conftest import config

V0_STATE = Path(__file__).parent / "data" / "v0-state.json"
UID = "7c6d2a1e-0b7f-4c55-9a4e-1f0c2d3e4a5b"

# What the v0 state was applied from, for the record:
#   resource "rest_object" "rpc" { path = "/rpc", data = ..., create_path = "/rpc/create", id_template = ...,
#     read_method = "POST", read_path = "/rpc/get", read_body = jsonencode({ name = "{data.name}" }), destroy_* ...,
#     force_new_keys = ["name"], polling = { interval_seconds = "0.05", timeout_seconds = "10" } }
#   resource "rest_object" "plain" { path = "/things", data = jsonencode({ name = "plain" }) }
V1 = """
resource "rest_object" "rpc" {
  path = "/rpc"
  data = jsonencode({ name = "srv1", port = 5696 })
  api = jsonencode({
    create_path    = "/rpc/create"
    id_template    = "{data.name}"
    read_method    = "POST"
    read_path      = "/rpc/get"
    read_body      = { name = "{data.name}" }
    destroy_method = "POST"
    destroy_path   = "/rpc/delete"
    destroy_body   = { name = "{data.name}" }
    force_new_keys = ["name"]
    polling        = { interval_seconds = "0.05", timeout_seconds = "10" }
  })
}

resource "rest_object" "plain" {
  path = "/things"
  data = jsonencode({ name = "plain" })
}
"""

FOLDED = {"create_path": "/rpc/create", "destroy_body": {"name": "{data.name}"}, "destroy_method": "POST",
          "destroy_path": "/rpc/delete", "force_new_keys": ["name"], "id_template": "{data.name}",
          "polling": {"interval_seconds": "0.05", "timeout_seconds": "10"}, "read_body": {"name": "{data.name}"},
          "read_method": "POST", "read_path": "/rpc/get"}


def _instances(tf) -> dict[str, dict]:
    state = json.loads(tf.state_text())
    return {r["name"]: r["instances"][0] for r in state["resources"]}


def test_a_v0_state_plans_no_change_and_is_folded_into_api(api, terraform):
    api.collection("things")[UID] = {"uuid": UID, "name": "plain"}
    api.rpc_objects["srv1"] = {"name": "srv1", "port": 5696, "created_by": "rpc"}
    tf = terraform()
    tf.write(config(api.base_url, V1))
    shutil.copy(V0_STATE, tf.dir / "terraform.tfstate")
    assert {i["schema_version"] for i in _instances(tf).values()} == {0}
    assert set(KEYS) <= set(_instances(tf)["rpc"]["attributes"])

    plan = tf.plan("-detailed-exitcode")
    assert plan.returncode == 0 and "No changes." in plan.stdout, plan.output
    assert [c.path for c in api.calls("POST")] == ["/api/rpc/get"]  # the refresh read with the folded read_*

    tf.apply("-refresh-only")
    rpc, plain = _instances(tf)["rpc"], _instances(tf)["plain"]
    assert rpc["schema_version"] == plain["schema_version"] == 2
    assert sorted(rpc["attributes"]) == ["api", "data", "id", "path", "response", "write_only_data",
                                         "write_only_data_version"]
    assert rpc["attributes"]["write_only_data_version"] is None and "private" not in rpc  # v0 held no digest
    assert json.loads(rpc["attributes"]["api"]) == FOLDED
    assert rpc["attributes"]["api"] == json.dumps(FOLDED, sort_keys=True, separators=(",", ":"))
    assert plain["attributes"]["api"] is None and plain["attributes"]["id"] == UID
    assert "No changes." in tf.plan().stdout

    api.clear()
    tf.destroy()
    assert [c.json for c in api.calls("POST", "/api/rpc/delete")] == [{"name": "srv1"}]  # the folded destroy_*
    assert api.rpc_objects == {} and api.collection("things") == {}
