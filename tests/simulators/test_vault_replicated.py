"""Vault simulator: mounts, and the replicated document (policies, token roles, mounts) — carried
to DR secondaries at activation and with heartbeats, wiped by secondary/enable, kept by promotion,
demotion and disabling, persisted in the state file."""

from __future__ import annotations

import json

from keyform.simulators.vault.peering import Contact
from tests.simulators.test_vault_data_support import ALL_DR_POLICY, call, error, make_batch_token, ok, state
from tests.simulators.test_vault_support import Vault, pair

MOUNTS = "/sys/mounts"
ENTRY = {"type", "description", "accessor", "uuid", "config", "options", "local", "seal_wrap",
         "external_entropy_access"}
TEAM_POLICY = 'path "team/*" { capabilities = ["read", "list"] }'


def _mounts(vault: Vault) -> dict:
    return state(vault)["replicated"]["mounts"]


def _policies(vault: Vault) -> dict:
    return state(vault)["replicated"]["policies"]


# -- mounts ---------------------------------------------------------------------------------

def test_built_in_mounts(vaults):
    (a,) = vaults("vault-a")
    body = ok(a, "GET", MOUNTS, status=200)
    data = body["data"]
    assert set(data) == {"cubbyhole/", "identity/", "sys/"}
    assert {path: entry["type"] for path, entry in data.items()} == \
        {"cubbyhole/": "cubbyhole", "identity/": "identity", "sys/": "system"}
    for path, entry in data.items():
        assert set(entry) == ENTRY and entry["accessor"].startswith(entry["type"] + "_")
        assert entry["config"] == {"default_lease_ttl": 0, "max_lease_ttl": 0, "force_no_cache": False}
        assert entry["seal_wrap"] is False and entry["local"] is (path == "cubbyhole/")
        assert body[path] == entry  # repeated at the top level, as Vault's sys/mounts does
    for path in ("sys", "cubbyhole/", "identity"):
        assert error(a, "POST", f"{MOUNTS}/{path}", {"type": "kv"}) == f"path is already in use at {path.strip('/')}/"
        assert error(a, "DELETE", f"{MOUNTS}/{path}") == f'cannot unmount "{path.strip("/")}/"'


def test_mount_crud_and_refusals(vaults):
    (a,) = vaults("vault-a")
    ok(a, "POST", f"{MOUNTS}/secret", {"type": "kv", "description": "team secrets", "options": {"version": 1}})
    ok(a, "PUT", f"{MOUNTS}/team/v2/", {"type": "kv-v2"})
    data = ok(a, "GET", MOUNTS, status=200)["data"]
    assert data["secret/"]["type"] == "kv" and data["secret/"]["description"] == "team secrets"
    assert data["secret/"]["options"] == {"version": "1"} and data["secret/"]["local"] is False
    assert data["team/v2/"]["type"] == "kv" and data["team/v2/"]["options"] == {"version": "2"}
    assert ok(a, "GET", f"{MOUNTS}/secret", status=200)["data"] == data["secret/"]
    assert error(a, "POST", f"{MOUNTS}/secret", {"type": "kv"}) == "path is already in use at secret/"
    assert error(a, "POST", f"{MOUNTS}/secret/inner", {"type": "kv"}) == "path is already in use at secret/"
    assert error(a, "POST", f"{MOUNTS}/team", {"type": "kv"}) == "existing mount at team/v2/"
    assert error(a, "POST", f"{MOUNTS}/x", {}) == "backend type must be specified as a string"
    assert error(a, "POST", f"{MOUNTS}/x", {"type": "warp-drive"}) == "plugin not found in the catalog: warp-drive"
    assert error(a, "POST", f"{MOUNTS}/auth/x", {"type": "kv"}) == 'cannot mount under "auth/"'
    ok(a, "DELETE", f"{MOUNTS}/secret")
    ok(a, "DELETE", f"{MOUNTS}/secret")  # nothing there: still 204, as Vault answers
    assert error(a, "GET", f"{MOUNTS}/secret") == "No secret engine mount at secret/"
    assert "secret/" not in ok(a, "GET", MOUNTS, status=200)["data"]
    for token in (None, "wrong"):
        assert error(a, "GET", MOUNTS, token=token, status=403) == "permission denied"
        assert error(a, "POST", f"{MOUNTS}/y", {"type": "kv"}, token=token, status=403) == "permission denied"


def test_writes_on_a_primary_are_wal_entries(vaults):
    (a,) = vaults("vault-a")
    a.ok("POST", "/primary/enable", {})
    wal = a.status()["data"]["last_wal"]
    ok(a, "POST", f"{MOUNTS}/secret", {"type": "kv"})
    ok(a, "PUT", "/sys/policies/acl/team", {"policy": TEAM_POLICY})
    ok(a, "POST", "/auth/token/roles/team", {"allowed_policies": "team"})
    assert a.status()["data"]["last_wal"] == wal + 3


