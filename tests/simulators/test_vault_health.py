"""Vault simulator: the endpoints an ordinary client uses to decide whether it is connected and
authenticated — ``sys/health``, ``sys/seal-status`` and ``auth/token/lookup-self`` — over HTTP."""

from __future__ import annotations

import time
import uuid

import pytest
import requests

from tests.simulators.test_vault_data_support import ALL_DR_POLICY, call, error, make_batch_token, ok
from tests.simulators.test_vault_support import Vault, pair

HEALTH = "/sys/health"
SEAL = "/sys/seal-status"
LOOKUP = "/auth/token/lookup-self"
REFUSAL = "path disabled in replication DR secondary mode"
HEALTH_FIELDS = {"initialized", "sealed", "standby", "performance_standby", "replication_performance_mode",
                 "replication_dr_mode", "server_time_utc", "version", "cluster_name", "cluster_id"}
SEAL_FIELDS = {"type", "initialized", "sealed", "t", "n", "progress", "nonce", "version", "build_date", "migration",
               "cluster_name", "cluster_id", "recovery_seal", "storage_type"}
LEASELESS = {"accessor", "creation_time", "creation_ttl", "display_name", "entity_id", "expire_time",
             "explicit_max_ttl", "id", "meta", "num_uses", "orphan", "path", "policies", "ttl", "type"}
LEASED = LEASELESS | {"issue_time", "renewable"}
ENVELOPE = {"request_id", "lease_id", "renewable", "lease_duration", "data", "wrap_info", "warnings", "auth"}


def health(vault: Vault, method: str = "GET", **query) -> requests.Response:
    """``sys/health`` without any token, as load balancers and clients probe it."""
    return call(vault, method, HEALTH, token=None, params=query)


def lookup(vault: Vault, token) -> dict:
    body = ok(vault, "GET", LOOKUP, token=token, status=200)
    assert set(body) == ENVELOPE and body["auth"] is None
    return body["data"]


def create(vault: Vault, path: str = "/auth/token/create", **payload) -> dict:
    return ok(vault, "POST", path, payload, status=200)["auth"]


# -- sys/health -----------------------------------------------------------------------------

def test_health_of_an_active_cluster(vaults):
    (a,) = vaults("vault-a")
    response = health(a)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == HEALTH_FIELDS
    assert body["initialized"] is True and body["sealed"] is False
    assert body["standby"] is False and body["performance_standby"] is False
    assert body["replication_performance_mode"] == "disabled" and body["replication_dr_mode"] == "disabled"
    assert abs(body["server_time_utc"] - time.time()) < 5 and isinstance(body["server_time_utc"], int)
    assert body["version"].endswith("+ent")
    cluster_id = body["cluster_id"]
    assert str(uuid.UUID(cluster_id)) == cluster_id and body["cluster_name"] == f"vault-cluster-{cluster_id[:8]}"
    # A DR primary is active too; the local cluster keeps its ID (not the replication set's).
    a.ok("POST", "/primary/enable", {})
    body = health(a).json()
    assert health(a).status_code == 200 and body["replication_dr_mode"] == "primary"
    assert body["cluster_id"] == cluster_id != a.status()["cluster_id"]


def test_health_of_a_dr_secondary_is_472(vaults):
    a, b = pair(vaults)
    response = health(b)
    assert response.status_code == 472
    body = response.json()
    assert set(body) == HEALTH_FIELDS and body["replication_dr_mode"] == "secondary"
    assert body["sealed"] is False and body["standby"] is False
    assert health(b, drsecondarycode="200").status_code == 200
    assert health(b, activecode="299").status_code == 472  # a DR secondary is not "active" for health
    assert health(a).status_code == 200 and health(a).json()["cluster_id"] != body["cluster_id"]
    # A demoted primary is a DR secondary too.
    a.ok("POST", "/primary/demote", {})
    assert health(a).status_code == 472 and health(a).json()["replication_dr_mode"] == "secondary"


def test_health_parameters_override_the_codes(vaults):
    (a,) = vaults("vault-a")
    assert health(a, activecode="299").status_code == 299
    assert health(a, activecode="+204").status_code == 204
    assert health(a, drsecondarycode="299").status_code == 200  # not a DR secondary
    # The other states' codes do not apply to an initialised, unsealed, active node.
    for name in ("standbycode", "performancestandbycode", "sealedcode", "uninitcode"):
        assert health(a, **{name: "299"}).status_code == 200, name
    for name in ("standbyok", "perfstandbyok"):
        assert health(a, **{name: "true"}).status_code == 200, name
        assert health(a, **{name: "0"}).status_code == 200, name


