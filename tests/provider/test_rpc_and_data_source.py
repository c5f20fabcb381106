"""POST-only (RPC-style) reads and destroys, and the rest_object data source."""

from __future__ import annotations

import json

from tests.provider.conftest import config

RPC_OBJECT = """
resource "rest_object" "kmip" {
  path           = "/rpc"
  data           = jsonencode({ name = "srv1", port = PORT })
  api            = jsonencode({
    create_path    = "/rpc/create"
    id_template    = "{data.name}"
    read_method    = "POST"
    read_path      = "/rpc/get"
    read_body      = { name = "{data.name}" }
    destroy_method = "POST"
    destroy_path   = "/rpc/delete"
    destroy_body   = { name = "{data.name}" }
  })
}
"""


def test_post_only_reads_and_destroy(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, RPC_OBJECT.replace("PORT", "5696")))
    tf.apply()
    [create] = api.calls("POST", "/api/rpc/create")
    assert create.json == {"name": "srv1", "port": 5696}
    assert tf.resource("rest_object.kmip")["id"] == "srv1"

    api.clear()
    assert "No changes." in tf.plan().stdout
    reads = api.calls(prefix="/api/rpc/")
    assert [(r.method, r.path, r.json) for r in reads] == [("POST", "/api/rpc/get", {"name": "srv1"})]
    assert api.calls("GET") == []

    # the POST read sees an out-of-band change as drift of that key
    api.rpc_objects["srv1"]["port"] = 5697
    planned = tf.plan(check=False)
    assert any("port" in line and "5697 -> 5696" in line for line in planned.stdout.splitlines()), planned.stdout

    # ... and a 404 from the POST read means gone: planned again
    del api.rpc_objects["srv1"]
    assert "rest_object.kmip will be created" in tf.plan().stdout
    api.rpc_objects["srv1"] = {"name": "srv1", "port": 5696}

    api.clear()
    tf.destroy()
    assert [(r.method, r.path, r.json) for r in api.calls(prefix="/api/rpc/delete")] == [
        ("POST", "/api/rpc/delete", {"name": "srv1"})]
    assert api.calls("DELETE") == []
    assert "srv1" not in api.rpc_objects


DATA_SOURCES = """
data "rest_object" "km" {
  path       = "/key-managers"
  items_path = "records"
  match      = { "svm/name" = "SVM" }
  pick       = { uuid = "uuid", first_server = "servers/0/host", port = "servers/0/port" }
}

data "rest_object" "rpc" {
  path   = "/rpc/get"
  method = "POST"
  body   = jsonencode({ name = "srv9" })
  pick   = { port = "port" }
}

output "km_uuid" { value = data.rest_object.km.values.uuid }
output "km_server" { value = data.rest_object.km.values.first_server }
output "km_port" { value = data.rest_object.km.values.port }
output "km_svm" { value = jsondecode(data.rest_object.km.result).svm.name }
output "rpc_port" { value = data.rest_object.rpc.values.port }
"""


def _seed_key_managers(api):
    managers = api.collection("key-managers")
    managers["u-1"] = {"uuid": "u-1", "svm": {"name": "svm0"}, "servers": [{"host": "10.0.0.1", "port": 5696}]}
    managers["u-2"] = {"uuid": "u-2", "svm": {"name": "svm1"}, "servers": [{"host": "10.0.0.2", "port": 5697}]}
    api.rpc_objects["srv9"] = {"name": "srv9", "port": 5699}


def test_data_source_selects_item_picks_values_and_posts(api, terraform):
    _seed_key_managers(api)
    tf = terraform()
    tf.write(config(api.base_url, DATA_SOURCES.replace("SVM", "svm1")))
    tf.apply()

    outputs = tf.show_json()["values"]["outputs"]
    assert {k: v["value"] for k, v in outputs.items()} == {
        "km_uuid": "u-2", "km_server": "10.0.0.2", "km_port": "5697", "km_svm": "svm1", "rpc_port": "5699",
    }
    assert [r.path for r in api.calls("GET", prefix="/api/key-managers")]
    [rpc] = api.calls("POST", "/api/rpc/get")
    assert rpc.json == {"name": "srv9"}
    values = tf.resource("data.rest_object.km")
    assert json.loads(values["result"])["uuid"] == "u-2"


def test_data_source_nothing_matches_is_a_clear_error(api, terraform):
    _seed_key_managers(api)
    tf = terraform()
    tf.write(config(api.base_url, DATA_SOURCES.replace("SVM", "svm9")))
    failed = tf.plan(check=False)
    assert failed.returncode == 1
    assert "Error: Nothing to read" in failed.stderr
    assert "no item of 'records' has svm/name = svm9 (2 items looked at)" in failed.stderr
    assert "Traceback" not in failed.output
