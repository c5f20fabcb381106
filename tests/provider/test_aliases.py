"""Two aliased provider instances, each against its own API with its own credentials."""

from __future__ import annotations

from tests.provider.conftest import TERRAFORM_BLOCK, basic_auth, provider_block

PASSWORD_A = "pw-for-a-61d0"
TOKEN_B = "token-for-b-9f27"

BODY = """
resource "rest_object" "on_a" {
  provider = rest.a
  path     = "/things"
  data     = jsonencode({ name = "only-on-a" })
}
resource "rest_object" "on_b" {
  provider = rest.b
  path     = "/things"
  data     = jsonencode({ name = "only-on-b" })
}
"""


def test_aliased_instances_route_each_resource_to_its_own_api(make_api, terraform):
    api_a, api_b = make_api("a"), make_api("b")
    api_a.require_basic = ("admin-a", PASSWORD_A)
    api_b.require_token = ("X-Vault-Token", TOKEN_B)
    tf = terraform()
    tf.write(TERRAFORM_BLOCK
             + provider_block(api_a.base_url, alias="a", username="admin-a", password=PASSWORD_A)
             + provider_block(api_b.base_url, alias="b", token_header="X-Vault-Token", token=TOKEN_B)
             + BODY)
    tf.apply()

    assert [o["name"] for o in api_a.collection("things").values()] == ["only-on-a"]
    assert [o["name"] for o in api_b.collection("things").values()] == ["only-on-b"]
    assert all(r.status < 400 for r in api_a.requests + api_b.requests)
    for request in api_a.requests:
        assert request.header("Authorization") == basic_auth("admin-a", PASSWORD_A)
        assert request.header("X-Vault-Token") is None
    for request in api_b.requests:
        assert request.header("X-Vault-Token") == TOKEN_B
        assert request.header("Authorization") is None

    [id_a], [id_b] = api_a.collection("things"), api_b.collection("things")
    assert tf.resource("rest_object.on_a")["id"] == id_a
    assert tf.resource("rest_object.on_b")["id"] == id_b

    api_a.clear(), api_b.clear()
    tf.destroy()
    assert [(r.method, r.path) for r in api_a.calls("DELETE")] == [("DELETE", f"/api/things/{id_a}")]
    assert [(r.method, r.path) for r in api_b.calls("DELETE")] == [("DELETE", f"/api/things/{id_b}")]
    assert api_a.collection("things") == {} and api_b.collection("things") == {}
