"""Constructs with ``adopt=True`` over what the appliances already hold, end to end: the first deploy imports
(found while Terraform plans), creates only what is missing, sends no other call to the appliances, and
the plan after it is clean. A password the appliance cannot show is never sent when it is not supplied."""

from __future__ import annotations

import re

import pytest

from tests.e2e.harness import KmipListener, Ontap, RequestLog, Vault, Vsp, unique

pytestmark = pytest.mark.e2e

MUTATING = re.compile(r"^(POST|PATCH|PUT|DELETE) ")
VSP_WRITES = ("add_server", "update_server", "delete_server", "promote_server")


def planned(output: str) -> str:
    match = re.search(r"Plan: [^\n]*", output)
    return match.group(0) if match else ""


def test_ontap_and_vsp_adoption_imports_what_exists_and_creates_what_is_missing(simulator, project):
    admin, vsp_admin, kmip = unique("ontap-admin"), unique("vsp-admin"), unique("kmip-secret")
    ontap_sim = simulator("ontap", name="ontap-brown", password=admin)
    vsp_sim = simulator("vsp", name="vsp-brown", password=vsp_admin)
    ontap, vsp = Ontap(ontap_sim), Vsp(vsp_sim)
    listeners = [KmipListener() for _ in range(3)]
    # ONTAP's key servers are real too (the cluster connects to each primary it adds): VSP's kms-b and kms-c
    kms1, kms2 = f"127.0.0.1:{listeners[1].port}", f"localhost:{listeners[2].port}"
    try:
        # what the appliances hold already: svm1's key manager with one key server (with credentials);
        # three KMIP servers, kms-b promoted to primary
        manager = ontap.call("POST", "/security/key-managers?return_records=true", {
            "svm": {"name": "svm1"}, "external": {"client_certificate": {"name": "kmip-client"},
                                                 "server_ca_certificates": [{"name": "kmip-ca"}]}},
                             expect=201)["records"][0]
        ontap.call("POST", f"/security/key-managers/{manager['uuid']}/key-servers",
                   {"server": kms1, "username": "kmip", "password": kmip,
                    "secondary_key_servers": ["kms1-dr.example.com"]}, expect=201)
        ports = {f"kms-{n}": listener.port for n, listener in zip("abc", listeners)}
        for name, port in ports.items():
            vsp.call("add_server", {"name": name, "host": "127.0.0.1", "port": port})
        vsp.call("promote_server", {"name": "kms-b"})
        ontap.call("POST", "/security/key-managers?return_timeout=30",
                   {"onboard": {"passphrase": "onboard passphrase of 32+ characters " + unique("okm")}},
                   expect=201)
        before = {"ontap": ontap.key_servers(manager["uuid"]), "vsp": vsp.servers(),
                  "managers": ontap.key_managers()}

        proj = project({"E2E_ONTAP_URL": ontap.base, "KEYFORM_ONTAP_PASSWORD": admin,
                        "E2E_VSP_URL": vsp.base, "KEYFORM_VSP_PASSWORD": vsp_admin})
        proj.env["TF_VAR_kmip_password"] = ""  # a password the cluster cannot show, and nobody supplied
        servers = [{"name": n, "host": "127.0.0.1", "port": p} for n, p in ports.items()]

        # what cannot be adopted without destroying something is refused at plan, naming the object and choices:
        # an external key manager declared where the cluster has the Onboard Key Manager; a primary that is offline
        listeners[0].close()
        proj.declare(ontap_cluster={"svm": None, "adopt": True, "key_servers": [{"server": "kms9.example.com"}]},
                     vsp={"primary": "kms-a", "adopt": True, "servers": servers})
        with RequestLog("ontap-brown") as ontap_log, RequestLog("vsp-brown") as vsp_log:
            refused = proj.cdktf("diff", "ontap-cluster", "--skip-provider-lock", ok=False)
            said = " ".join(refused.output.split())
            assert "ontap-cluster/key_manager: the cluster already has an onboard key manager, and this declares an " \
                   "external one" in said and "ONTAP migrates keys" in said, refused.tail()
            refused = proj.cdktf("diff", "vsp", "--skip-provider-lock", ok=False)
            assert "KMIP server kms-a is offline" in " ".join(refused.output.split()), refused.tail()
        assert not [line for line in ontap_log.lines if MUTATING.match(line)], ontap_log.lines
        assert not [line for line in vsp_log.lines if any(f"/{w} " in line for w in VSP_WRITES)], vsp_log.lines
        listeners[0] = KmipListener(port=ports["kms-a"])

        proj.declare(
            ontap={"svm": "svm1", "adopt": True, "key_servers": [
                {"server": kms1, "secondaries": ["kms1-dr.example.com"], "username": "kmip"}]},
            ontap_svm2={"svm": "svm2", "adopt": True, "key_servers": [{"server": kms2}]},
            vsp={"primary": "kms-b", "adopt": True, "servers": servers})
        with RequestLog("ontap-brown") as ontap_log, RequestLog("vsp-brown") as vsp_log:
            # one stack a deploy: with two finishing together, cdktf's output can print a stack's "Apply complete!"
            # line without the stack's name before it (seen 2 runs in 6), and the line is what is checked here
            deployed = {stack: proj.deploy(stack) for stack in ("ontap", "vsp")}
        assert re.search(r"ontap\s+Apply complete! Resources: 2 imported, 0 added, 0 changed",
                         deployed["ontap"].output), deployed["ontap"].tail()
        assert re.search(r"vsp\s+Apply complete! Resources: 4 imported, 0 added, 0 changed",
                         deployed["vsp"].output), deployed["vsp"].tail()
        assert not [line for line in ontap_log.lines if MUTATING.match(line)], ontap_log.lines
        assert not [line for line in vsp_log.lines if any(f"/{w} " in line for w in VSP_WRITES)], vsp_log.lines
        assert ontap.key_servers(manager["uuid"]) == before["ontap"] and vsp.servers() == before["vsp"]
        assert ontap.key_managers() == before["managers"]
        assert ontap.password_matches(manager["uuid"], kms1, kmip)  # never changed
        for stack in ("ontap", "vsp"):
            proj.assert_no_changes(stack)

        # svm2 had no key manager: created, with its key server
        deploy = proj.deploy("ontap-svm2")
        assert "Apply complete! Resources: 2 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
        svm2 = [m for m in ontap.key_managers() if m.get("svm", {}).get("name") == "svm2"]
        assert len(svm2) == 1 and set(ontap.key_servers(svm2[0]["uuid"])) == {kms2}

        # the adopted code is ordinary code now: a change deploys as a change
        proj.declare(
            ontap={"svm": "svm1", "adopt": True, "key_servers": [
                {"server": kms1, "secondaries": ["kms1-dr.example.com", "kms1-dr2.example.com"],
                 "username": "kmip"}]},
            vsp={"primary": "kms-c", "adopt": True, "servers": servers})
        deploy = proj.deploy("ontap", "vsp")
        assert "Apply complete!" in deploy.output, deploy.tail()
        assert ontap.key_servers(manager["uuid"])[kms1]["secondary_key_servers"] == [
            "kms1-dr.example.com", "kms1-dr2.example.com"]
        assert vsp.primary() == "kms-c"
        assert ontap.password_matches(manager["uuid"], kms1, kmip)
        proj.assert_secrets_absent({"KMIP password": kmip, "ONTAP admin": admin, "VSP admin": vsp_admin})
    finally:
        for listener in listeners:
            listener.close()


