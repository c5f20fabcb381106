"""VaultDrReplication: DR replication between clusters, the activation token inside Terraform, failover."""

from __future__ import annotations

import json
import re

import pytest
from keyform.cdk import TerraformStack

from keyform.constructs import VaultCluster, VaultDrReplication, secret, vault_provider
from tests.constructs.support import logical_id, raises_config_error, ref, resource, synth

PATH = "test/dr"
DR = "/sys/replication/dr"
STATUS = f"{DR}/status"


def clusters(stack, *names: str) -> dict[str, VaultCluster]:
    result = {}
    for n, name in enumerate(names):
        url = f"https://{name}.example.com:82{n:02d}"
        result[name] = VaultCluster(name, vault_provider(stack, name, f"{url}/v1"), url)
    return result


def build(stack, primary="vault-a", names=("vault-a", "vault-b"), token=True, **kwargs) -> VaultDrReplication:
    members = clusters(stack, *names)
    op_token = secret(stack, "dr_operation_token", "DR operation token", required=False) if token else None
    return VaultDrReplication(stack, "dr", primary=members[primary], operation_token=op_token,
                              secondaries=[c for n, c in members.items() if n != primary], **kwargs)


def token_ref(dr: VaultDrReplication, primary: str, secondary: str) -> str:
    call = dr.calls[f"{primary}/secondary-token/{secondary}"]
    return f'{ref(call)}.sensitive_output_values["token"]'


# ------------------------------------------------------------------------------------ synthesis
A, B = "https://vault-a.example.com:8200", "https://vault-b.example.com:8201"
TOKEN_BODY = '{"dr_operation_token":"{secret.dr_operation_token}"}'


def decoded_json(block: dict, key: str):
    return json.loads(block[key])


def checks(block: dict) -> list[tuple]:
    """A call's preconditions as (path, when, require) triples, messages aside."""
    return [(c["path"], c.get("when"), c["require"]) for c in json.loads(block["preconditions"])]


def messages(block: dict) -> list[str]:
    return [c["message"] for c in json.loads(block["preconditions"])]


def test_one_provider_alias_per_cluster_with_the_operation_token_as_a_secret(stack):
    dr = build(stack)
    out = synth(stack)
    assert out["provider"]["rest"] == [
        {"alias": "vault-a", "base_url": "https://vault-a.example.com:8200/v1", "env_prefix": "KEYFORM_VAULT_A_",
         "secrets": {"dr_operation_token": "${var.dr_operation_token}"}, "token_header": "X-Vault-Token"},
        {"alias": "vault-b", "base_url": "https://vault-b.example.com:8201/v1", "env_prefix": "KEYFORM_VAULT_B_",
         "secrets": {"dr_operation_token": "${var.dr_operation_token}"}, "token_header": "X-Vault-Token"},
    ]
    providers = {name: resource(out, call)["provider"] for name, call in dr.calls.items()}
    assert providers == {
        "vault-a/verify-token": "rest.vault-a",
        "vault-b/demote": "rest.vault-b",
        "vault-a/promote": "rest.vault-a",
        "vault-a/replication": "rest.vault-a",
        "vault-a/secondary-token/vault-b": "rest.vault-a",
        "vault-b/update-primary": "rest.vault-b",
        "vault-b/replication": "rest.vault-b",
    }
    assert set(out["resource"]) == {"rest_operation"} and len(out["resource"]["rest_operation"]) == 7


def test_every_role_is_read_back_from_the_live_status(stack):
    """Each call on a role says which live status means it holds: drift shows as the call that restores it."""
    dr = build(stack)
    out = synth(stack)
    effects = {name: (resource(out, call).get("read_path"), resource(out, call).get("effective_when"))
               for name, call in dr.calls.items()}
    primary = {"path": "data/mode", "in": ["primary"]}
    assert {n: (p, json.loads(e) if e else None) for n, (p, e) in effects.items()} == {
        "vault-a/verify-token": (STATUS, primary),
        "vault-b/demote": (STATUS, {"path": "data/mode", "not_in": ["primary"]}),
        "vault-a/promote": (STATUS, primary),
        "vault-a/replication": (STATUS, primary),
        "vault-a/secondary-token/vault-b": (STATUS, {"all": [primary, {"path": "data/secondaries", "some": {"all": [
            {"path": "node_id", "equals": "vault-b"}, {"path": "connection_status", "equals": "connected"}]}}]}),
        # re-pointed while it does not stream from the declared primary (and only with a new activation token)
        "vault-b/update-primary": (STATUS, {"all": [{"path": "data/mode", "in": ["secondary"]}, {
            "path": "data/primaries/0/api_address", "equals": A}, {"path": "data/state", "equals": "stream-wals"}]}),
        # enabled (only with a new activation token) where vault-b is no DR secondary: so with adopt=True it is
        # imported only where it already replicates, and enabled on a fresh cluster
        "vault-b/replication": (STATUS, {"path": "data/mode", "in": ["secondary"]}),
    }


