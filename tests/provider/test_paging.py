"""Collections that page (ONTAP ``max_records`` + ``_links.next.href``), read whole by the provider: the data source
and the adoption lookup see records that only a later page holds. The ONTAP simulator gives the real shape."""

from __future__ import annotations

import json

import requests

from tests.provider.conftest import config

PASSWORD = "ontap-paging-Passw0rd"
EXTERNAL = {"client_certificate": {"name": "kmip-client"}, "server_ca_certificates": [{"name": "kmip-ca"}]}

READS = """
data "rest_object" "server" {
  path       = "/security/key-managers/UUID/key-servers?fields=*&max_records=1"
  items_path = "records"
  match      = { server = "SERVER" }
  pick       = { timeout = "timeout" }
}

data "rest_object" "manager" {
  path       = "/security/key-managers?fields=svm&max_records=1"
  items_path = "records"
  match      = { "svm/name" = "svm2" }
  pick       = { uuid = "uuid" }
}

resource "rest_object" "km" {
  path            = "/security/key-managers"
  data            = jsonencode({ svm = { name = "svm2" }, external = EXTERNAL })
  api             = jsonencode({
    id_attribute    = "uuid"
    lookup_path     = "{path}?fields=svm&max_records=1"
    lookup_selector = "records[svm/name=svm2]"
  })
}

output "timeout" { value = data.rest_object.server.values.timeout }
output "uuid" { value = data.rest_object.manager.values.uuid }
output "servers" { value = length(jsondecode(data.rest_object.server.result).server) }
"""


def test_data_source_and_adoption_lookup_read_every_page(simulator, terraform, kmip_servers):
    sim = simulator("ontap", name="ontap-paging", password=PASSWORD)
    session = requests.Session()
    session.auth = ("admin", PASSWORD)
    base = sim.url + "/api"

    def post(path: str, body: dict) -> requests.Response:
        answer = session.post(base + path, json=body, timeout=10)
        assert answer.status_code == 201, answer.text
        return answer

    post("/security/key-managers", {"svm": {"name": "svm1"}, "external": EXTERNAL})
    svm2 = post("/security/key-managers", {"svm": {"name": "svm2"}, "external": EXTERNAL})
    uuid = svm2.headers["Location"].rsplit("/", 1)[1]
    servers = [server.address for server in kmip_servers(3)]  # real: the cluster connects to each it adds
    for server, timeout in zip(servers, (10, 20, 30)):
        post(f"/security/key-managers/{uuid}/key-servers", {"server": server, "timeout": timeout})
    first = session.get(f"{base}/security/key-managers", params={"fields": "svm", "max_records": 1}, timeout=10)
    assert [r["svm"]["name"] for r in first.json()["records"]] == ["svm1"]  # svm2's is on the second page

    tf = terraform()
    reads = READS.replace("UUID", uuid).replace("SERVER", servers[2])
    tf.write(config(base, reads.replace("EXTERNAL", json.dumps(EXTERNAL).replace(":", " =")), username="admin"))
    applied = tf.apply(env={"KEYFORM_REST_PASSWORD": PASSWORD})
    assert "An existing object was taken into state" in applied.output, applied.output
    outputs = {k: v["value"] for k, v in tf.show_json()["values"]["outputs"].items()}
    assert outputs == {"timeout": "30", "uuid": uuid, "servers": len(servers[2])}
    assert tf.resource("rest_object.km")["id"] == uuid
    managers = session.get(f"{base}/security/key-managers", timeout=10).json()
    assert managers["num_records"] == 2  # adopted, not created again
