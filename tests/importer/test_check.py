"""What is refused before anything is written: values the code cannot carry, and what the constructs
themselves refuse (their message, naming the object)."""

from __future__ import annotations

import dataclasses

import pytest

from keyform.importer import ImportFailed
from keyform.importer.cli import generate
from keyform.importer.model import Inventory
from tests.importer.fixed import INVENTORY


def with_vsp_server(**changes) -> Inventory:
    system = INVENTORY.vsp[0]
    servers = (dataclasses.replace(system.servers[0], **changes), *system.servers[1:])
    return dataclasses.replace(INVENTORY, vsp=(dataclasses.replace(system, servers=servers),))


def test_what_the_constructs_refuse_is_an_import_failure_naming_the_object():
    with pytest.raises(ImportFailed) as refused:
        generate(with_vsp_server(ciphers=("tls_aes_256_gcm_sha384",)), "AdoptedStack")
    assert str(refused.value) == (
        "what was read cannot be declared with keyform's constructs: adopted/vsp_kmip_servers: servers[2].ciphers: "
        "'tls_aes_256_gcm_sha384' is not a cipher suite name. Fix: list names like TLS_AES_256_GCM_SHA384, one per "
        "item")


@pytest.mark.parametrize("name, problem", [
    ("kms-${file(\"/etc/passwd\")}", "which Terraform would read as an expression"),
    ("kms-%{ if true }", "which Terraform would read as an expression"),
    ("kms\nimport os", "holds a control character"),
])
def test_values_the_code_cannot_carry_are_refused(name, problem):
    with pytest.raises(ImportFailed) as refused:
        generate(with_vsp_server(name=name), "AdoptedStack")
    assert str(refused.value).startswith("vsp=VSP: the value '") and problem in str(refused.value)
    assert "\n" not in str(refused.value)


def test_the_fixed_inventory_passes():
    assert generate(INVENTORY, "Adopted").startswith('"""Appliances adopted by `python -m keyform import`: Adopted ')
