"""Vault simulator: token roles, token creation, and DR operation **batch tokens** — HashiCorp's
recommended failover path — on the DR secondary endpoints (promote, update-primary, disable,
merkle-check, operation-token/delete)."""

from __future__ import annotations

import copy
import time
import uuid

from tests.simulators.test_vault_data_support import (
    ALL_DR_POLICY,
    FAILOVER_POLICY,
    call,
    error,
    make_batch_token,
    ok,
    state,
)
from tests.simulators.test_vault_support import pair

ROLES = "/auth/token/roles"
CREATE = "/auth/token/create"
INVALID = "invalid DR operation token"
AUTH = {"client_token", "accessor", "policies", "token_policies", "metadata", "lease_duration", "renewable",
        "entity_id", "token_type", "orphan", "mfa_requirement", "num_uses"}


def _without_heartbeats(data: dict) -> dict:
    data = copy.deepcopy(data)
    for peer in data.get("primaries", []) + data.get("secondaries", []):
        peer.pop("last_heartbeat")
    return data


# -- token roles ----------------------------------------------------------------------------

def test_token_role_crud(vaults):
    (a,) = vaults("vault-a")
    assert call(a, "LIST", ROLES).status_code == 404  # Vault answers an empty list with a 404
    ok(a, "POST", f"{ROLES}/dr", {"allowed_policies": "DR-Ops, default", "token_type": "batch", "orphan": True,
                                  "token_explicit_max_ttl": "2h"})
    data = ok(a, "GET", f"{ROLES}/dr", status=200)["data"]
    assert data["name"] == "dr" and data["allowed_policies"] == ["default", "dr-ops"]
    assert data["token_type"] == "batch" and data["orphan"] is True and data["renewable"] is True
    assert data["token_explicit_max_ttl"] == 7200 and data["disallowed_policies"] == []
    # An update changes only the fields given.
    ok(a, "PUT", f"{ROLES}/dr", {"allowed_policies": ["dr-ops"], "renewable": False})
    data = ok(a, "GET", f"{ROLES}/dr", status=200)["data"]
    assert data["allowed_policies"] == ["dr-ops"] and data["renewable"] is False and data["token_type"] == "batch"
    ok(a, "POST", f"{ROLES}/other", {})
    assert ok(a, "GET", f"{ROLES}/other", status=200)["data"]["token_type"] == "default-service"
    assert ok(a, "LIST", ROLES, status=200)["data"] == {"keys": ["dr", "other"]}
    assert ok(a, "GET", ROLES, params={"list": "true"}, status=200)["data"] == {"keys": ["dr", "other"]}
    assert error(a, "POST", f"{ROLES}/bad", {"token_type": "rocket"}) == "invalid 'token_type' value \"rocket\""
    ok(a, "DELETE", f"{ROLES}/other")
    missing = call(a, "GET", f"{ROLES}/other")
    assert missing.status_code == 404 and missing.json() == {"errors": []}
    assert error(a, "POST", f"{ROLES}/x", {}, token=None, status=403) == "permission denied"


# -- token creation -------------------------------------------------------------------------

def test_service_token_defaults(vaults):
    (a,) = vaults("vault-a")
    body = ok(a, "POST", CREATE, {"policies": "dr-ops"}, status=200)
    auth = body["auth"]
    assert set(auth) == AUTH and body["data"] is None
    assert auth["client_token"].startswith("hvs.") and auth["accessor"]
    assert auth["policies"] == auth["token_policies"] == ["default", "dr-ops"]
    assert auth["token_type"] == "service" and auth["renewable"] is True and auth["orphan"] is False
    assert auth["lease_duration"] == 768 * 3600 and auth["entity_id"] == "" and auth["metadata"] is None
    assert body["warnings"] == ['Policy "dr-ops" does not exist']
    orphan = ok(a, "POST", "/auth/token/create-orphan", {"policies": ["default"], "no_default_policy": True,
                                                         "ttl": "90m", "meta": {"team": "dr"}}, status=200)
    assert orphan["auth"]["orphan"] is True and orphan["auth"]["policies"] == []
    assert orphan["auth"]["lease_duration"] == 5400 and orphan["auth"]["metadata"] == {"team": "dr"}
    # A child of the root token without policies is a root token, and never expires.
    root = ok(a, "POST", CREATE, {}, status=200)["auth"]
    assert root["policies"] == ["root"] and root["lease_duration"] == 0 and root["renewable"] is False
    capped = ok(a, "POST", CREATE, {"policies": "default", "ttl": "1000h"}, status=200)
    assert capped["auth"]["lease_duration"] == 768 * 3600 and "capped" in capped["warnings"][0]
    # Only hashes are kept, in the token store that replicates (the root token's entry and these four).
    assert auth["client_token"] not in str(state(a)) and len(state(a)["replicated"]["tokens"]) == 5


