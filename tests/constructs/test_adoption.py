"""``adopt=True``: the import blocks each construct declares, found at plan time, and the plan-time refusal
of an ONTAP key manager of the other kind. (What Terraform does with them: tests/e2e/test_adoption.py.)"""

from __future__ import annotations

import json

import pytest

from keyform.cdk import TerraformStack

from keyform.constructs import KeyServer, VspKmipServers, secret, vsp_provider
from keyform.constructs.naming import slug
from tests.constructs import test_ontap, test_vault, test_vsp
from tests.constructs.support import ref, synth


def imports(out: dict) -> dict:
    """``{to: import block}`` of a synthesized stack."""
    return {block["to"]: block for block in out.get("import", [])}


def lookups(out: dict) -> dict:
    return out.get("data", {}).get("rest_object", {})


def test_without_adopt_nothing_is_imported_or_looked_up(stack):
    test_ontap.build(stack, key_servers=[KeyServer("kms1.example.com")])
    out = synth(stack)
    assert "import" not in out and not lookups(out)


def test_ontap_key_manager_and_key_servers_are_imported_where_found(stack):
    km = test_ontap.build(stack, key_servers=[KeyServer("kms1.example.com"), KeyServer("kms2.example.com:5697")],
                          adopt=True)
    out = synth(stack)
    blocks = imports(out)
    assert set(blocks) == {ref(km.key_manager), *(ref(r) for r in km.key_servers.values())}
    manager_lookup = next(k for k in lookups(out) if "key_manager_found" in k)
    found = lookups(out)[manager_lookup]
    # by its natural key, with the one field that tells its kind (a collection shows only keys otherwise)
    assert found["path"] == "/security/key-managers?svm.name=svm1&fields=onboard.enabled"
    assert found["allow_missing"] is True and found["pick"] == {"id": "uuid", "onboard": "onboard/enabled"}
    # imported once, by its uuid only (the kind is not an import id)
    assert blocks[ref(km.key_manager)]["for_each"] == \
        f'${{{{for k, v in data.rest_object.{manager_lookup}.values : k => v if k == "id"}}}}'
    server = blocks[ref(km.key_servers["kms2.example.com:5697"])]
    assert "key-servers" in server["id"] and "each.value" in server["id"]
    # a key server is looked up only where its key manager was found
    server_lookups = [v for k, v in lookups(out).items() if "key_server_found" in k]
    assert len(server_lookups) == 2
    assert all(v["count"] == f"${{length(data.rest_object.{manager_lookup}.values)}}" for v in server_lookups)


@pytest.mark.parametrize("onboard", [False, True], ids=["external declared", "onboard declared"])
def test_a_key_manager_of_the_other_kind_is_refused_at_plan(stack, onboard):
    if onboard:
        test_ontap.build(stack, svm=None, client_certificate=None, server_ca_certificates=(),
                         onboard_passphrase=secret(stack, "okm", "okm"), adopt=True)
    else:
        test_ontap.build(stack, svm=None, key_servers=[KeyServer("kms1.example.com")], adopt=True)
    found = next(v for k, v in lookups(synth(stack)).items() if "key_manager_found" in k)
    assert found["path"] == "/security/key-managers?scope=cluster&fields=onboard.enabled"
    [check] = found["lifecycle"]["postcondition"]
    kind = "true" if onboard else "false"
    assert check["condition"] == f'${{lookup(self.values, "onboard", "{kind}") == "{kind}"}}'
    held, declared = ("external", "onboard") if onboard else ("onboard", "external")
    assert check["error_message"].startswith(
        f"test/km: the cluster already has an {held} key manager, and this declares an {declared} one with "
        "adopt=True. Adopting it would replace it, destroying its keys")
    assert "Either declare it as it is" in check["error_message"]


def test_vsp_servers_by_name_and_the_promotion_unconditionally(stack):
    provider = vsp_provider(stack, "vsp", "https://vsp.example.com/mapi", "admin")
    kmip = VspKmipServers(stack, "kmip", provider=provider, servers=test_vsp.SERVERS, primary="kms-a", adopt=True)
    out = synth(stack)
    blocks = imports(out)
    assert set(blocks) == {ref(kmip.promotion), *(ref(r) for r in kmip.servers.values())}
    assert "for_each" not in blocks[ref(kmip.promotion)]  # its read-back decides whether kms-a is primary
    for name, resource in kmip.servers.items():
        [found] = [v for k, v in lookups(out).items() if k.startswith(f"kmip_kmip_server_found_{slug(name)}_")]
        assert found["method"] == "POST" and json.loads(found["body"]) == {"name": name}
        assert found["allow_missing"] is True
        assert blocks[ref(resource)]["for_each"].endswith(".values}")


def test_vault_calls_are_imported_and_keep_their_checks(app, stack):
    test_vault.build(stack, adopt=True)
    out = synth(stack)
    blocks = imports(out)
    operations = out["resource"]["rest_operation"]
    assert set(blocks) == {f"rest_operation.{name}" for name in operations}
    assert all("for_each" not in block for block in blocks.values())
    # adopted or not, every call that could break a set is still checked at plan
    plain = TerraformStack(app, "plain")
    test_vault.build(plain)
    assert {k: v.get("preconditions") for k, v in operations.items()} == \
           {k: v.get("preconditions") for k, v in synth(plain)["resource"]["rest_operation"].items()}
