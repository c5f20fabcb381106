"""Vault DR replication end to end: enable the primary, activate the secondary with a token carried inside
Terraform, fail over by declaration with a DR operation token, destroy (scenarios 4 and 6). The clusters'
tokens replicate as Vault's do: the secondary's own root token dies at its activation, and after the failover
the set's tokens (the first primary's root token, one made on the new primary) work on every cluster that serves
clients."""

from __future__ import annotations

import json

import pytest

from keyform.ops import dr_token
from keyform.simulators.vault import unseal_keys
from tests.e2e.harness import Vault, unique, verify

pytestmark = pytest.mark.e2e


def dr(primary: str) -> dict:
    return {"primary": primary, "clusters": ["vault-a", "vault-b"]}


def activation_tokens(proj) -> list[str]:
    """The activation tokens the secondary-token calls got (kept, sensitive, in their state)."""
    tokens = []
    for address, attributes in proj.resources("vault-dr", "rest_operation").items():
        if "_token_for_" in address and attributes.get("sensitive_output_values"):
            tokens.append(attributes["sensitive_output_values"]["token"])
    return tokens


def ran(proj, name: str) -> dict:
    """The recorded answer of the operation named ``name`` (e.g. ``vault_a_demote``); ``skipped`` when its
    run_when condition did not hold."""
    [attributes] = [a for address, a in proj.resources("vault-dr", "rest_operation").items()
                    if address.startswith(f"rest_operation.dr_{name}_")]
    return json.loads(attributes["response"] or "{}")


def test_vault_dr_enable_activate_failover_and_destroy(simulator, project):
    root_a, root_b = unique("root-a"), unique("root-b")
    sim_a = simulator("vault", name="vault-a", token=root_a)
    sim_b = simulator("vault", name="vault-b", token=root_b)
    vault_a, vault_b = Vault(sim_a), Vault(sim_b)
    assert vault_a.status()["mode"] == vault_b.status()["mode"] == "disabled"
    proj = project({"E2E_VAULT_A_URL": vault_a.base, "E2E_VAULT_B_URL": vault_b.base,
                    "KEYFORM_VAULT_A_TOKEN": root_a, "KEYFORM_VAULT_B_TOKEN": root_b})

    # 1. vault-a primary, vault-b activated as its secondary with a token that never leaves Terraform
    proj.declare(vault_dr=dr("vault-a"))
    deploy = proj.deploy("vault-dr")
    assert "Apply complete! Resources: 7 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    a, b = vault_a.status(), vault_b.status()
    assert a["mode"] == "primary" and [(s["node_id"], s["connection_status"]) for s in a["secondaries"]] == [
        ("vault-b", "connected")]
    assert b["mode"] == "secondary" and b["state"] == "stream-wals"
    assert b["primaries"][0]["api_address"] == sim_a.url
    # the activation wiped vault-b's own tokens: its root token is refused; it holds the set's (vault-a's)
    vault_b.call("GET", "/auth/token/lookup-self", expect=403)
    assert vault_b.call("GET", "/auth/token/lookup-self", token=root_a, expect=400)["errors"] == [
        "path disabled in replication DR secondary mode"]
    [first_activation] = activation_tokens(proj)
    assert len(first_activation) >= 16
    assert first_activation not in proj.synthesized("vault-dr")
    assert not any(first_activation in output for output in proj.outputs), "the activation token was shown"

    # 2. failover by declaration: vault-b becomes primary with a DR operation token made from vault-a's
    #    unseal keys on vault-b; vault-a is demoted, then pointed at vault-b with update-primary
    operation_token = dr_token.generate(vault_b.base, unseal_keys(sim_a.settings)["keys_base64"],
                                        ca_cert_file=verify(vault_b.sim))
    proj.env["TF_VAR_dr_operation_token"] = operation_token
    proj.env["KEYFORM_VAULT_B_TOKEN"] = vault_b.token = root_a  # vault-b's token once promoted: the set's
    proj.declare(vault_dr=dr("vault-b"))
    deploy = proj.deploy("vault-dr")
    assert "Apply complete!" in deploy.output, deploy.tail()
    a, b = vault_a.status(), vault_b.status()
    assert b["mode"] == "primary" and [(s["node_id"], s["connection_status"]) for s in b["secondaries"]] == [
        ("vault-a", "connected")]
    assert a["mode"] == "secondary" and a["state"] == "stream-wals"
    assert [p["api_address"] for p in a["primaries"]] == [sim_b.url]
    for name in ("vault_a_demote", "vault_b_promote", "vault_a_update_primary"):
        assert "skipped" not in ran(proj, name), f"{name} did not run: {ran(proj, name)}"
    assert "skipped" in ran(proj, "vault_a_replication")  # vault-a was re-pointed, not enabled again
    [second_activation] = activation_tokens(proj)
    assert second_activation != first_activation
    assert second_activation not in proj.synthesized("vault-dr")
    assert not any(second_activation in output for output in proj.outputs), "the activation token was shown"
    proj.assert_no_changes("vault-dr")
    # the set's tokens work on the new primary, vault-b's own does not; a token made there reaches vault-a
    assert vault_b.call("GET", "/auth/token/lookup-self")["data"]["path"] == "auth/token/root"
    vault_b.call("GET", "/sys/replication/dr/status", token=root_b, expect=403)
    made = vault_b.call("POST", "/auth/token/create", {"policies": ["default"]})["auth"]["client_token"]
    assert vault_a.status()["mode"] == "secondary"  # its heartbeat brings vault-b's store
    assert vault_a.call("GET", "/auth/token/lookup-self", token=made, expect=400)["errors"] == [
        "path disabled in replication DR secondary mode"]
    secrets = {"DR operation token": operation_token, "vault-a root token": root_a, "vault-b root token": root_b,
               "token made on vault-b": made}
    proj.assert_secrets_absent(secrets)

    # 3. destroy: both clusters back to mode "disabled"
    proj.destroy("vault-dr")
    assert vault_a.status()["mode"] == "disabled" and vault_b.status()["mode"] == "disabled"
    proj.assert_secrets_absent(secrets)
