"""Vault simulator: ACL policies — the language (globs, ``+``, deny, priority) and the CRUD endpoints."""

from __future__ import annotations

import pytest

from keyform.simulators.vault import acl
from tests.simulators.test_vault_data_support import ALL_DR_POLICY, FAILOVER_POLICY, call, error, ok, state
from tests.simulators.test_vault_support import pair

ACL = "/sys/policies/acl"
DR = "sys/replication/dr/secondary"


def caps(text: str, path: str, *more: str) -> set[str]:
    policies = [acl.parse("p", text)] + [acl.parse(f"p{i}", t) for i, t in enumerate(more)]
    return acl.capabilities(policies, path)


def test_globs_prefix_and_segment_wildcards():
    assert caps(ALL_DR_POLICY, f"{DR}/promote") == {"update"}
    assert caps(ALL_DR_POLICY, f"{DR}/operation-token/delete") == {"update"}
    assert caps(ALL_DR_POLICY, "sys/replication/dr/primary/demote") == {"deny"}
    assert caps(ALL_DR_POLICY, "sys/replication/dr/secondary") == {"deny"}  # the glob needs the slash
    plus = 'path "sys/replication/+/secondary/promote" { capabilities = ["update", "read"] }'
    assert caps(plus, f"{DR}/promote") == {"update", "read"}
    assert caps(plus, "sys/replication/performance/secondary/promote") == {"update", "read"}
    assert caps(plus, "sys/replication/dr/x/secondary/promote") == {"deny"}  # + is one segment
    assert caps('path "a/b*" { capabilities = ["read"] }', "a/bcd/e") == {"read"}
    assert caps('path "a/*/c" { capabilities = ["read"] }', "a/b/c") == {"deny"}  # a * inside is literal
    assert caps('path "a/*/c" { capabilities = ["read"] }', "a/*/c") == {"read"}
    assert caps('path "/leading" { capabilities = ["read"] }', "leading") == {"read"}


def test_exact_beats_glob_and_the_most_specific_glob_wins():
    text = """
    path "secret/*"        { capabilities = ["create"] }
    path "secret/foo"      { capabilities = ["read"] }
    path "secret/+/teamb"  { capabilities = ["list"] }
    path "secret/+/*"      { capabilities = ["update"] }
    path "secret/a/*"      { capabilities = ["delete"] }
    """
    assert caps(text, "secret/foo") == {"read"}
    assert caps(text, "secret/bar") == {"create"}
    assert caps(text, "secret/x/teamb") == {"list"}  # no trailing * beats trailing *
    # secret/* and secret/+/*: first wildcard at the same place, both end in *: fewer + wins.
    assert caps(text, "secret/x/teamc") == {"create"}
    assert caps(text.replace('"secret/*"', '"secret/zz/*"'), "secret/x/teamc") == {"update"}
    assert caps(text, "secret/a/teamc") == {"delete"}  # the first wildcard later wins
    assert caps(text, "secret/a/teamb") == {"delete"}


def test_deny_wins_and_policies_merge():
    grant = f'path "{DR}/promote" {{ capabilities = ["update"] }}'
    read = f'path "{DR}/promote" {{ capabilities = ["read"] }}'
    deny = f'path "{DR}/promote" {{ capabilities = ["deny"] }}'
    assert caps(grant, f"{DR}/promote", read) == {"update", "read"}
    assert caps(grant, f"{DR}/promote", deny) == {"deny"}
    assert caps(f'path "{DR}/promote" {{ capabilities = ["update", "deny"] }}', f"{DR}/promote") == {"deny"}
    # A denying exact path overrides a granting glob.
    assert caps(ALL_DR_POLICY + "\n" + deny, f"{DR}/promote") == {"deny"}
    assert caps(ALL_DR_POLICY + "\n" + deny, f"{DR}/disable") == {"update"}
    assert not acl.allows([acl.parse("d", deny)], f"{DR}/promote", ["update", "sudo"])
    assert acl.allows([acl.parse("g", grant)], f"{DR}/promote", ["update", "sudo"])


def test_root_grants_everything_and_nothing_grants_nothing():
    assert {"update", "sudo", "read", "delete"} <= acl.capabilities([acl.ROOT], "anything/at/all")
    assert acl.capabilities([], f"{DR}/promote") == {"deny"}
    assert acl.capabilities([acl.parse("default", acl.DEFAULT_POLICY)], f"{DR}/promote") == {"deny"}
    assert acl.capabilities([acl.parse("default", acl.DEFAULT_POLICY)], "cubbyhole/x") >= {"read", "create"}


def test_parsing_comments_legacy_json_and_several_blocks():
    text = """
    # hash comment
    // slash comment
    /* block
       comment */
    path "a" { policy = "read" }
    path "b" {
      capabilities = ["create", "update",]
      allowed_parameters = { "ttl" = [] }
      min_wrapping_ttl = "1s"
    }
    """
    policy = acl.parse("p", text)
    assert [(r.glob, set(r.capabilities)) for r in policy.rules] == [("a", {"read", "list"}),
                                                                     ("b", {"create", "update"})]
    assert caps(FAILOVER_POLICY, f"{DR}/update-primary") == {"update"}
    assert caps(FAILOVER_POLICY, f"{DR}/disable") == {"deny"}
    as_json = '{"path": {"sys/replication/dr/secondary/*": {"capabilities": ["update"]}}}'
    assert caps(as_json, f"{DR}/merkle-check") == {"update"}
    assert acl.parse("p", "# only a comment").rules == ()


