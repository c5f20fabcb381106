"""ONTAP key servers end to end: add, change secondaries, rotate the KMIP password, remove; a fifth primary
refused at synth; drift repaired; destroy leaves the cluster as it was (scenarios 2, 5 and 6)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.harness import Ontap, RequestLog, unique

pytestmark = pytest.mark.e2e

def servers(*entries: dict) -> dict:
    return {"svm": "svm1", "key_servers": list(entries)}


def test_ontap_key_servers_lifecycle_drift_and_destroy(simulator, project, kmip_servers):
    first, second = kmip_servers(2)  # real KMIP servers: the cluster connects to each primary it adds
    KMS1, KMS2 = first.address, f"localhost:{second.port}"
    admin_password = unique("ontap-admin")
    sim = simulator("ontap", name="ontap-e2e", password=admin_password)
    ontap = Ontap(sim)
    before = ontap.key_managers()
    old_password, new_password = unique("kmip-old"), unique("kmip-new")
    proj = project({"E2E_ONTAP_URL": ontap.base,
                    "KEYFORM_ONTAP_PASSWORD": admin_password, "TF_VAR_kmip_password": old_password})

    # 1. a primary key server with two secondaries (and KMIP credentials), plus a plain one
    proj.declare(ontap=servers(
        {"server": KMS1, "secondaries": ["kms1-dr.example.com", "kms1-dr2.example.com:5697"], "timeout": 30,
         "username": "kmip"},
        {"server": KMS2},
    ))
    deploy = proj.deploy("ontap")
    assert "Apply complete! Resources: 3 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    [manager] = [m for m in ontap.key_managers() if m not in before]
    assert manager["svm"]["name"] == "svm1" and manager["external"]["client_certificate"]["name"] == "kmip-client"
    held = ontap.key_servers(manager["uuid"])
    assert set(held) == {KMS1, KMS2}
    assert held[KMS1]["secondary_key_servers"] == ["kms1-dr.example.com", "kms1-dr2.example.com:5697"]  # as declared
    assert held[KMS1]["timeout"] == 30 and held[KMS1]["username"] == "kmip"
    assert held[KMS2]["secondary_key_servers"] == []
    assert ontap.password_matches(manager["uuid"], KMS1, old_password)
    assert proj.state("ontap")["outputs"]["key_manager_uuid"]["value"] == manager["uuid"]

    # 2. its secondaries change: updated in place
    proj.declare(ontap=servers(
        {"server": KMS1, "secondaries": ["kms1-dr3.example.com"], "timeout": 30, "username": "kmip"},
        {"server": KMS2},
    ))
    deploy = proj.deploy("ontap")
    assert "0 added, 1 changed, 0 destroyed" in deploy.output, deploy.tail()
    assert ontap.key_servers(manager["uuid"])[KMS1]["secondary_key_servers"] == ["kms1-dr3.example.com"]

    # 3. the KMIP password rotates: the new one reaches the cluster, neither is ever written or shown
    proj.env["TF_VAR_kmip_password"] = new_password
    deploy = proj.deploy("ontap")  # its output holds the plan as well
    assert "Plan: 0 to add, 1 to change, 0 to destroy." in deploy.output, deploy.tail()
    assert "0 added, 1 changed, 0 destroyed" in deploy.output, deploy.tail()
    assert ontap.password_matches(manager["uuid"], KMS1, new_password)
    assert not ontap.password_matches(manager["uuid"], KMS1, old_password)
    proj.assert_no_changes("ontap")
    proj.assert_secrets_absent({"old KMIP password": old_password, "new KMIP password": new_password,
                                "ONTAP admin password": admin_password})

    # 4. drift: secondaries and timeout changed on the cluster, and a key server deleted there, show in the diff;
    #    the next deploy repairs the one and creates the other again
    ontap.call("PATCH", f"/security/key-managers/{manager['uuid']}/key-servers/{KMS1}",
               {"timeout": 45, "secondary_key_servers": ["rogue.example.com"]})
    ontap.call("DELETE", f"/security/key-managers/{manager['uuid']}/key-servers/{KMS2}")
    assert KMS2 not in ontap.key_servers(manager["uuid"])
    plan = proj.plan_text("ontap")
    assert "Plan: 1 to add, 1 to change, 0 to destroy." in plan, plan[-3000:]
    assert (re.search(r"timeout\s+= 45 -> 30", plan)
            and '"rogue.example.com" -> "kms1-dr3.example.com"' in plan), plan[-3000:]
    assert f"(key_manager/key_server_localhost_{second.port}) will be created" in plan, plan[-3000:]
    deploy = proj.deploy("ontap")
    assert "1 added, 1 changed, 0 destroyed" in deploy.output, deploy.tail()
    held = ontap.key_servers(manager["uuid"])
    assert held[KMS1]["timeout"] == 30 and held[KMS1]["secondary_key_servers"] == ["kms1-dr3.example.com"]
    assert KMS2 in held

    # 6. a key server removed from the declaration is removed from the cluster
    proj.declare(ontap=servers(
        {"server": KMS1, "secondaries": ["kms1-dr3.example.com"], "timeout": 30, "username": "kmip"}))
    deploy = proj.deploy("ontap")
    assert "0 added, 0 changed, 1 destroyed" in deploy.output, deploy.tail()
    assert set(ontap.key_servers(manager["uuid"])) == {KMS1}

    # 7. a fifth primary is refused at synth, before any request reaches the cluster
    held_before = ontap.key_servers(manager["uuid"])
    proj.declare(ontap=servers(*[{"server": f"kms{i}.example.com"} for i in range(1, 6)]))
    with RequestLog(sim.settings.name) as log:
        refused = proj.synth(ok=False)
    assert ("ontap/key_manager: key server: 5 primary key servers declared, at most 4 are allowed"
            in refused.flat), refused.tail()
    assert log.lines == [], f"the cluster was called: {log.lines}"
    assert ontap.key_servers(manager["uuid"]) == held_before

    # 8. destroy: the cluster holds what it held before the first deploy
    proj.declare(ontap=servers(
        {"server": KMS1, "secondaries": ["kms1-dr3.example.com"], "timeout": 30, "username": "kmip"}))
    proj.destroy("ontap")
    assert ontap.key_managers() == before
    proj.assert_secrets_absent({"old KMIP password": old_password, "new KMIP password": new_password,
                                "ONTAP admin password": admin_password})