def test_vault_adoption_of_a_replicating_set_makes_no_call(simulator, project):
    roots = {n: unique(f"root-{n[-1]}") for n in ("vault-a", "vault-b", "vault-c")}
    sims = {n: simulator("vault", name=n, token=roots[n]) for n in roots}
    vaults = {n: Vault(sim) for n, sim in sims.items()}
    env = {f"E2E_{n.upper().replace('-', '_')}_URL": v.base for n, v in vaults.items()}
    env.update({f"KEYFORM_{n.upper().replace('-', '_')}_TOKEN": t for n, t in roots.items()})
    # a set that already replicates, made by another project (its state is not ours)
    first = project(env, name="earlier")
    first.declare(vault_dr={"primary": "vault-a", "clusters": ["vault-a", "vault-b"]})
    first.deploy("vault-dr")
    assert vaults["vault-b"].status()["state"] == "stream-wals"

    proj = project(env, name="adopting")
    proj.declare(vault_dr={"primary": "vault-a", "clusters": ["vault-a", "vault-b"], "adopt": True})
    with RequestLog("vault-a") as log_a, RequestLog("vault-b") as log_b:
        deploy = proj.deploy("vault-dr")
    assert "Apply complete! Resources: 7 imported, 0 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    calls = [line for line in log_a.lines + log_b.lines if not line.startswith("GET ")
             and "/internal/" not in line]  # the clusters' own heartbeats between them
    assert calls == [], calls
    proj.assert_no_changes("vault-dr")
    assert vaults["vault-a"].status()["mode"] == "primary"
    assert vaults["vault-b"].status()["primaries"][0]["api_address"] == sims["vault-a"].url

    # a cluster of another set is not adopted into this one: refused at plan, whatever the token
    other = project({**env, "TF_VAR_dr_operation_token": unique("any-token")}, name="taking-over")
    other.declare(vault_dr={"primary": "vault-c", "clusters": ["vault-c", "vault-b"], "adopt": True})
    with RequestLog("vault-b") as log_b, RequestLog("vault-c") as log_c:
        refused = other.cdktf("diff", "vault-dr", "--skip-provider-lock", ok=False)
    said = " ".join(refused.output.split())
    assert "vault-b is a DR secondary of a primary this stack does not declare" in said and \
           "taking it over would break that replication set" in said, refused.tail()
    assert [line for line in log_b.lines + log_c.lines if not line.startswith("GET ")
            and "/internal/" not in line] == []
    assert vaults["vault-b"].status()["primaries"][0]["api_address"] == sims["vault-a"].url
    assert vaults["vault-c"].status()["mode"] == "disabled"