@pytest.mark.parametrize("query", [
    {"activecode": "abc"}, {"activecode": ""}, {"activecode": "2OO"}, {"activecode": " 200"},
    {"activecode": "99"}, {"activecode": "1000"}, {"sealedcode": "x"}, {"uninitcode": "5.0"},
    {"drsecondarycode": "a"}, {"standbycode": "-"}, {"performancestandbycode": "0x1"},
    {"standbyok": "maybe"}, {"standbyok": ""}, {"perfstandbyok": "yes"},
])
def test_health_refuses_unparsable_parameters(vaults, query):
    (a,) = vaults("vault-a")
    response = health(a, **query)
    assert response.status_code == 400 and response.json() == {"errors": []}


def test_health_head_answers_the_code_without_a_body(vaults):
    a, b = pair(vaults)
    head = health(a, "HEAD")
    assert head.status_code == 200 and head.content == b""
    assert health(b, "HEAD").status_code == 472 and health(b, "HEAD").content == b""
    assert health(b, "HEAD", drsecondarycode="250").status_code == 250
    assert health(a, "HEAD", activecode="x").status_code == 400
    posted = call(a, "POST", HEALTH, {}, token=None)
    assert posted.status_code == 405 and posted.json() == {"errors": []}


# -- sys/seal-status ------------------------------------------------------------------------

def test_seal_status_matches_the_unseal_keys(vaults):
    (a,) = vaults("vault-a")
    body = ok(a, "GET", SEAL, token=None, status=200)
    assert set(body) == SEAL_FIELDS
    assert body["type"] == "shamir" and body["initialized"] is True and body["sealed"] is False
    assert (body["t"], body["n"]) == (3, 5) == (3, len(a.unseal_keys()))
    assert body["progress"] == 0 and body["nonce"] == "" and body["migration"] is False
    assert body["recovery_seal"] is False and body["storage_type"] == "raft"
    assert body["version"].endswith("+ent") and body["build_date"].endswith("Z")
    identity = health(a).json()
    assert (body["cluster_name"], body["cluster_id"]) == (identity["cluster_name"], identity["cluster_id"])
    assert body["version"] == identity["version"]
    head = call(a, "HEAD", SEAL, token=None)
    assert head.status_code == 405


def test_seal_status_follows_the_key_set_a_secondary_adopts(simulator):
    a = Vault(simulator("vault", name="vault-a"))
    b = Vault(simulator("vault", name="vault-b", extra={"unseal_threshold": 2, "cluster_name": "dr-site"}))
    before = ok(b, "GET", SEAL, token=None, status=200)
    assert (before["t"], before["n"]) == (2, 5) and before["cluster_name"] == "dr-site"
    assert health(b).json()["cluster_name"] == "dr-site"
    a.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})
    after = ok(b, "GET", SEAL, token=None, status=200)  # answered on a DR secondary, unauthenticated
    assert (after["t"], after["n"]) == (3, 5) and after["sealed"] is False
    assert after["cluster_id"] == before["cluster_id"] and after["cluster_name"] == "dr-site"


# -- auth/token/lookup-self -----------------------------------------------------------------

def test_lookup_self_of_the_root_token(vaults):
    (a,) = vaults("vault-a")
    data = lookup(a, a.token)
    assert set(data) == LEASELESS  # no lease: no issue_time, no renewable, as Vault answers
    assert data["id"] == a.token and data["policies"] == ["root"] and data["path"] == "auth/token/root"
    assert data["display_name"] == "root" and data["orphan"] is True and data["type"] == "service"
    assert data["ttl"] == 0 and data["creation_ttl"] == 0 and data["expire_time"] is None
    assert data["explicit_max_ttl"] == 0 and data["num_uses"] == 0 and data["meta"] is None
    assert data["entity_id"] == "" and len(data["accessor"]) == 24
    assert 0 < data["creation_time"] <= time.time()
    # The same token by ``Authorization: Bearer``; the accessor is stable.
    bearer = requests.get(a.url + "/v1" + LOOKUP, headers={"Authorization": f"Bearer {a.token}"}, timeout=10)
    assert bearer.status_code == 200 and bearer.json()["data"] == data