def test_batch_tokens(vaults):
    (a,) = vaults("vault-a")
    body = ok(a, "POST", CREATE, {"type": "batch", "policies": ["dr-ops"], "ttl": "1h"}, status=200)
    auth = body["auth"]
    assert auth["client_token"].startswith("hvb.") and auth["accessor"] == ""
    assert auth["token_type"] == "batch" and auth["renewable"] is False and auth["lease_duration"] == 3600
    assert auth["policies"] == ["default", "dr-ops"]
    assert len(state(a)["replicated"]["tokens"]) == 1  # never stored: the root token's entry only
    assert error(a, "POST", CREATE, {"type": "batch"}) == "batch tokens cannot be root tokens"
    assert error(a, "POST", CREATE, {"type": "batch", "policies": "x", "explicit_max_ttl": "1h"}) == \
        'batch tokens cannot have "explicit_max_ttl" set'
    assert error(a, "POST", CREATE, {"type": "rocket"}) == "invalid 'token_type' value"
    token = auth["client_token"]
    assert error(a, "POST", "/auth/token/renew", {"token": token}) == "batch tokens cannot be renewed"
    assert error(a, "POST", "/auth/token/revoke", {"token": token}) == "batch tokens cannot be revoked"


def test_roles_decide_policies_type_and_ttl(vaults):
    (a,) = vaults("vault-a")
    ok(a, "PUT", "/sys/policies/acl/dr-ops", {"policy": FAILOVER_POLICY})
    ok(a, "POST", f"{ROLES}/dr", {"allowed_policies": "dr-ops", "token_type": "batch", "orphan": True,
                                  "token_explicit_max_ttl": "2h"})
    auth = ok(a, "POST", f"{CREATE}/dr", {}, status=200)["auth"]
    # Policies default to the role's (plus default), the role's type decides, its max TTL caps.
    assert auth["policies"] == ["default", "dr-ops"] and auth["token_type"] == "batch"
    assert auth["orphan"] is True and auth["lease_duration"] == 7200
    assert ok(a, "POST", f"{CREATE}/dr", {"type": "service", "ttl": "10m"}, status=200)["auth"]["token_type"] == "batch"
    message = error(a, "POST", f"{CREATE}/dr", {"policies": ["dr-ops", "admin"]})
    assert message == ('token policies (["admin" "default" "dr-ops"]) must be subset of the role\'s allowed '
                       'policies (["default" "dr-ops"])')
    assert error(a, "POST", f"{CREATE}/nope", {}) == "unknown role nope"
    # default-batch: batch unless asked otherwise; a role without allowed policies gives the parent's (root).
    ok(a, "POST", f"{ROLES}/flexible", {"token_type": "default-batch"})
    assert error(a, "POST", f"{CREATE}/flexible", {}) == "batch tokens cannot be root tokens"
    assert ok(a, "POST", f"{CREATE}/flexible", {"policies": "x"}, status=200)["auth"]["token_type"] == "batch"
    service = ok(a, "POST", f"{CREATE}/flexible", {"policies": "x", "type": "service"}, status=200)["auth"]
    assert service["token_type"] == "service" and service["renewable"] is True


def test_token_creation_needs_the_root_token(vaults):
    (a,) = vaults("vault-a")
    batch = make_batch_token(a)
    for token in (None, "wrong", batch):
        assert error(a, "POST", CREATE, {"type": "batch", "policies": "dr-ops"}, token=token,
                     status=403) == "permission denied"
        assert error(a, "POST", f"{CREATE}/dr-ops", {}, token=token, status=403) == "permission denied"


def test_service_token_renew_and_revoke(vaults):
    (a,) = vaults("vault-a")
    auth = ok(a, "POST", CREATE, {"policies": "x", "ttl": "1h", "explicit_max_ttl": "3h"}, status=200)["auth"]
    renewed = ok(a, "POST", "/auth/token/renew", {"token": auth["client_token"], "increment": "2h"}, status=200)
    assert renewed["auth"]["lease_duration"] in (7199, 7200) and renewed["auth"]["accessor"] == auth["accessor"]
    capped = ok(a, "POST", "/auth/token/renew", {"token": auth["client_token"], "increment": "10h"}, status=200)
    assert 3 * 3600 - 5 <= capped["auth"]["lease_duration"] <= 3 * 3600
    fixed = ok(a, "POST", CREATE, {"policies": "x", "renewable": False}, status=200)["auth"]
    assert error(a, "POST", "/auth/token/renew", {"token": fixed["client_token"]}) == "lease is not renewable"
    ok(a, "POST", "/auth/token/revoke", {"token": auth["client_token"]})
    assert error(a, "POST", "/auth/token/renew", {"token": auth["client_token"]}) == "invalid token"


