"""After a create whose answer does not hold the id (ONTAP answers a POST with ``num_records`` only), the provider
finds the object with its lookup; the state's ``response`` is then the object as a refresh reads it, not the
lookup's record (which holds only the fields the lookup asked for)."""

from __future__ import annotations

import json

from tests.provider.conftest import config

PASSWORD = "ontap-read-back-Passw0rd"

KEY_MANAGER = """
resource "rest_object" "km" {
  path            = "/security/key-managers"
  data            = jsonencode({ svm = { name = "svm1" }, external = { client_certificate = { name = "kmip-client" },
                                 server_ca_certificates = [{ name = "kmip-ca" }] } })
  api             = jsonencode({
    id_attribute    = "uuid"
    lookup_path     = "{path}?fields=svm"
    lookup_selector = "records[svm/name=svm1]"
  })
}
"""


def test_the_state_holds_the_whole_object_after_a_create_found_by_lookup(simulator, terraform):
    sim = simulator("ontap", name="ontap-read-back", password=PASSWORD)
    tf = terraform()
    tf.write(config(sim.url + "/api", KEY_MANAGER, username="admin", password=PASSWORD))
    tf.apply()
    response = json.loads(tf.resource("rest_object.km")["response"])
    assert response["external"]["client_certificate"]["name"] == "kmip-client", response
    assert response["svm"]["name"] == "svm1" and response["uuid"]
    # ONTAP answers with HAL links in the record and in each reference (svm, certificates): none are kept
    assert "_links" not in tf.resource("rest_object.km")["response"]
    assert "No changes." in tf.plan().stdout