def test_lookup_self_of_created_service_tokens(vaults):
    (a,) = vaults("vault-a")
    made = create(a, policies=["dr-ops"], ttl="1h", meta={"team": "dr"}, display_name="ci")
    data = lookup(a, made["client_token"])
    assert set(data) == LEASED
    assert data["id"] == made["client_token"] and data["accessor"] == made["accessor"]
    assert data["policies"] == ["default", "dr-ops"] and data["path"] == "auth/token/create"
    assert data["display_name"] == "token-ci" and data["meta"] == {"team": "dr"} and data["orphan"] is False
    assert data["creation_ttl"] == 3600 and 3590 <= data["ttl"] <= 3600 and data["renewable"] is True
    assert data["type"] == "service" and data["num_uses"] == 0 and data["explicit_max_ttl"] == 0
    assert data["issue_time"].endswith("Z") and data["expire_time"] > data["issue_time"]
    assert abs(data["creation_time"] - time.time()) < 5
    orphan = create(a, "/auth/token/create-orphan", policies="default", explicit_max_ttl="2h")
    orphan = lookup(a, orphan["client_token"])
    assert orphan["path"] == "auth/token/create-orphan" and orphan["orphan"] is True
    assert orphan["explicit_max_ttl"] == 7200 and orphan["display_name"] == "token" and "role" not in orphan
    ok(a, "POST", "/auth/token/roles/app", {"allowed_policies": "default"})
    role = lookup(a, create(a, "/auth/token/create/app")["client_token"])
    assert role["path"] == "auth/token/create/app" and role["role"] == "app" and role["policies"] == ["default"]
    # A child root token never expires: no lease, like the root token.
    child = lookup(a, create(a)["client_token"])
    assert set(child) == LEASELESS and child["expire_time"] is None and child["policies"] == ["root"]


def test_lookup_self_spends_a_use_of_a_use_limited_token(vaults):
    (a,) = vaults("vault-a")
    token = create(a, policies="default", num_uses=2)["client_token"]
    assert lookup(a, token)["num_uses"] == 1
    assert lookup(a, token)["num_uses"] == -1  # its last use: revoked after the request
    assert error(a, "GET", LOOKUP, token=token, status=403) == "permission denied"


def test_lookup_self_of_a_batch_token(vaults):
    (a,) = vaults("vault-a")
    token = make_batch_token(a, ALL_DR_POLICY, ttl="30m")
    data = lookup(a, token)
    assert set(data) == LEASED
    assert data["id"] == token and data["type"] == "batch" and data["accessor"] == ""
    assert data["policies"] == ["default", "dr-ops"] and data["path"] == "auth/token/create/dr-ops"
    assert data["renewable"] is False and data["orphan"] is True and data["num_uses"] == 0
    assert data["creation_ttl"] == 1800 and 1790 <= data["ttl"] <= 1800 and data["expire_time"] is not None


@pytest.mark.parametrize("token", [None, "", "nope", "hvs.AAAAAAAAAAAAAAAAAAAAAAAA", "hvb.AAAA", "hvb.!!!"])
def test_lookup_self_refuses_missing_and_unknown_tokens(vaults, token):
    (a,) = vaults("vault-a")
    response = call(a, "GET", LOOKUP, token=token)
    assert response.status_code == 403 and response.json() == {"errors": ["permission denied"]}


def test_lookup_self_refuses_revoked_and_foreign_tokens(vaults):
    a, c = vaults("vault-a", "vault-c")
    token = create(a, policies="default")["client_token"]
    lookup(a, token)
    ok(a, "POST", "/auth/token/revoke", {"token": token})
    assert call(a, "GET", LOOKUP, token=token).json() == {"errors": ["permission denied"]}
    assert error(a, "GET", LOOKUP, token=token, status=403) == "permission denied"
    # Tokens of another cluster (service, batch of another replication set, its root token).
    assert error(c, "GET", LOOKUP, token=create(a)["client_token"], status=403) == "permission denied"
    assert error(c, "GET", LOOKUP, token=make_batch_token(a), status=403) == "permission denied"
    assert error(c, "GET", LOOKUP, token=a.token, status=403) == "permission denied"
    assert call(a, "HEAD", LOOKUP).status_code == 405


def test_lookup_self_on_a_dr_secondary(vaults):
    a, b = pair(vaults)
    batch = make_batch_token(a, ALL_DR_POLICY)
    service = create(a, policies="default")["client_token"]
    assert lookup(a, batch)["type"] == "batch" and lookup(a, a.token)["path"] == "auth/token/root"
    # Known tokens (its root token, the set's batch tokens): the secondary's refusal of client paths.
    assert error(b, "GET", LOOKUP, token=b.token) == REFUSAL
    assert error(b, "GET", LOOKUP, token=batch) == REFUSAL
    # Unknown ones (service tokens are not replicated yet): 403 first.
    assert error(b, "GET", LOOKUP, token=service, status=403) == "permission denied"
    assert error(b, "GET", LOOKUP, token=None, status=403) == "permission denied"
    # Promoted, it answers again.
    op = b.operation_token(b.unseal_keys()[:3])
    b.ok("POST", "/secondary/promote", {"dr_operation_token": op}, status=200)
    assert lookup(b, batch)["policies"] == ["default", "dr-ops"] and health(b).status_code == 200
