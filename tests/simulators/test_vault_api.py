"""Vault DR replication simulator: envelope, auth, status codes, primary endpoints, faults, persistence."""

from __future__ import annotations

import requests

from keyform.simulators.__main__ import build_settings
from keyform.simulators.common import Faults
from keyform.simulators.vault import BASE_PATH, DEFAULT_CREDENTIALS, unseal_keys
from tests.simulators.test_vault_support import DR, pair

ENVELOPE = {"request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth"}


def test_package_contract():
    assert DEFAULT_CREDENTIALS == {"token": "vault-sim-root"}
    assert BASE_PATH == "/v1"


def test_status_of_a_fresh_cluster_is_disabled(vaults):
    (a,) = vaults("vault-a")
    assert a.token == "vault-sim-root-vault-a"
    body = a.status()
    assert ENVELOPE <= set(body)
    assert body["mode"] == "disabled" and body["data"] == {"mode": "disabled"}
    assert body["lease_id"] == "" and body["renewable"] is False and body["wrap_info"] is None


def test_auth_is_required(vaults):
    (a,) = vaults("vault-a")
    for token in (None, "wrong"):
        response = a.call("GET", "/status", token=token)
        assert response.status_code == 403
        assert response.json() == {"errors": ["permission denied"]}
        assert a.call("POST", "/primary/enable", {}, token=token).status_code == 403
    assert a.status()["mode"] == "disabled"
    bearer = requests.get(a.url + DR + "/status", headers={"Authorization": f"Bearer {a.token}"}, timeout=5)
    assert bearer.status_code == 200


def test_unknown_path_and_wrong_method(vaults):
    (a,) = vaults("vault-a")
    missing = a.call("GET", "/no-such-thing")
    assert missing.status_code == 404 and missing.json() == {"errors": []}
    for method, path in [("POST", "/status"), ("GET", "/primary/enable"), ("DELETE", "/secondary/promote"),
                         ("GET", "/secondary/generate-operation-token/update")]:
        response = a.call(method, path)
        assert response.status_code == 405 and response.json() == {"errors": []}, (method, path)


def test_bad_json_is_a_vault_error(vaults):
    (a,) = vaults("vault-a")
    headers = {"X-Vault-Token": a.token}
    response = requests.post(a.url + DR + "/primary/enable", data="{nope", headers=headers, timeout=5)
    assert response.status_code == 400
    assert response.json()["errors"][0].startswith("failed to parse JSON input")


def test_primary_enable_status_and_refusals(vaults):
    (a,) = vaults("vault-a")
    a.ok("POST", "/primary/enable", {"primary_cluster_addr": "https://lb.example:8201"})
    body = a.status()
    assert body["mode"] == "dr-primary"
    data = body["data"]
    assert data["mode"] == "primary" and data["state"] == "running"
    assert data["known_secondaries"] == [] and data["secondaries"] == []
    assert data["primary_cluster_addr"] == "https://lb.example:8201"
    assert isinstance(data["last_wal"], int) and len(data["merkle_root"]) == 40
    for key in ("cluster_id", "known_secondaries", "last_wal", "merkle_root"):
        assert body[key] == data[key]
    assert "already a DR primary" in a.error("POST", "/primary/enable", {})


def test_enable_primary_is_refused_on_a_secondary(vaults):
    a, b = pair(vaults)
    assert "promoted" in b.error("POST", "/primary/enable", {})
    assert "already a DR secondary" in b.error("POST", "/secondary/enable", {"token": a.secondary_token("b2")})
    assert "DR primary" in a.error("POST", "/secondary/enable", {"token": a.secondary_token("x")})


def test_primary_only_endpoints_refused_elsewhere(vaults):
    (a,) = vaults("vault-a")
    for path, payload in [("/primary/demote", {}), ("/primary/disable", {}), ("/primary/secondary-token", {"id": "x"}),
                          ("/primary/revoke-secondary", {"id": "x"}), ("/secondary/disable", {}),
                          ("/secondary/promote", {"dr_operation_token": "x"})]:
        assert "not a DR" in a.error("POST", path, payload), path