def test_a_dr_secondary_does_not_create_tokens(vaults):
    _, b = pair(vaults)
    for path in (CREATE, "/auth/token/create-orphan", f"{CREATE}/dr", f"{ROLES}/dr"):
        assert error(b, "POST", path, {}) == "path disabled in replication DR secondary mode"


# -- DR operation batch tokens --------------------------------------------------------------

def test_a_batch_token_from_the_primary_fails_over_and_points_the_old_primary_at_the_new(vaults):
    a, b = pair(vaults)
    cluster_id = a.status()["data"]["cluster_id"]
    token = make_batch_token(a)  # made beforehand, on the primary
    assert b.status()["data"]["state"] == "stream-wals"  # the heartbeat brings the policy to B

    # Disaster: A goes away (here: demoted), B is promoted with the batch token.
    a.ok("POST", "/primary/demote")
    body = b.ok("POST", "/secondary/promote", {"dr_operation_token": token}, status=200)
    assert body["data"] == {"complete": True, "progress": 0, "required": 0}
    assert b.status()["data"]["mode"] == "primary"

    # The same token is valid on the old primary: it follows B.
    a.ok("POST", "/secondary/update-primary", {"dr_operation_token": token, "token": b.secondary_token("a")})
    following = a.status()["data"]
    assert following["state"] == "stream-wals" and following["cluster_id"] == cluster_id
    assert following["primaries"][0]["api_address"] == b.url
    assert b.status()["data"]["known_secondaries"] == ["a"]


def test_a_batch_token_made_before_activation_works_on_the_secondary(vaults):
    a, b = vaults("vault-a", "vault-b")
    token = make_batch_token(a)  # a standalone cluster, later the primary
    a.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})  # B adopts A's key set and policies
    b.ok("POST", "/secondary/update-primary", {"dr_operation_token": token, "token": ""})
    assert b.status()["data"]["state"] == "idle"


def test_a_batch_token_of_another_set_is_refused(vaults):
    a, b = pair(vaults)
    (c,) = vaults("vault-c")
    c.ok("POST", "/primary/enable", {})
    foreign = make_batch_token(c)  # same policy and role names, another key set
    make_batch_token(a)
    b.status()
    assert b.error("POST", "/secondary/promote", {"dr_operation_token": foreign}) == INVALID
    assert b.error("POST", "/secondary/update-primary", {"dr_operation_token": foreign, "token": ""}) == INVALID
    forged = foreign[:-6] + ("AAAAAA" if not foreign.endswith("AAAAAA") else "BBBBBB")
    assert b.error("POST", "/secondary/promote", {"dr_operation_token": forged}) == INVALID
    assert b.status()["data"]["mode"] == "secondary" and b.status()["data"]["state"] == "stream-wals"


def test_an_expired_batch_token_is_refused(vaults):
    a, b = pair(vaults)
    token = make_batch_token(a, ttl="1s")
    b.status()
    time.sleep(1.1)
    assert b.error("POST", "/secondary/promote", {"dr_operation_token": token}) == INVALID
    assert b.status()["data"]["mode"] == "secondary"


def test_a_batch_token_without_the_capability_is_denied_and_nothing_changes(vaults):
    a, b = pair(vaults)
    read_only = make_batch_token(a, 'path "sys/replication/dr/secondary/*" { capabilities = ["read", "list"] }',
                                 name="readers")
    denied = make_batch_token(a, ALL_DR_POLICY + '\npath "sys/replication/dr/secondary/promote" '
                                                 '{ capabilities = ["deny"] }', name="no-promote")
    sudo = make_batch_token(a, 'path "sys/replication/dr/secondary/promote" { capabilities = ["sudo"] }',
                            name="sudoers")
    b.status()
    before = _without_heartbeats(b.status()["data"])
    for token in (read_only, denied):
        assert b.error("POST", "/secondary/promote", {"dr_operation_token": token}, status=403) == "permission denied"
    # The policy lives in the replicated document: deleted on the primary, gone on B at the next heartbeat.
    assert _without_heartbeats(b.status()["data"]) == before
    ok(a, "DELETE", "/sys/policies/acl/sudoers")  # a write: the WAL grows
    before = _without_heartbeats(b.status()["data"])
    assert b.error("POST", "/secondary/promote", {"dr_operation_token": sudo}, status=403) == "permission denied"
    assert _without_heartbeats(b.status()["data"]) == before
    ok(a, "PUT", "/sys/policies/acl/sudoers",
       {"policy": 'path "sys/replication/dr/secondary/promote" { capabilities = ["sudo"] }'})
    b.status()
    b.ok("POST", "/secondary/promote", {"dr_operation_token": sudo}, status=200)  # sudo is enough


