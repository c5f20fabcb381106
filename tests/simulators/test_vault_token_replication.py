"""Vault simulator: the token store replicates across the DR set, as Vault's does. Enabling a secondary
wipes its own tokens, a promoted secondary accepts the set's, tokens made on any primary of the set
reach the others, and a demoted primary that follows a new primary loses what it held apart."""

from __future__ import annotations

from keyform.simulators.vault import accepted_token
from tests.simulators.test_vault_data_support import ALL_DR_POLICY, call, error, make_batch_token, ok
from tests.simulators.test_vault_support import Vault, pair

LOOKUP = "/auth/token/lookup-self"
CREATE = "/auth/token/create"
DENIED = "permission denied"
REFUSAL = "path disabled in replication DR secondary mode"
DR = "/sys/replication/dr"


def known(vault, token: str) -> bool:
    """Whether ``vault`` holds ``token`` (a secondary knows it and refuses the path; a primary answers)."""
    response = call(vault, "GET", LOOKUP, token=token)
    assert response.status_code in (200, 400, 403), response.text
    return response.status_code != 403


def promote(vault, dr_token: str) -> None:
    ok(vault, "POST", f"{DR}/secondary/promote", {"dr_operation_token": dr_token}, status=200)


def repoint(old, new, dr_token: str, secondary_id: str) -> None:
    activation = ok(new, "POST", f"{DR}/primary/secondary-token", {"id": secondary_id}, status=200)
    ok(old, "POST", f"{DR}/secondary/update-primary",
       {"dr_operation_token": dr_token, "token": activation["wrap_info"]["token"]})


def test_a_secondary_refuses_its_own_root_token_after_enable(vaults):
    a, b = vaults("vault-a", "vault-b")
    own = b.token
    assert ok(b, "GET", LOOKUP, status=200)["data"]["path"] == "auth/token/root"
    a.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})

    # Wherever a client token is checked, B's own root token is unknown now: Vault's 403.
    for method, path, body in (("GET", LOOKUP, None), ("GET", "/sys/mounts", None),
                               ("PUT", "/sys/policies/acl/x", {"policy": ALL_DR_POLICY}),
                               ("POST", f"{DR}/primary/demote", {}),
                               ("POST", f"{DR}/secondary/enable", {"token": "x"})):
        assert error(b, method, path, body, token=own, status=403) == DENIED, path
    # The set's root token (A's) is known on B, which serves no client path.
    assert error(b, "GET", LOOKUP, token=a.token) == REFUSAL
    # Its replication endpoints do not look at X-Vault-Token: the status answers, and the DR operation
    # token alone authorises promote & co.
    for token in (own, None):
        assert b.call("GET", "/status", token=token).json()["data"]["mode"] == "secondary"
        assert b.error("POST", "/secondary/promote", {"dr_operation_token": "nope"}, token=token) == \
            "invalid DR operation token"


def test_after_a_promotion_the_set_tokens_work_on_the_new_primary_and_its_own_do_not(vaults):
    a, b = pair(vaults)
    own_b = b.server.settings.token
    before = ok(a, "POST", CREATE, {"policies": "default"}, status=200)["auth"]["client_token"]
    b.status()  # the heartbeat brings A's store, with the token made after the activation
    promote(b, b.operation_token(a.unseal_keys()[:3]))

    assert b.status()["data"]["mode"] == "primary"
    assert ok(b, "GET", LOOKUP, token=a.token, status=200)["data"]["path"] == "auth/token/root"
    assert ok(b, "GET", LOOKUP, token=before, status=200)["data"]["policies"] == ["default"]
    assert b.ok("POST", "/primary/secondary-token", {"id": "a"}, status=200, token=a.token)["wrap_info"]["token"]
    assert error(b, "GET", LOOKUP, token=own_b, status=403) == DENIED
    assert b.error("GET", "/status", token=own_b, status=403) == DENIED
    # A token without root is authorised by its policies, on every path.
    assert b.error("GET", "/status", token=before, status=403) == DENIED


def test_a_token_made_after_the_promotion_works_across_the_set(vaults):
    a, b = pair(vaults)
    op = b.operation_token(a.unseal_keys()[:3])
    a.ok("POST", "/primary/demote", {})
    promote(b, op)
    made = ok(b, "POST", CREATE, {}, status=200)["auth"]["client_token"]  # a root token made on B
    batch = make_batch_token(b, ALL_DR_POLICY, name="after")
    repoint(a, b, op, "a")
    assert known(a, made) and error(a, "GET", LOOKUP, token=made) == REFUSAL

    # Made later still: reaches A with its next heartbeat.
    later = ok(b, "POST", CREATE, {}, status=200)["auth"]["client_token"]
    assert not known(a, later)
    a.call("GET", "/status")
    assert known(a, later)

    # Fail back: A promoted with B's batch token; every token of the set works on A.
    b.ok("POST", "/primary/demote", {}, token=made)
    promote(a, batch)
    for token in (a.server.settings.token, made, later):
        assert ok(a, "GET", LOOKUP, token=token, status=200)["data"]["policies"] == ["root"]
    assert a.ok("GET", "/status", status=200, token=later)["data"]["mode"] == "primary"


