"""Vault DR replication simulator: activation handshake between clusters, revocation, failover and failback."""

from __future__ import annotations

import time
import uuid

from keyform.simulators.vault import peering, unseal_keys
from tests.simulators.test_vault_support import pair


def test_activation_handshake(vaults):
    a, b = vaults("vault-a", "vault-b")
    a.ok("POST", "/primary/enable", {})
    primary = a.status()["data"]
    b_keys_before = b.unseal_keys()
    token = a.secondary_token("b")
    b.ok("POST", "/secondary/enable", {"token": token, "ca_file": "", "ca_path": ""})

    a_status = a.status()["data"]
    assert a_status["known_secondaries"] == ["b"]
    (entry,) = a_status["secondaries"]
    assert entry["node_id"] == "b" and entry["api_address"] == b.url
    assert entry["connection_status"] == "connected" and entry["last_heartbeat"]
    assert entry["cluster_address"].startswith("https://")

    body = b.status()
    assert body["mode"] == "dr-secondary"
    data = body["data"]
    assert data["mode"] == "secondary" and data["state"] == "stream-wals"
    assert data["cluster_id"] == primary["cluster_id"] and data["secondary_id"] == "b"
    (link,) = data["primaries"]
    assert link["api_address"] == a.url and link["connection_status"] == "connected" and link["last_heartbeat"]
    assert data["known_primary_cluster_addrs"] == [primary["primary_cluster_addr"]]
    assert data["last_remote_wal"] == a.status()["data"]["last_wal"]
    assert data["merkle_root"] == a.status()["data"]["merkle_root"]
    # B adopted A's unseal key set.
    assert b.unseal_keys() == a.unseal_keys() != b_keys_before


def test_primary_api_addr_overrides_the_token(vaults):
    a, b = vaults("vault-a", "vault-b")
    a.ok("POST", "/primary/enable", {})
    token = a.secondary_token("b")
    b.ok("POST", "/secondary/enable", {"token": token, "primary_api_addr": a.url + "/"})
    assert b.status()["data"]["state"] == "stream-wals"


def test_used_revoked_expired_and_bad_tokens_are_refused(vaults):
    a, b, c = vaults("vault-a", "vault-b", "vault-c")
    a.ok("POST", "/primary/enable", {})
    used = a.secondary_token("b")
    b.ok("POST", "/secondary/enable", {"token": used})
    assert "already been used" in c.error("POST", "/secondary/enable", {"token": used})

    revoked = a.secondary_token("c")
    a.ok("POST", "/primary/revoke-secondary", {"id": "c"})
    assert "revoked" in c.error("POST", "/secondary/enable", {"token": revoked})

    expiring = a.secondary_token("c2", ttl="1s")
    time.sleep(1.1)
    assert "expired" in c.error("POST", "/secondary/enable", {"token": expiring})

    forged = used.split(".")[0] + ".not-the-secret"
    message = c.error("POST", "/secondary/enable", {"token": forged})
    assert "invalid" in message and "not-the-secret" not in message
    assert "malformed" in c.error("POST", "/secondary/enable", {"token": "garbage"})
    assert "missing" in c.error("POST", "/secondary/enable", {})
    assert c.status()["data"] == {"mode": "disabled"}


def test_unreachable_primary(vaults):
    a, b = vaults("vault-a", "vault-b")
    a.ok("POST", "/primary/enable", {})
    token = a.secondary_token("b")
    a.server.stop()
    message = b.error("POST", "/secondary/enable", {"token": token}, status=500)
    assert "error contacting the primary" in message and token not in message
    assert b.status()["data"]["mode"] == "disabled"


def test_revoked_secondary_is_disconnected(vaults):
    a, b = pair(vaults)
    a.ok("POST", "/primary/revoke-secondary", {"id": "b"})
    assert a.status()["data"]["known_secondaries"] == []
    data = b.status()["data"]
    assert data["state"] == "connecting"
    assert data["primaries"][0]["connection_status"] == "disconnected"


def test_demoted_primary_and_disabled_secondary_show_disconnected(vaults):
    a, b = pair(vaults)
    op = b.operation_token(a.unseal_keys()[:3])
    b.ok("POST", "/secondary/disable", {"dr_operation_token": op})
    assert b.status()["data"] == {"mode": "disabled"}
    assert a.status()["data"]["secondaries"][0]["connection_status"] == "disconnected"

    a2, b2 = vaults("vault-a2", "vault-b2")
    a2.ok("POST", "/primary/enable", {})
    b2.ok("POST", "/secondary/enable", {"token": a2.secondary_token("b2")})
    a2.ok("POST", "/primary/demote")
    assert b2.status()["data"]["primaries"][0]["connection_status"] == "disconnected"