def test_calls_of_a_primary_and_a_secondary(stack):
    dr = build(stack)
    out = synth(stack)
    c = dr.calls
    block = {name: resource(out, call) for name, call in c.items()}
    token = f'rest_operation.{logical_id(c["vault-a/secondary-token/vault-b"])}.sensitive_output_values["token"]'
    assert {n: (b["path"], b["run_when"], b.get("body")) for n, b in block.items()} == {
        "vault-a/verify-token": (f"{DR}/secondary/merkle-check", {"data/mode": "secondary"}, TOKEN_BODY),
        "vault-b/demote": (f"{DR}/primary/demote", {"data/mode": "primary"}, "{}"),
        "vault-a/promote": (f"{DR}/secondary/promote", {"data/mode": "secondary"}, TOKEN_BODY),
        "vault-a/replication": (f"{DR}/primary/enable", {"data/mode": "disabled"}, "{}"),
        "vault-a/secondary-token/vault-b": (f"{DR}/primary/secondary-token", {"data/mode": "primary"},
                                            '{"id":"vault-b","ttl":"30m"}'),
        "vault-b/update-primary": (f"{DR}/secondary/update-primary", {"data/mode": "secondary"}, TOKEN_BODY),
        "vault-b/replication": (f"{DR}/secondary/enable", {"data/mode": "disabled"}, "{}"),
    }
    assert all(b["condition_path"] == STATUS and b["triggers"] == {"primary": "vault-a"} for b in block.values())
    # the DR operation token is a provider secret, never a value in the configuration
    assert [n for n, b in block.items() if "write_only_data" in b] == ["vault-b/update-primary", "vault-b/replication"]
    for name in ("vault-b/update-primary", "vault-b/replication"):
        assert block[name]["write_only_data"] == f'${{jsonencode({{"token" = {token}}})}}'
        assert json.loads(block[name]["run_if"]) == {"supplied": "token"}  # only with a new activation token
    issued = block["vault-a/secondary-token/vault-b"]
    assert (issued["outputs"], issued["sensitive_outputs"]) == ({"token": "wrap_info/token"}, True)
    assert json.loads(issued["run_if"]) == {"not": {"path": "data/known_secondaries", "contains": "vault-b"}}
    assert (issued["destroy_path"], issued["destroy_body"], issued["destroy_when"]) == (
        f"{DR}/primary/revoke-secondary", '{"id":"vault-b"}', {"data/mode": "primary"})
    assert json.loads(issued["destroy_if"]) == {"not": {"path": "data/secondaries", "some": {"all": [
        {"path": "node_id", "equals": "vault-b"}, {"path": "connection_status", "equals": "connected"}]}}}
    assert (block["vault-a/replication"]["destroy_path"], block["vault-a/replication"]["destroy_when"]) == (
        f"{DR}/primary/disable", {"data/mode": "primary"})
    disable = block["vault-b/replication"]
    assert (disable["destroy_path"], disable["destroy_when"], disable["destroy_body"]) == (
        f"{DR}/secondary/disable", {"data/mode": "secondary"}, TOKEN_BODY)  # the API takes the DR operation token


