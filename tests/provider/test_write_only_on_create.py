"""``write_only_on_create``: write_only_data goes with the create only (a certificate's private key). A changed
value alone plans nothing and sends nothing; a replacement sends the new value with its create; an imported
object is not updated to send it."""

from __future__ import annotations

import json

from tests.provider.conftest import config

KEY_1 = "key-first-5b0e9c1d"
KEY_2 = "key-second-a41f7e20"

RESOURCE = """
variable "key" {
  type      = string
  sensitive = true
}
variable "pem" {
  type    = string
  default = "cert-1"
}
resource "rest_object" "cert" {
  path                 = "/certificates"
  data                 = jsonencode({ name = "c1", public_certificate = var.pem })
  write_only_data      = jsonencode({ private_key = var.key })
  api                  = jsonencode({
    write_only_on_create = true
    force_new_keys       = ["public_certificate"]
    id_attribute         = "uuid"
  })
}
"""


def test_sent_with_the_create_only(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, RESOURCE))
    tf.apply(env={"TF_VAR_key": KEY_1})
    [post] = api.calls("POST")
    assert post.json == {"name": "c1", "public_certificate": "cert-1", "private_key": KEY_1}
    assert tf.resource("rest_object.cert")["write_only_data_version"] == 1  # sent once, with the create

    # another value alone: nothing to do, nothing sent
    assert "No changes." in tf.plan(env={"TF_VAR_key": KEY_2}).stdout
    api.clear()
    tf.apply(env={"TF_VAR_key": KEY_2})
    assert [c for c in api.calls() if c.method != "GET"] == []

    # a new certificate replaces the object; its create carries the value given now
    tf.apply(env={"TF_VAR_key": KEY_2, "TF_VAR_pem": "cert-2"})
    assert [c.method for c in api.calls() if c.method != "GET"] == ["DELETE", "POST"]
    assert api.calls("POST")[-1].json == {"name": "c1", "public_certificate": "cert-2", "private_key": KEY_2}
    assert KEY_1 not in tf.state_text() and KEY_2 not in tf.state_text()


def test_an_imported_object_is_not_updated_to_send_it(api, terraform):
    uid = "0d9a7d64-3f4c-4d43-9c57-2f1f2f1f2f1f"
    api.collection("certificates")[uid] = {"uuid": uid, "name": "c1", "public_certificate": "cert-1"}
    tf = terraform()
    tf.write(config(api.base_url, RESOURCE))
    import_id = json.dumps({"path": "/certificates", "id": uid, "api": {
        "write_only_on_create": True, "force_new_keys": ["public_certificate"], "id_attribute": "uuid"}})
    tf.import_("rest_object.cert", import_id, env={"TF_VAR_key": KEY_1})
    assert "No changes." in tf.plan(env={"TF_VAR_key": KEY_1}).stdout
    api.clear()
    tf.apply(env={"TF_VAR_key": KEY_1})
    assert [c for c in api.calls() if c.method != "GET"] == []
    # keyform never sent this object's secret: no count of sends
    assert tf.resource("rest_object.cert")["write_only_data_version"] is None
