"""The KMIP trust chain in code: an ONTAP key manager installing its certificates from PEM (the client
certificate's private key a write-only secret), on ONTAP 9.14.1 with a key server's ``create_remove_timeout``.
The key server is a real KMIP server: the cluster connects to it with the installed client certificate and trusts
it by the installed CA, so the chain declared in code is the one used.
Installed before the key manager, deleted after it; clean second plan; a certificate named but not installed is
ONTAP's own 65536821; a CA rotated under a new name is installed, switched to, then the old one deleted; another
certificate under an installed name is refused and the installed one kept; an installed certificate is adopted;
the private key is in no file, output or log."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import SESSION_CA
from tests.e2e.harness import Ontap, unique

pytestmark = pytest.mark.e2e


def key_lines(key_pem: str) -> dict:
    """Every base64 line of a PEM private key: any copy of the key, escaped or not, holds them."""
    lines = [line for line in key_pem.splitlines() if line and not line.startswith("-----")]
    return {f"private key line {i + 1}": line for i, line in enumerate(lines) if len(line) >= 8}


def certificates_named(ontap: Ontap, *names: str) -> dict:
    """``{name: record}`` of the installed certificates with these names."""
    records = ontap.call("GET", "/security/certificates?fields=name,type,svm,public_certificate")["records"]
    return {r["name"]: r for r in records if r["name"] in names}


def test_key_manager_installs_its_certificates_from_pem(simulator, kmip_servers, project, caplog):
    caplog.set_level(logging.DEBUG)
    admin_password = unique("ontap-admin")
    sim = simulator("ontap", name="ontap-certs", password=admin_password, ontap_version="9.14.1")
    ontap = Ontap(sim)
    [kms] = kmip_servers(1)
    kms1 = kms.address
    # the KMIP server's CA, and a client certificate it accepts (issued by that CA, for client authentication)
    ca_pem, issued = SESSION_CA.certificate_pem, SESSION_CA.issue_client("e2e-svm1-kmip")
    client_pem, client_key = issued.certificate_pem, issued.private_key_pem
    proj = project({"E2E_ONTAP_URL": ontap.base, "KEYFORM_ONTAP_PASSWORD": admin_password,
                    "TF_VAR_kmip_password": unique("kmip"), "TF_VAR_client_key": client_key, "TF_LOG": "DEBUG"})
    proj.env["TF_LOG_PATH"] = str(proj.root / "terraform.log")
    certificates = [{"name": "e2e-ca", "type": "server_ca", "pem": ca_pem},
                    {"name": "e2e-client", "type": "client", "pem": client_pem, "svm": "svm1",
                     "key_input": "client_key"}]
    stack = {"svm": "svm1", "certificates": certificates, "client_certificate": "e2e-client",
             "server_ca_certificates": ["e2e-ca", "kmip-ca-2"],
             "key_servers": [{"server": kms1, "create_remove_timeout": 30}]}

    # 1. deploy: two certificates installed, then the key manager naming them, then its key server
    proj.declare(ontap=stack)
    deploy = proj.deploy("ontap")
    assert "Apply complete! Resources: 4 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    installed = certificates_named(ontap, "e2e-ca", "e2e-client")
    assert installed["e2e-client"]["type"] == "client" and installed["e2e-client"]["svm"]["name"] == "svm1"
    assert installed["e2e-ca"]["type"] == "server_ca" and "svm" not in installed["e2e-ca"]
    assert installed["e2e-client"]["public_certificate"] == client_pem
    [manager] = [m for m in ontap.key_managers() if m.get("svm", {}).get("name") == "svm1"]
    assert manager["external"]["client_certificate"]["name"] == "e2e-client"
    assert [c["name"] for c in manager["external"]["server_ca_certificates"]] == ["e2e-ca", "kmip-ca-2"]
    assert ontap.key_servers(manager["uuid"])[kms1]["create_remove_timeout"] == 30
    proj.assert_no_changes("ontap")

    # 2. the installed certificate is the cluster's own: the key manager stops it from being deleted by hand
    refused = ontap.call("DELETE", f"/security/certificates/{installed['e2e-client']['uuid']}", expect=400)
    assert refused["error"]["code"] == "3735646"

    # 3. a key manager naming a certificate nobody installed: ONTAP's own refusal, shown by the deploy
    proj.declare(ontap=stack, ontap_svm2={"svm": "svm2", "server_ca_certificates": ["absent-ca"],
                                          "key_servers": [{"server": kms1}]})
    failed = proj.deploy("ontap-svm2", ok=False)
    said = " ".join(failed.output.split())
    assert "65536821" in said and "Certificate is not installed." in said, failed.tail()
    assert not [m for m in ontap.key_managers() if m.get("svm", {}).get("name") == "svm2"]
    proj.declare(ontap=stack)

    # 4. rotation: the CA under a new name; installed, the key manager changed, then the old one deleted
    stack = dict(stack, certificates=[{"name": "e2e-ca-2", "type": "server_ca", "pem": ca_pem}, certificates[1]],
                 server_ca_certificates=["e2e-ca-2", "kmip-ca-2"])
    proj.declare(ontap=stack)
    rotate = proj.deploy("ontap")
    assert "Apply complete! Resources: 1 added, 1 changed, 1 destroyed." in rotate.output, rotate.tail()
    [manager] = [m for m in ontap.key_managers() if m.get("svm", {}).get("name") == "svm1"]
    assert [c["name"] for c in manager["external"]["server_ca_certificates"]] == ["e2e-ca-2", "kmip-ca-2"]
    assert set(certificates_named(ontap, "e2e-ca", "e2e-ca-2")) == {"e2e-ca-2"}
    proj.assert_no_changes("ontap")

    # 5. another certificate under a name already installed: refused by ONTAP, the installed one left in place
    other = SESSION_CA.issue_client("e2e-svm1-kmip-other")
    proj.env["TF_VAR_client_key"] = other.private_key_pem
    proj.declare(ontap=dict(stack, certificates=[stack["certificates"][0],
                                                 dict(certificates[1], pem=other.certificate_pem)]))
    failed = proj.deploy("ontap", ok=False)
    said = " ".join(failed.output.split())
    assert "3735622" in said and "Could not create the object" in said, failed.tail()
    assert certificates_named(ontap, "e2e-client")["e2e-client"]["public_certificate"] == client_pem
    proj.env["TF_VAR_client_key"] = client_key
    proj.declare(ontap=stack)
    proj.assert_no_changes("ontap")

    # 6. adoption: a certificate installed by hand is imported by name and SVM, not installed again
    ontap.call("POST", "/security/certificates", {"name": "pre-ca", "type": "server_ca", "public_certificate": ca_pem,
                                                  "svm": {"name": "svm2"}}, expect=201)
    proj.declare(ontap=stack, ontap_svm2={
        "svm": "svm2", "server_ca_certificates": ["pre-ca"], "key_servers": [{"server": kms1}],
        "certificates": [{"name": "pre-ca", "type": "server_ca", "pem": ca_pem, "svm": "svm2", "adopt": True}]})
    adopted = proj.deploy("ontap-svm2")
    assert "Resources: 1 imported, 2 added, 0 changed, 0 destroyed." in adopted.output, adopted.tail()
    proj.assert_no_changes("ontap-svm2")
    assert proj.destroy("ontap-svm2").returncode == 0
    proj.declare(ontap=stack)

    # 7. destroy: the key server and the key manager first, the certificates after (else ONTAP refuses: in use)
    destroy = proj.destroy("ontap")
    assert "Destroy complete! Resources: 4 destroyed." in destroy.output, destroy.tail()
    assert not [m for m in ontap.key_managers() if m.get("svm", {}).get("name") == "svm1"]
    assert certificates_named(ontap, "e2e-ca", "e2e-ca-2", "e2e-client") == {}
    assert certificates_named(ontap, "kmip-ca-2")  # one installed outside the stack stays

    # 8. the private key: in no synthesized JSON, state, plan or apply output, Terraform/provider or simulator log
    assert (proj.root / "terraform.log").stat().st_size > 10_000  # the log really is written
    synthesized = proj.root / "cdktf.out" / "stacks" / "ontap" / "cdk.tf.json"
    assert synthesized.exists() and "e2e-client" in synthesized.read_text()
    proj.assert_secrets_absent(key_lines(client_key) | key_lines(other.private_key_pem)
                               | {"admin password": admin_password},
                               extra=[("simulator log", caplog.text)])