def test_preconditions_refuse_what_would_break_a_replication_set(stack):
    dr = build(stack)
    out = synth(stack)
    block = {name: resource(out, call) for name, call in dr.calls.items()}
    secondary, primary = {"path": "data/mode", "in": ["secondary"]}, {"path": "data/mode", "in": ["primary"]}
    token = {"supplied": "dr_operation_token"}
    follows = {"any": [{"path": "data/primaries/0", "exists": False},
                       {"path": "data/primaries/0/api_address", "in": [A, B]}]}
    for name in ("vault-a/verify-token", "vault-a/promote"):
        assert checks(block[name]) == [(STATUS, secondary, token), (STATUS, secondary, follows)]
        assert messages(block[name])[0].startswith("vault-a is a DR secondary: making it the primary (promote) "
                                                   "needs the DR operation token, and none was supplied: set "
                                                   "TF_VAR_dr_operation_token")
        assert "would make a second primary in that replication set" in messages(block[name])[1]
    assert checks(block["vault-b/demote"]) == [
        (STATUS, primary, {"path": "data/known_secondaries", "subset_of": ["vault-a", "vault-b"]}),
        (STATUS, primary, {"path": "data/secondaries", "some": {"all": [
            {"path": "node_id", "equals": "vault-a"}, {"path": "connection_status", "equals": "connected"}]}}),
    ]
    assert "would leave the set without a primary" in messages(block["vault-b/demote"])[1]
    assert checks(block["vault-b/update-primary"]) == [
        (STATUS, {"path": "data/mode", "in": ["secondary", "primary"]}, token), (STATUS, secondary, follows)]
    disabled = {"path": "data/mode", "in": ["disabled"]}
    assert checks(block["vault-b/replication"]) == [
        ("/sys/mounts", disabled, {"path": "data", "keys_subset_of": ["cubbyhole/", "identity/", "sys/"]}),
        ("/sys/policies/acl?list=true", disabled, {"path": "data/keys", "subset_of": ["default", "root"]}),
    ]
    assert all('acknowledge it in code: allow_wipe=["vault-b"]' in m for m in messages(block["vault-b/replication"]))
    assert checks(block["vault-a/secondary-token/vault-b"]) == [
        (STATUS, primary, {"path": "data/known_secondaries", "subset_of": ["vault-a", "vault-b"]})]
    assert "would take that set over" in messages(block["vault-a/secondary-token/vault-b"])[0]
    assert "preconditions" not in block["vault-a/replication"]


def test_allow_wipe_drops_the_wipe_checks_of_the_named_cluster_only(stack):
    dr = build(stack, names=("vault-a", "vault-b", "vault-c"), allow_wipe=["vault-c"])
    out = synth(stack)
    assert "preconditions" in resource(out, dr.calls["vault-b/replication"])
    assert "preconditions" not in resource(out, dr.calls["vault-c/replication"])


def test_dependency_chain(stack):
    dr = build(stack, names=("vault-a", "vault-b", "vault-c"))
    out = synth(stack)
    c = dr.calls

    def deps(name):
        return resource(out, c[name]).get("depends_on", [])

    assert deps("vault-a/verify-token") == []
    for secondary in ("vault-b", "vault-c"):  # nothing is demoted before the token is verified on the new primary
        assert deps(f"{secondary}/demote") == [ref(c["vault-a/verify-token"])]
    assert deps("vault-a/promote") == [ref(c["vault-b/demote"]), ref(c["vault-c/demote"])]  # promote after the demotes
    assert deps("vault-a/replication") == [ref(c["vault-a/promote"])]
    for secondary in ("vault-b", "vault-c"):
        token = c[f"vault-a/secondary-token/{secondary}"]
        assert deps(f"vault-a/secondary-token/{secondary}") == [ref(c["vault-a/replication"]),
                                                                ref(c["vault-a/promote"])]
        assert deps(f"{secondary}/update-primary") == [ref(token), ref(c[f"{secondary}/demote"])]
        assert deps(f"{secondary}/replication") == [ref(c[f"{secondary}/update-primary"])]
        assert json.loads(resource(out, token)["body"]) == {"id": secondary, "ttl": "30m"}


def test_activation_token_only_as_a_reference(stack):
    dr = build(stack, names=("vault-a", "vault-b", "vault-c"))
    out = synth(stack)
    text = json.dumps(out)
    refs = re.findall(r'sensitive_output_values\[\\"token\\"\]', text)
    assert len(refs) == 4  # update-primary and enable, for each of the two secondaries
    for name, call in dr.calls.items():
        block = resource(out, call)
        for key, value in block.items():
            if "sensitive_output_values" in json.dumps(value):
                assert key == "write_only_data", (name, key)
        if name.endswith(("/update-primary", "/replication")) and not name.startswith("vault-a/"):
            secondary = name.split("/")[0]
            assert f'"token" = {token_ref(dr, "vault-a", secondary)}' in block["write_only_data"]
    for name in ("vault-a/secondary-token/vault-b", "vault-a/secondary-token/vault-c"):
        assert resource(out, dr.calls[name])["sensitive_outputs"] is True