def test_a_peer_that_stops_answering_lapses_only_after_the_lapse_time(vaults, monkeypatch):
    """No answer is not a refusal: one missed probe or heartbeat (a slow handshake under load) leaves the
    link connected; it shows disconnected once no contact succeeded for ``LAPSE_SECONDS``."""
    a, b = pair(vaults)
    b.server.stop()
    (entry,) = a.status()["data"]["secondaries"]
    assert entry["connection_status"] == "connected"
    monkeypatch.setattr(peering, "LAPSE_SECONDS", 0.0)
    (entry,) = a.status()["data"]["secondaries"]
    assert entry["connection_status"] == "disconnected"

    c, d = vaults("vault-c", "vault-d")
    c.ok("POST", "/primary/enable", {})
    d.ok("POST", "/secondary/enable", {"token": c.secondary_token("d")})
    monkeypatch.setattr(peering, "LAPSE_SECONDS", 60.0)
    c.server.stop()
    data = d.status()["data"]
    assert (data["state"], data["primaries"][0]["connection_status"]) == ("stream-wals", "connected")
    monkeypatch.setattr(peering, "LAPSE_SECONDS", 0.0)
    data = d.status()["data"]
    assert (data["state"], data["primaries"][0]["connection_status"]) == ("connecting", "disconnected")


def test_failover_and_failback(vaults):
    a, b = pair(vaults)
    cluster_id = a.status()["data"]["cluster_id"]
    shares = unseal_keys(a.server.settings)["keys_base64"][:3]

    # Fail over: promote B with a DR operation token made from the primary's key shares.
    op_b = b.operation_token(shares)
    assert "invalid DR operation token" in b.error("POST", "/secondary/promote", {"dr_operation_token": "nope"})
    assert "invalid DR operation token" in b.error("POST", "/secondary/promote", {})
    body = b.ok("POST", "/secondary/promote", {"dr_operation_token": op_b, "force": False}, status=200)
    assert body["data"] == {"complete": True, "progress": 0, "required": 0}
    assert body["complete"] is True and body["wrap_info"] is None and body["lease_id"] == ""
    promoted = b.status()["data"]
    assert promoted["mode"] == "primary" and promoted["state"] == "running"
    assert promoted["cluster_id"] == cluster_id and promoted["known_secondaries"] == []

    # Demote the old primary: a secondary without a primary, same cluster ID.
    a.ok("POST", "/primary/demote")
    demoted = a.status()["data"]
    assert demoted["state"] == "idle" and demoted["cluster_id"] == cluster_id

    # Fail back: A follows B, authorised by an operation token generated on A (op_b, registered
    # with A while A was primary, would do too: see test_vault_operation_token_set.py).
    op_a = a.operation_token(shares)
    token = b.secondary_token("a")
    assert "invalid DR operation token" in a.error(
        "POST", "/secondary/update-primary", {"dr_operation_token": str(uuid.uuid4()), "token": token}
    )
    a.ok("POST", "/secondary/update-primary", {"dr_operation_token": op_a, "token": token})
    following = a.status()["data"]
    assert following["state"] == "stream-wals" and following["secondary_id"] == "a"
    assert following["primaries"][0]["api_address"] == b.url
    assert b.status()["data"]["known_secondaries"] == ["a"]

    # A blank token forgets the primary; the operation token can then be deleted.
    a.ok("POST", "/secondary/update-primary", {"dr_operation_token": op_a, "token": ""})
    assert a.status()["data"]["state"] == "idle" and a.status()["data"]["known_primary_cluster_addrs"] == []
    a.ok("POST", "/secondary/operation-token/delete", {"dr_operation_token": op_a})
    deleted = a.error("POST", "/secondary/operation-token/delete", {"dr_operation_token": op_a})
    assert "invalid DR operation token" in deleted
    assert "invalid DR operation token" in a.error(
        "POST", "/secondary/update-primary", {"dr_operation_token": op_a, "token": ""}
    )


def test_update_primary_refuses_another_replication_set(vaults):
    a, b = pair(vaults)
    (c,) = vaults("vault-c")
    c.ok("POST", "/primary/enable", {})
    op_b = b.operation_token(a.unseal_keys()[2:])
    payload = {"dr_operation_token": op_b, "token": c.secondary_token("b")}
    message = b.error("POST", "/secondary/update-primary", payload)
    assert "different DR replication set" in message
    assert b.status()["data"]["primaries"][0]["api_address"] == a.url