def test_a_demoted_primary_that_follows_a_new_primary_loses_the_tokens_it_held_apart(vaults):
    a, b = pair(vaults)
    op = b.operation_token(a.unseal_keys()[:3])
    promote(b, op)  # an unplanned failover: A is still primary for a while
    apart = ok(a, "POST", CREATE, {}, status=200)["auth"]["client_token"]
    on_b = ok(b, "POST", CREATE, {}, status=200)["auth"]["client_token"]
    assert known(a, apart) and not known(b, apart) and not known(a, on_b)

    a.ok("POST", "/primary/demote", {})
    assert known(a, apart)  # demoted, A keeps what it held until it follows a primary
    repoint(a, b, op, "a")
    assert not known(a, apart) and known(a, on_b) and known(a, a.token)


def test_a_disabled_secondary_keeps_the_set_tokens_and_loses_them_when_enabled_in_another_set(vaults):
    a, b = pair(vaults)
    c, = vaults("vault-c")
    op = b.operation_token(a.unseal_keys()[:3])
    b.ok("POST", "/secondary/disable", {"dr_operation_token": op})
    assert b.status()["data"]["mode"] == "disabled"
    assert ok(b, "GET", LOOKUP, token=a.token, status=200)["data"]["path"] == "auth/token/root"
    assert error(b, "GET", LOOKUP, token=b.server.settings.token, status=403) == DENIED  # wiped for good

    c.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": c.secondary_token("b")}, token=a.token)
    assert not known(b, a.token) and known(b, c.token)


def test_a_client_token_is_authorised_by_its_policies(vaults):
    a, = vaults("vault-a")
    a.ok("POST", "/primary/enable", {})
    ok(a, "PUT", "/sys/policies/acl/reader", {"policy": 'path "sys/replication/dr/status" { capabilities = ["read"] }'})
    reader = ok(a, "POST", CREATE, {"policies": "reader"}, status=200)["auth"]["client_token"]
    assert a.ok("GET", "/status", status=200, token=reader)["data"]["mode"] == "primary"
    assert a.error("POST", "/primary/demote", {}, token=reader, status=403) == DENIED
    assert error(a, "GET", "/sys/mounts", token=reader, status=403) == DENIED
    # sudo is needed for an activation token, update alone is not enough
    ok(a, "PUT", "/sys/policies/acl/issuer",
       {"policy": 'path "sys/replication/dr/primary/secondary-token" { capabilities = ["update"] }'})
    issuer = ok(a, "POST", CREATE, {"policies": "issuer"}, status=200)["auth"]["client_token"]
    assert a.error("POST", "/primary/secondary-token", {"id": "b"}, token=issuer, status=403) == DENIED
    # a token cannot give its child more than it has
    ok(a, "PUT", "/sys/policies/acl/maker", {"policy": 'path "auth/token/create" { capabilities = ["update"] }'})
    maker = ok(a, "POST", CREATE, {"policies": "maker"}, status=200)["auth"]["client_token"]
    assert error(a, "POST", CREATE, {"policies": "reader"}, token=maker) == "child policies must be subset of parent"
    child = ok(a, "POST", CREATE, {}, token=maker, status=200)["auth"]
    assert child["policies"] == ["default", "maker"]


def test_the_runner_names_the_token_each_cluster_accepts_now(simulator, tmp_path):
    """What the endpoints file says a cluster's token is: its own, until a DR enable replaced it by the set's."""
    a, b = (Vault(simulator("vault", name=n, state_path=str(tmp_path / f"{n}.json"))) for n in ("vault-a", "vault-b"))
    own_a, own_b = a.server.settings.token, b.server.settings.token
    assert accepted_token(b.server.settings, [own_b, own_a]) == own_b
    a.ok("POST", "/primary/enable", {})
    b.ok("POST", "/secondary/enable", {"token": a.secondary_token("b")})
    assert accepted_token(b.server.settings, [own_b, own_a]) == own_a
    assert accepted_token(a.server.settings, [own_a, own_b]) == own_a
    b.server.stop()  # from its state file
    assert accepted_token(b.server.settings, [own_b, own_a]) == own_a
    assert accepted_token(b.server.settings, [own_b]) == ""