def test_failover_swaps_the_roles(app):
    """Declaring vault-b primary: its token is verified there, vault-a is demoted, vault-b promoted,
    vault-b issues the activation token and vault-a is re-pointed with update-primary."""
    before_stack, after_stack = TerraformStack(app, "before"), TerraformStack(app, "after")
    before, after = build(before_stack, primary="vault-a"), build(after_stack, primary="vault-b")
    out = synth(after_stack)
    c = after.calls
    assert set(c) == {"vault-b/verify-token", "vault-a/demote", "vault-b/promote", "vault-b/replication",
                      "vault-b/secondary-token/vault-a", "vault-a/update-primary", "vault-a/replication"}
    demote, promote = resource(out, c["vault-a/demote"]), resource(out, c["vault-b/promote"])
    assert (demote["provider"], demote["path"], demote["run_when"]) == ("rest.vault-a", f"{DR}/primary/demote",
                                                                        {"data/mode": "primary"})
    assert demote["depends_on"] == [ref(c["vault-b/verify-token"])]
    assert (promote["provider"], promote["path"], promote["run_when"]) == ("rest.vault-b", f"{DR}/secondary/promote",
                                                                           {"data/mode": "secondary"})
    assert promote["body"] == TOKEN_BODY and promote["depends_on"] == [ref(c["vault-a/demote"])]
    update = resource(out, c["vault-a/update-primary"])
    assert update["provider"] == "rest.vault-a" and update["run_when"] == {"data/mode": "secondary"}
    assert update["write_only_data"] == f'${{jsonencode({{"token" = {token_ref(after, "vault-b", "vault-a")}}})}}'
    token = resource(out, c["vault-b/secondary-token/vault-a"])
    assert (token["provider"], token["body"]) == ("rest.vault-b", '{"id":"vault-a","ttl":"30m"}')
    assert resource(out, c["vault-a/replication"])["path"] == f"{DR}/secondary/enable"
    assert resource(out, c["vault-b/replication"])["path"] == f"{DR}/primary/enable"
    # every call's trigger names the new primary, so each is planned again
    assert {resource(out, call).get("triggers", {}).get("primary") for call in c.values()} - {None} == {"vault-b"}
    # calls are named after the cluster, not the role: the same resources before and after
    assert logical_id(before.calls["vault-a/replication"]) == logical_id(c["vault-a/replication"])
    assert logical_id(before.calls["vault-b/replication"]) == logical_id(c["vault-b/replication"])


def test_failover_of_three_updates_every_remaining_secondary(stack):
    dr = build(stack, primary="vault-b", names=("vault-a", "vault-b", "vault-c"))
    out = synth(stack)
    for other in ("vault-a", "vault-c"):
        update = resource(out, dr.calls[f"{other}/update-primary"])
        assert update["provider"] == f"rest.{other}"
        assert update["depends_on"] == [ref(dr.calls[f"vault-b/secondary-token/{other}"]),
                                        ref(dr.calls[f"{other}/demote"])]
    assert resource(out, dr.calls["vault-b/promote"])["depends_on"] == [
        ref(dr.calls["vault-a/demote"]), ref(dr.calls["vault-c/demote"])]


def test_without_operation_token_no_variable_is_referenced(stack):
    build(stack, token=False)
    out = synth(stack)
    assert "variable" not in out
    assert {p["alias"]: p["secrets"] for p in out["provider"]["rest"]} == {
        "vault-a": {"dr_operation_token": ""}, "vault-b": {"dr_operation_token": ""}}


def test_operation_token_variable_is_sensitive_ephemeral_and_optional(stack):
    build(stack)
    assert synth(stack)["variable"]["dr_operation_token"] == {
        "default": "", "description": "DR operation token (sensitive; set TF_VAR_dr_operation_token)",
        "ephemeral": True, "nullable": False, "sensitive": True, "type": "string",
    }