def test_secondary_token_shape_ttl_and_uniqueness(vaults):
    (a,) = vaults("vault-a")
    a.ok("POST", "/primary/enable", {})
    body = a.ok("POST", "/primary/secondary-token", {"id": "us-east"}, status=200)
    assert body["data"] is None and ENVELOPE <= set(body)
    wrap = body["wrap_info"]
    assert set(wrap) == {"token", "accessor", "ttl", "creation_time", "creation_path", "wrapped_accessor"}
    assert wrap["ttl"] == 1800 and wrap["creation_path"] == "sys/replication/dr/primary/secondary-token"
    assert "already exists" in a.error("POST", "/primary/secondary-token", {"id": "us-east"})
    assert a.ok("POST", "/primary/secondary-token", {"id": "eu", "ttl": "300s"}, status=200)["wrap_info"]["ttl"] == 300
    assert a.ok("POST", "/primary/secondary-token", {"id": "ap", "ttl": "1h"}, status=200)["wrap_info"]["ttl"] == 3600
    # The doc's sample is a GET with the id in the query string.
    got = a.call("GET", "/primary/secondary-token", params={"id": "us-west-1", "ttl": "30m"})
    assert got.status_code == 200 and got.json()["wrap_info"]["ttl"] == 1800
    assert "missing" in a.error("POST", "/primary/secondary-token", {})
    assert "invalid duration" in a.error("POST", "/primary/secondary-token", {"id": "z", "ttl": "soon"})
    assert "no secondary" in a.error("POST", "/primary/revoke-secondary", {"id": "never-issued"})
    a.ok("POST", "/primary/revoke-secondary", {"id": "us-east"})
    # A revoked id may be given a new activation token.
    a.ok("POST", "/primary/secondary-token", {"id": "us-east"}, status=200)


def test_disable_and_reenable_changes_cluster_id(vaults):
    (a,) = vaults("vault-a")
    a.ok("POST", "/primary/enable", {})
    first = a.status()["data"]["cluster_id"]
    a.ok("PUT", "/primary/disable")  # Vault treats PUT like POST
    assert a.status()["data"] == {"mode": "disabled"}
    a.ok("POST", "/primary/enable", {})
    assert a.status()["data"]["cluster_id"] != first


def test_demote_keeps_cluster_id_and_is_idle(vaults):
    (a,) = vaults("vault-a")
    a.ok("POST", "/primary/enable", {})
    cluster_id = a.status()["cluster_id"]
    a.ok("POST", "/primary/demote")
    body = a.status()
    assert body["mode"] == "dr-secondary"
    data = body["data"]
    assert data["mode"] == "secondary" and data["state"] == "idle"
    assert data["cluster_id"] == cluster_id and data["primaries"] == [] and data["known_primary_cluster_addrs"] == []


def test_fault_injection_gives_a_vault_503(vaults):
    (a,) = vaults("vault-a")
    assert requests.put(a.url + "/_admin/faults", json={"fail_next": 1}, timeout=5).status_code == 200
    response = a.call("GET", "/status")
    assert response.status_code == 503 and isinstance(response.json()["errors"], list)
    assert a.call("GET", "/status").status_code == 200


def test_unseal_keys_admin_endpoint(vaults):
    (a,) = vaults("vault-a")
    response = requests.get(a.url + "/_admin/unseal-keys", headers={"X-Vault-Token": a.token}, timeout=5)
    assert response.status_code == 200
    body = response.json()
    assert body["secret_shares"] == 5 and body["secret_threshold"] == 3
    assert body["keys_base64"] == a.unseal_keys() and len(body["keys"]) == 5
    assert requests.get(a.url + "/_admin/unseal-keys", timeout=5).status_code == 403


def test_unseal_keys_from_settings_extra(simulator):
    server = simulator("vault", name="vault-c")
    assert unseal_keys(server.settings)["secret_threshold"] == 3
    settings = build_settings("vault", "vault-d", 0, None, Faults())
    settings.extra = {"unseal_keys": ["aa" * 33, "bb" * 33], "unseal_threshold": 2}
    described = unseal_keys(settings)
    assert described["keys"] == ["aa" * 33, "bb" * 33] and described["secret_threshold"] == 2


def test_restart_with_state_file_keeps_mode_ids_and_tokens(simulator, tmp_path):
    from tests.simulators.test_vault_support import Vault

    path = str(tmp_path / "vault-a.json")
    server = simulator("vault", name="vault-a", state_path=path)
    a = Vault(server)
    a.ok("POST", "/primary/enable", {})
    a.secondary_token("kept")
    before = a.status()["data"]
    server.stop()
    again = Vault(simulator("vault", name="vault-a", state_path=path))
    after = again.status()["data"]
    assert after["mode"] == "primary" and after["cluster_id"] == before["cluster_id"]
    assert after["last_wal"] == before["last_wal"]
    assert "already exists" in again.error("POST", "/primary/secondary-token", {"id": "kept"})
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert '"token_hash"' in text  # only hashes of activation tokens are kept
