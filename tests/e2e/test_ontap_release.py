"""ONTAP 9.14.1 (the simulator's release profile): secondaries answered as one comma-separated string, timeouts
-1 and 0. A deploy of the ONTAP scenario plans clean afterwards (secondaries compared as a set, whatever the
encoding), adoption of string secondaries plans clean, drift still shows; an older release refuses -1 at apply
with its own error, shown by the deploy."""

from __future__ import annotations

import pytest

from tests.e2e.harness import Ontap, unique

pytestmark = pytest.mark.e2e

DR = ["kms1-dr.example.com", "kms1-dr2.example.com:5697"]


def test_ontap_914_string_secondaries_and_special_timeouts_plan_clean(simulator, project, kmip_servers):
    first, second, third = kmip_servers(3)  # real KMIP servers: the cluster connects to each primary it adds
    KMS1, KMS2, KMS3 = first.address, f"localhost:{second.port}", third.address
    admin_password = unique("ontap-admin")
    sim = simulator("ontap", name="ontap-914", password=admin_password, ontap_version="9.14.1")
    ontap = Ontap(sim)
    assert ontap.call("GET", "/cluster")["version"]["major"] == 14
    proj = project({"E2E_ONTAP_URL": ontap.base, "KEYFORM_ONTAP_PASSWORD": admin_password,
                    "TF_VAR_kmip_password": unique("kmip")})

    # 1. deploy: the cluster answers the secondaries as one string; the next plan is clean
    proj.declare(ontap={"svm": "svm1", "key_servers": [
        {"server": KMS1, "secondaries": DR, "timeout": -1, "username": "kmip"}, {"server": KMS2, "timeout": 0}]})
    deploy = proj.deploy("ontap")
    assert "Apply complete! Resources: 3 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    [manager] = [m for m in ontap.key_managers() if m.get("svm", {}).get("name") == "svm1"]
    held = ontap.key_servers(manager["uuid"])
    assert held[KMS1]["secondary_key_servers"] == ",".join(DR) and held[KMS1]["timeout"] == -1
    assert held[KMS2]["secondary_key_servers"] == "" and held[KMS2]["timeout"] == 0
    proj.assert_no_changes("ontap")

    # 2. the same secondaries in another order: still no change
    proj.declare(ontap={"svm": "svm1", "key_servers": [
        {"server": KMS1, "secondaries": DR[::-1], "timeout": -1, "username": "kmip"}, {"server": KMS2, "timeout": 0}]})
    proj.assert_no_changes("ontap")

    # 3. drift in the string still shows, and is repaired
    ontap.call("PATCH", f"/security/key-managers/{manager['uuid']}/key-servers/{KMS1}",
               {"secondary_key_servers": "rogue.example.com"})
    plan = proj.plan_text("ontap")
    assert "Plan: 0 to add, 1 to change, 0 to destroy." in plan and "rogue.example.com" in plan, plan[-3000:]
    deploy = proj.deploy("ontap")
    assert "0 added, 1 changed, 0 destroyed" in deploy.output, deploy.tail()
    assert set(ontap.key_servers(manager["uuid"])[KMS1]["secondary_key_servers"].split(",")) == set(DR)
    proj.assert_no_changes("ontap")

    # 4. adoption of a key manager whose key server shows string secondaries: imported, nothing to change
    ontap.call("POST", "/security/key-managers", {
        "svm": {"name": "svm2"}, "external": {"client_certificate": {"name": "kmip-client"},
                                              "server_ca_certificates": [{"name": "kmip-ca"}],
                                              "servers": [{"server": KMS3, "timeout": 30,
                                                           "secondary_key_servers": "kms2-dr.example.com"}]}},
               expect=201)
    proj.declare(ontap_svm2={"svm": "svm2", "adopt": True, "key_servers": [
        {"server": KMS3, "secondaries": ["kms2-dr.example.com"], "timeout": 30}]})
    deploy = proj.deploy("ontap-svm2")
    assert "Apply complete! Resources: 2 imported, 0 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    proj.assert_no_changes("ontap-svm2")


def test_an_older_release_refuses_timeout_minus_one_at_apply(simulator, project):
    """-1 passes synth (the release is not known there); ONTAP 9.13.1 refuses it, and the deploy says why."""
    admin_password = unique("ontap-admin")
    sim = simulator("ontap", name="ontap-913", password=admin_password, ontap_version="9.13.1")
    ontap = Ontap(sim)
    proj = project({"E2E_ONTAP_URL": ontap.base, "KEYFORM_ONTAP_PASSWORD": admin_password,
                    "TF_VAR_kmip_password": unique("kmip")})
    # refused before the cluster contacts the key server: it need not exist
    proj.declare(ontap={"svm": "svm1", "key_servers": [{"server": "kms1.example.com:5696", "timeout": -1}]})
    refused = proj.deploy("ontap", ok=False)
    said = " ".join(refused.output.split())
    assert 'Invalid value for field "timeout": an integer from 1 to 60 is expected.' in said, refused.tail()
    assert "262185" in said, refused.tail()
    [manager] = [m for m in ontap.key_managers() if m.get("svm", {}).get("name") == "svm1"]
    assert ontap.key_servers(manager["uuid"]) == {}