def test_token_ttl(stack):
    dr = build(stack, token_ttl="1h")
    body = resource(synth(stack), dr.calls["vault-a/secondary-token/vault-b"])["body"]
    assert json.loads(body) == {"id": "vault-b", "ttl": "1h"}


# ----------------------------------------------------------------------------------- validation
def test_primary_also_secondary(stack):
    members = clusters(stack, "vault-a", "vault-b")
    with raises_config_error(PATH, "Vault cluster vault-a", "is declared both primary and secondary",
                             "declare it in one role only"):
        VaultDrReplication(stack, "dr", primary=members["vault-a"],
                           secondaries=[members["vault-b"], members["vault-a"]])


def test_duplicate_cluster(stack):
    members = clusters(stack, "vault-a", "vault-b")
    with raises_config_error(PATH, "Vault cluster secondaries", "vault-b is listed twice", "list each secondary once"):
        VaultDrReplication(stack, "dr", primary=members["vault-a"],
                           secondaries=[members["vault-b"], members["vault-b"]])


@pytest.mark.parametrize("name", ["vault b", "-vault", "vault/b", ""])
def test_bad_cluster_name(stack, name):
    members = clusters(stack, "vault-a")
    other = VaultCluster(name, vault_provider(stack, "other", "https://other:8200/v1"), "https://other:8200")
    with raises_config_error(PATH, "cluster name", f"'{name}' is not a usable secondary id",
                             "use letters, digits, '.', '_' and '-'"):
        VaultDrReplication(stack, "dr", primary=members["vault-a"], secondaries=[other])


def test_cluster_names_that_differ_only_in_punctuation(stack):
    members = clusters(stack, "vault-a", "vault_a")
    with raises_config_error(PATH, "cluster name", "'vault_a' and 'vault-a' would get the same resource name",
                             "make the names differ in letters or digits"):
        VaultDrReplication(stack, "dr", primary=members["vault-a"], secondaries=[members["vault_a"]])


def test_shared_api_addr(stack):
    members = clusters(stack, "vault-a")
    twin = VaultCluster("vault-b", vault_provider(stack, "vault-b", "https://b:8200/v1"), members["vault-a"].api_addr)
    with raises_config_error(PATH, "api_addr", "two clusters share an API address",
                             "give each cluster its own address"):
        VaultDrReplication(stack, "dr", primary=members["vault-a"], secondaries=[twin])


@pytest.mark.parametrize("api_addr", ["vault-b:8200", "https://vault-b:8200/v1", "ftp://vault-b", ""])
def test_bad_api_addr(stack, api_addr):
    members = clusters(stack, "vault-a")
    other = VaultCluster("vault-b", vault_provider(stack, "vault-b", "https://b:8200/v1"), api_addr)
    with raises_config_error(PATH, "vault-b.api_addr", f"'{api_addr}' is not an API address",
                             "give the cluster's address as its secondaries see it, e.g. "
                             "'https://vault-a.example.com:8200' (no /v1)"):
        VaultDrReplication(stack, "dr", primary=members["vault-a"], secondaries=[other])


def test_allow_wipe_names_only_declared_secondaries(stack):
    with raises_config_error(PATH, "allow_wipe", "'vault-a' is not a declared secondary", "name only secondaries of "
                             "this set: vault-b"):
        build(stack, allow_wipe=["vault-a"])


@pytest.mark.parametrize("ttl", ["30 minutes", "1d", "", "m30", "-5m"])
def test_bad_ttl(stack, ttl):
    with raises_config_error(PATH, "token_ttl", f"'{ttl}' is not a duration", "use e.g. '30m', '300s' or '1h'"):
        build(stack, token_ttl=ttl)


def test_literal_operation_token_refused(stack):
    members = clusters(stack, "vault-a", "vault-b")
    with raises_config_error(PATH, "operation_token",
                             "is a literal string; secrets must not be written into the synthesized JSON",
                             "pass keyform.constructs.secret(scope, name, description) "
                             "and set TF_VAR_<name> when deploying") as caught:
        VaultDrReplication(stack, "dr", primary=members["vault-a"], secondaries=[members["vault-b"]],
                           operation_token="s.literal-dr-token")
    assert "s.literal-dr-token" not in str(caught.value)