@pytest.mark.parametrize("text, detail", [
    ('path "x" { capabilities = ["fly"] }', 'invalid capability "fly"'),
    ('path "x" { capabilities = "read" }', "must be a list"),
    ('path "x" { colour = "red" }', 'invalid key "colour"'),
    ('paths "x" { capabilities = [] }', 'invalid key "paths"'),
    ('path "x" capabilities', "line 1: expected {"),
    ('path "x" "y" { capabilities = [] }', "exactly one path"),
    ('path "x" {\n capabilities = ["read"]\n', "line 3: expected }, found end of input"),
    ('path "x" { policy = "everything" }', 'invalid policy "everything"'),
    ('{"path": ', "invalid JSON"),
    ("path 'x' {}", "unexpected character"),
])
def test_unparsable_policies(text, detail):
    with pytest.raises(acl.PolicyError) as caught:
        acl.parse("p", text)
    assert detail in str(caught.value)


def test_policy_crud(vaults):
    (a,) = vaults("vault-a")
    ok(a, "PUT", f"{ACL}/DR-Ops", {"policy": FAILOVER_POLICY})  # names are lowercased
    body = ok(a, "GET", f"{ACL}/dr-ops", status=200)
    assert body["data"] == {"name": "dr-ops", "policy": FAILOVER_POLICY} and body["auth"] is None
    assert ok(a, "LIST", ACL, status=200)["data"] == {"keys": ["default", "dr-ops", "root"]}
    assert ok(a, "GET", ACL, params={"list": "true"}, status=200)["data"]["keys"] == ["default", "dr-ops", "root"]
    assert call(a, "GET", ACL).status_code == 405
    ok(a, "POST", f"{ACL}/dr-ops", {"policy": ALL_DR_POLICY})  # POST and PUT both write
    assert ok(a, "GET", f"{ACL}/dr-ops", status=200)["data"]["policy"] == ALL_DR_POLICY
    ok(a, "DELETE", f"{ACL}/dr-ops")
    missing = call(a, "GET", f"{ACL}/dr-ops")
    assert missing.status_code == 404 and missing.json() == {"errors": []}
    ok(a, "DELETE", f"{ACL}/dr-ops")  # deleting what is not there is fine, as in Vault


def test_built_in_policies(vaults):
    (a,) = vaults("vault-a")
    default = ok(a, "GET", f"{ACL}/default", status=200)["data"]
    assert default["name"] == "default" and 'path "auth/token/lookup-self"' in default["policy"]
    assert ok(a, "GET", f"{ACL}/root", status=200)["data"] == {"name": "root", "policy": ""}
    assert error(a, "PUT", f"{ACL}/root", {"policy": ALL_DR_POLICY}) == 'cannot update "root" policy'
    assert error(a, "DELETE", f"{ACL}/root") == 'cannot delete "root" policy'
    assert error(a, "DELETE", f"{ACL}/default") == 'cannot delete "default" policy'
    ok(a, "PUT", f"{ACL}/default", {"policy": ALL_DR_POLICY})  # default may be changed
    assert ok(a, "LIST", ACL, status=200)["data"]["keys"] == ["default", "root"]


def test_parse_errors_and_missing_text_are_refused(vaults):
    (a,) = vaults("vault-a")
    message = error(a, "PUT", f"{ACL}/bad", {"policy": 'path "x" { capabilities = ["fly"] }'})
    assert message == 'failed to parse policy: path "x" (line 1): invalid capability "fly"'
    assert error(a, "PUT", f"{ACL}/bad", {"policy": "path {"}).startswith("failed to parse policy: ")
    for payload in ({}, {"policy": "  "}):
        assert error(a, "PUT", f"{ACL}/bad", payload) == "'policy' parameter not supplied or empty"
    assert call(a, "GET", f"{ACL}/bad").status_code == 404
    assert "bad" not in state(a)["replicated"]["policies"]


def test_policies_need_the_root_token(vaults):
    (a,) = vaults("vault-a")
    for token in (None, "wrong"):
        assert error(a, "LIST", ACL, token=token, status=403) == "permission denied"
        assert error(a, "PUT", f"{ACL}/x", {"policy": ALL_DR_POLICY}, token=token, status=403) == "permission denied"
    assert call(a, "GET", f"{ACL}/x").status_code == 404


def test_a_dr_secondary_does_not_serve_policies(vaults):
    a, b = pair(vaults)
    for method, payload in (("GET", None), ("PUT", {"policy": ALL_DR_POLICY}), ("DELETE", None)):
        assert error(b, method, f"{ACL}/x", payload) == "path disabled in replication DR secondary mode"
    assert error(b, "LIST", ACL) == "path disabled in replication DR secondary mode"