def test_a_dr_secondary_does_not_serve_mounts(vaults):
    _, b = pair(vaults)
    assert error(b, "GET", MOUNTS) == "path disabled in replication DR secondary mode"
    assert error(b, "POST", f"{MOUNTS}/x", {"type": "kv"}) == "path disabled in replication DR secondary mode"
    assert error(b, "DELETE", f"{MOUNTS}/sys") == "path disabled in replication DR secondary mode"


# -- the replicated document ----------------------------------------------------------------

def test_the_primary_data_reaches_the_secondary_at_activation_and_with_heartbeats(vaults):
    a, b = vaults("vault-a", "vault-b")
    a.ok("POST", "/primary/enable", {})
    ok(a, "PUT", "/sys/policies/acl/team", {"policy": TEAM_POLICY})
    ok(a, "POST", f"{MOUNTS}/secret", {"type": "kv"})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})
    b.token = a.token  # the set's: the enable wiped B's own
    assert _policies(b)["team"] == TEAM_POLICY and _mounts(b)["secret/"] == _mounts(a)["secret/"]

    # Written after activation: on B after its next heartbeat (a status read).
    ok(a, "PUT", "/sys/policies/acl/later", {"policy": ALL_DR_POLICY})
    ok(a, "POST", f"{MOUNTS}/later", {"type": "kv-v2"})
    ok(a, "POST", "/auth/token/roles/later", {"allowed_policies": "later", "token_type": "batch"})
    ok(a, "DELETE", f"{MOUNTS}/secret")
    assert "later" not in _policies(b) and "secret/" in _mounts(b)
    data = b.status()["data"]
    assert data["last_remote_wal"] == a.status()["data"]["last_wal"]
    assert state(b)["replicated"] == state(a)["replicated"]
    assert "later/" in _mounts(b) and "secret/" not in _mounts(b) and "later" in state(b)["replicated"]["roles"]

    # Promoted, B serves the set's data.
    op = b.operation_token(a.unseal_keys()[:3])
    b.ok("POST", "/secondary/promote", {"dr_operation_token": op}, status=200)
    assert ok(b, "GET", "/sys/policies/acl/team", status=200)["data"]["policy"] == TEAM_POLICY
    assert ok(b, "GET", MOUNTS, status=200)["data"]["later/"]["options"] == {"version": "2"}
    assert ok(b, "GET", "/auth/token/roles/later", status=200)["data"]["token_type"] == "batch"


def test_enabling_a_secondary_wipes_its_own_data(vaults):
    a, c = vaults("vault-a", "vault-c")
    ok(c, "PUT", "/sys/policies/acl/mine", {"policy": TEAM_POLICY})
    ok(c, "POST", f"{MOUNTS}/mine", {"type": "kv"})
    ok(c, "POST", "/auth/token/roles/mine", {"allowed_policies": "mine"})
    own_service = ok(c, "POST", "/auth/token/create", {"policies": "mine"}, status=200)["auth"]["client_token"]
    own_batch = make_batch_token(c, ALL_DR_POLICY)
    a.ok("POST", "/primary/enable", {})
    ok(a, "POST", f"{MOUNTS}/theirs", {"type": "kv"})
    c.ok("POST", "/secondary/enable", {"token": a.secondary_token("c")})

    assert state(c)["replicated"] == state(a)["replicated"]
    assert "mine" not in _policies(c) and "mine/" not in _mounts(c) and "theirs/" in _mounts(c)
    assert state(c)["replicated"]["roles"] == {}
    # C's own tokens, its root token included, are gone; the set's (A's root token) are C's now.
    for token in (c.token, own_service):
        assert error(c, "GET", "/auth/token/lookup-self", token=token, status=403) == "permission denied"
    assert error(c, "GET", "/auth/token/lookup-self", token=a.token) == "path disabled in replication DR secondary mode"
    c.token = a.token
    assert _mounts(c)["sys/"]["accessor"] == _mounts(a)["sys/"]["accessor"]  # even the built-ins are A's
    # C's own batch token died with its key set.
    assert c.error("POST", "/secondary/promote", {"dr_operation_token": own_batch}) == "invalid DR operation token"
    op = c.operation_token(a.unseal_keys()[:3])
    c.ok("POST", "/secondary/promote", {"dr_operation_token": op}, status=200)
    assert set(ok(c, "GET", MOUNTS, status=200)["data"]) == {"cubbyhole/", "identity/", "sys/", "theirs/"}
    assert call(c, "GET", "/sys/policies/acl/mine").status_code == 404
    assert error(c, "POST", "/auth/token/renew", {"token": own_service}) == "invalid token"


def test_disabling_keeps_the_data(vaults):
    a, b = pair(vaults)
    ok(a, "PUT", "/sys/policies/acl/team", {"policy": TEAM_POLICY})
    ok(a, "POST", f"{MOUNTS}/secret", {"type": "kv"})
    b.status()
    op = b.operation_token(a.unseal_keys()[:3])
    b.ok("POST", "/secondary/disable", {"dr_operation_token": op})
    a.ok("POST", "/primary/disable")
    for cluster in (a, b):
        assert "secret/" in ok(cluster, "GET", MOUNTS, status=200)["data"]
        assert ok(cluster, "GET", "/sys/policies/acl/team", status=200)["data"]["policy"] == TEAM_POLICY
        assert "team" in ok(cluster, "LIST", "/sys/policies/acl", status=200)["data"]["keys"]