def test_the_failover_policy_covers_promote_and_update_primary_only(vaults):
    a, b = pair(vaults)
    token = make_batch_token(a)
    b.status()
    for path in ("/secondary/disable", "/secondary/merkle-check", "/secondary/operation-token/delete"):
        assert b.error("POST", path, {"dr_operation_token": token}, status=403) == "permission denied", path
    assert b.status()["data"]["mode"] == "secondary"


def test_generated_operation_tokens_keep_working_everywhere(vaults):
    a, b = pair(vaults)
    op = b.operation_token(a.unseal_keys()[:3])
    b.ok("POST", "/secondary/merkle-check", {"dr_operation_token": op}, status=200)
    b.ok("POST", "/secondary/update-primary", {"dr_operation_token": op, "token": ""})
    b.ok("POST", "/secondary/promote", {"dr_operation_token": op}, status=200)
    b.ok("POST", "/secondary/operation-token/delete", {"dr_operation_token": op})


def test_a_batch_token_cannot_be_deleted_as_an_operation_token(vaults):
    a, b = pair(vaults)
    token = make_batch_token(a, ALL_DR_POLICY)
    b.status()
    before = copy.deepcopy(state(b))
    assert b.error("POST", "/secondary/operation-token/delete", {"dr_operation_token": token}) == \
        "batch tokens cannot be revoked"
    assert state(b) == before
    b.ok("POST", "/secondary/promote", {"dr_operation_token": token}, status=200)


# -- merkle-check and disable ---------------------------------------------------------------

def test_merkle_check_is_read_only(vaults):
    a, b = pair(vaults)
    op = b.operation_token(a.unseal_keys()[:3])
    batch = make_batch_token(a, ALL_DR_POLICY)
    b.status()
    status_before = _without_heartbeats(b.status()["data"])
    state_before = copy.deepcopy(state(b))
    for token in (op, batch):
        body = b.ok("POST", "/secondary/merkle-check", {"dr_operation_token": token}, status=200)
        report = body["data"]["merkle_corruption_report"]
        assert report["corrupted_root"] is False and report["corrupted_tree_map"] == {}
        assert report["last_corruption_check_epoch"].endswith("Z") and body["wrap_info"] is None
    b.ok("PUT", "/secondary/merkle-check", {"dr_operation_token": op}, status=200)
    for payload in ({}, {"dr_operation_token": "nope"}, {"dr_operation_token": str(uuid.uuid4())}):
        assert b.error("POST", "/secondary/merkle-check", payload) == INVALID
    assert state(b) == state_before
    assert _without_heartbeats(b.status()["data"]) == status_before
    assert "not a DR secondary" in a.error("POST", "/secondary/merkle-check", {"dr_operation_token": op})


def test_secondary_disable_needs_a_dr_operation_token(vaults):
    a, b = pair(vaults)
    failover_only = make_batch_token(a)
    b.status()
    for payload in ({}, {"dr_operation_token": "wrong"}, {"dr_operation_token": str(uuid.uuid4())}):
        assert b.error("POST", "/secondary/disable", payload) == INVALID
    assert b.error("POST", "/secondary/disable", {"dr_operation_token": failover_only}, status=403) == \
        "permission denied"
    data = b.status()["data"]
    assert data["mode"] == "secondary" and data["state"] == "stream-wals"
    op = b.operation_token(a.unseal_keys()[:3])
    b.ok("POST", "/secondary/disable", {"dr_operation_token": op})
    assert b.status()["data"] == {"mode": "disabled"}


def test_secondary_disable_with_a_batch_token(vaults):
    a, b = pair(vaults)
    token = make_batch_token(a, ALL_DR_POLICY)
    b.status()
    b.ok("PUT", "/secondary/disable", {"dr_operation_token": token})
    assert b.status()["data"] == {"mode": "disabled"}