def test_a_demoted_primary_keeps_its_data_and_follows_the_new_primary(vaults):
    a, b = pair(vaults)
    token = make_batch_token(a, ALL_DR_POLICY)
    b.status()
    a.ok("POST", "/primary/demote")
    b.ok("POST", "/secondary/promote", {"dr_operation_token": token}, status=200)
    ok(b, "POST", f"{MOUNTS}/after-failover", {"type": "kv"})
    assert "after-failover/" not in _mounts(a) and "dr-ops" in _policies(a)
    a.ok("POST", "/secondary/update-primary", {"dr_operation_token": token, "token": b.secondary_token("a")})
    assert "after-failover/" in _mounts(a) and state(a)["replicated"] == state(b)["replicated"]


def test_a_malformed_document_from_a_peer_is_not_adopted(vaults):
    a, b = pair(vaults)
    from keyform.simulators.vault.cluster import live_cluster

    cluster = live_cluster(b.server.settings)
    before = cluster.replicated_document()
    link = cluster.link()
    for document in (None, "x", {"policies": []}, {"policies": {}, "roles": {}, "mounts": 3}):
        cluster.record_heartbeat(link["secondary_id"], Contact(True, {"replicated": document}))
        assert cluster.replicated_document() == before
    odd = {"policies": {"bad": "path {", "ok": TEAM_POLICY, "root": ""}, "roles": {"r": {}, "x": 1},
           "mounts": {"no-slash": {"type": "kv"}, "kv/": {"type": "kv"}, "bad/": {}}}
    cluster.record_heartbeat(link["secondary_id"], Contact(True, {"replicated": odd}))
    adopted = cluster.replicated_document()
    assert set(adopted["policies"]) == {"default", "ok"} and set(adopted["roles"]) == {"r"}
    assert set(adopted["mounts"]) == {"cubbyhole/", "identity/", "sys/", "kv/"}


# -- persistence ----------------------------------------------------------------------------

def test_policies_roles_mounts_and_service_tokens_survive_a_restart(simulator, tmp_path):
    path = str(tmp_path / "vault-a.json")
    a = Vault(simulator("vault", name="vault-a", state_path=path))
    ok(a, "PUT", "/sys/policies/acl/team", {"policy": TEAM_POLICY})
    ok(a, "POST", "/auth/token/roles/team", {"allowed_policies": "team", "token_type": "batch"})
    ok(a, "POST", f"{MOUNTS}/secret", {"type": "kv-v2"})
    service = ok(a, "POST", "/auth/token/create", {"policies": "team"}, status=200)["auth"]["client_token"]
    batch = make_batch_token(a, ALL_DR_POLICY)
    mounts_before = ok(a, "GET", MOUNTS, status=200)["data"]
    a.server.stop()

    again = Vault(simulator("vault", name="vault-a", state_path=path))
    assert ok(again, "GET", "/sys/policies/acl/team", status=200)["data"]["policy"] == TEAM_POLICY
    assert ok(again, "GET", "/auth/token/roles/team", status=200)["data"]["token_type"] == "batch"
    assert ok(again, "GET", MOUNTS, status=200)["data"] == mounts_before
    ok(again, "POST", "/auth/token/renew", {"token": service}, status=200)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert service not in text and batch not in text  # a hash of the service token; batch tokens not at all


def test_a_state_file_without_the_new_keys_loads(simulator, tmp_path):
    path = tmp_path / "vault-a.json"
    a = Vault(simulator("vault", name="vault-a", state_path=str(path)))
    a.ok("POST", "/primary/enable", {})
    cluster_id = a.status()["data"]["cluster_id"]
    a.server.stop()
    old = json.loads(path.read_text())
    del old["replicated"]  # as the previous version wrote it: the token store apart
    old["tokens"] = {}
    path.write_text(json.dumps(old))

    again = Vault(simulator("vault", name="vault-a", state_path=str(path)))
    assert again.status()["data"]["cluster_id"] == cluster_id
    assert set(ok(again, "GET", MOUNTS, status=200)["data"]) == {"cubbyhole/", "identity/", "sys/"}
    assert ok(again, "LIST", "/sys/policies/acl", status=200)["data"]["keys"] == ["default", "root"]
    token = make_batch_token(again, ALL_DR_POLICY)
    assert token.startswith("hvb.")
    saved = json.loads(path.read_text())
    assert "dr-ops" in saved["replicated"]["policies"] and "tokens" not in saved
    # The configured root token is the upgraded store's only token.
    assert [e["path"] for e in saved["replicated"]["tokens"].values()] == ["auth/token/root"]
