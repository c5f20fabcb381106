"""ONTAP simulator: installing, listing and deleting security certificates, over real HTTP."""

from __future__ import annotations

import datetime
import json
import os
import stat

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.conftest import SESSION_CA
from tests.simulators.test_ontap import Api, assert_error

PATCH_MESSAGE = "The certificate is not installed."


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_pair(cn: str, issuer=None, ca: bool = False) -> tuple[str, str]:
    """(certificate PEM, private key PEM); self-signed unless ``issuer`` is (cert PEM, key PEM)."""
    key = ec.generate_private_key(ec.SECP256R1())
    if issuer:
        issuer_cert = x509.load_pem_x509_certificate(issuer[0].encode())
        issuer_name = issuer_cert.subject
        signing_key = serialization.load_pem_private_key(issuer[1].encode(), password=None)
    else:
        issuer_name, signing_key = _name(cn), key
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(issuer_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .sign(signing_key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    return cert.public_bytes(serialization.Encoding.PEM).decode(), key_pem


def key_body(key_pem: str) -> str:
    """The base64 body of a PEM key (what must never appear in an answer)."""
    return "".join(line for line in key_pem.splitlines() if not line.startswith("-----"))


def install(api, expect: int = 201, **body):
    response = api.post("/security/certificates", params={"return_records": "true"}, json=body)
    assert response.status_code == expect, response.text
    return response


def install_client_and_ca(api, svm: str | None = "svm1", prefix: str = "ks"):
    ca_pem, ca_key = make_pair(f"{prefix} CA", ca=True)
    client_pem, client_key = make_pair(f"{prefix}-client", issuer=(ca_pem, ca_key))
    scope = {"svm": {"name": svm}} if svm else {}
    client = install(api, type="client", name=f"{prefix}-client", public_certificate=client_pem,
                     private_key=client_key, **scope).json()["records"][0]
    ca = install(api, type="server_ca", name=f"{prefix}-ca", public_certificate=ca_pem, **scope).json()["records"][0]
    return client, ca, client_key


def test_install_list_and_get_never_return_the_private_key(api):
    ca_pem, ca_key = make_pair("Install CA", ca=True)
    client_pem, client_key = make_pair("install-client", issuer=(ca_pem, ca_key))
    response = install(api, type="client", name="my-client", svm={"name": "svm1"}, public_certificate=client_pem,
                       private_key=client_key)
    created = response.json()
    assert created["num_records"] == 1 and created["_links"]["self"]["href"] == "/api/security/certificates"
    client = created["records"][0]
    assert response.headers["Location"] == f"/api/security/certificates/{client['uuid']}"
    assert (client["name"], client["type"], client["scope"], client["svm"]["name"]) == (
        "my-client", "client", "svm", "svm1")
    assert client["common_name"] == "install-client" and client["ca"] == "Install CA"
    parsed = x509.load_pem_x509_certificate(client_pem.encode())
    assert client["serial_number"] == format(parsed.serial_number, "X")
    assert client["public_certificate"].strip() == client_pem.strip()
    assert datetime.datetime.fromisoformat(client["expiry_time"]) == parsed.not_valid_after_utc

    plain = api.post("/security/certificates", json={"type": "server_ca", "public_certificate": ca_pem})
    assert plain.status_code == 201 and set(plain.json()) == {"num_records", "_links"}  # return_records defaults false

    listing = api.get("/security/certificates").json()
    names = {r["name"]: r for r in listing["records"]}
    assert {"my-client", "Install CA", "kmip-client", "kmip-ca"} <= set(names)
    assert set(names["my-client"]) == {"uuid", "name", "type", "_links"}
    ca = api.get("/security/certificates", params={"name": "Install CA"}).json()["records"][0]
    one = api.get(f"/security/certificates/{ca['uuid']}").json()
    assert (one["type"], one["scope"]) == ("server_ca", "cluster") and "svm" not in one

    svm1 = api.get("/security/certificates", params={"svm.name": "svm1", "fields": "public_certificate,svm"}).json()
    assert [r["name"] for r in svm1["records"]] == ["my-client"]
    assert svm1["records"][0]["public_certificate"].strip() == client_pem.strip()
    everything = api.get("/security/certificates", params={"fields": "**"}).json()
    full = api.get(f"/security/certificates/{client['uuid']}")
    assert full.json()["public_certificate"].strip() == client_pem.strip()

    body = key_body(client_key)
    for answer in (response, full, api.get("/security/certificates", params={"fields": "*"})):
        assert body not in answer.text and body[:64] not in answer.text and "PRIVATE KEY" not in answer.text
    assert all("private_key" not in r for r in everything["records"])


def test_default_name_follows_ontaps_rule(api):
    first_pem, _ = make_pair("same-cn", ca=True)
    second_pem, _ = make_pair("same-cn", ca=True)
    svm_named, _ = make_pair("svm2", ca=True)
    first = install(api, type="server_ca", public_certificate=first_pem).json()["records"][0]
    second = install(api, type="server_ca", public_certificate=second_pem).json()["records"][0]
    third = install(api, type="server_ca", svm={"name": "svm2"}, public_certificate=svm_named).json()["records"][0]
    renamed_pem, _ = make_pair("cn-x", ca=True)
    cn_x_pem, _ = make_pair("cn-x", ca=True)
    install(api, type="server_ca", name="renamed", public_certificate=renamed_pem)
    cn_x = install(api, type="server_ca", public_certificate=cn_x_pem).json()["records"][0]
    in_svm = install(api, type="server_ca", svm={"name": "svm1"}, public_certificate=second_pem).json()["records"][0]
    assert first["name"] == "same-cn"
    assert cn_x["name"] == f"cn-x_{cn_x['serial_number']}"  # the name is free, but the common name is installed
    assert in_svm["name"] == "same-cn"  # another scope
    assert second["name"] == f"same-cn_{second['serial_number']}"
    assert third["name"] == f"svm2_{third['serial_number']}"


def test_mismatched_or_unreadable_material_is_refused(api):
    cert_pem, _ = make_pair("mismatch-client")
    _, other_key = make_pair("someone-else")
    assert_error(install(api, 400, type="client", name="x", public_certificate=cert_pem, private_key=other_key),
                 400, "3735644", "The private key does not match the public key of the certificate.", "private_key")
    garbage_key = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"
    response = install(api, 400, type="client", name="x", public_certificate=cert_pem, private_key=garbage_key)
    assert response.json()["error"]["code"] == "3735645" and response.json()["error"]["target"] == "private_key"
    response = install(api, 400, type="server_ca", name="x", public_certificate="not a certificate")
    assert response.json()["error"]["code"] == "3735645" and response.json()["error"]["target"] == "public_certificate"
    assert_error(install(api, 400, type="client", name="x", public_certificate=cert_pem), 400, "262197",
                 'Missing value for required field "private_key".')
    assert_error(install(api, 400, type="server_ca", name="x", public_certificate=cert_pem, svm={"name": "svm9"}),
                 400, "2621462", 'SVM "svm9" does not exist.', "svm")
    assert install(api, 400, type="weird", public_certificate=cert_pem).json()["error"]["code"] == "262185"
    assert install(api, 400, public_certificate=cert_pem).json()["error"]["code"] == "262197"
    assert install(api, 400, type="server_ca", public_certificate=cert_pem, colour="red").json()["error"][
        "code"] == "262179"
    assert "x" not in {r["name"] for r in api.get("/security/certificates").json()["records"]}


def test_duplicate_name_in_the_same_scope_is_409(api):
    first, _ = make_pair("dup-a", ca=True)
    second, _ = make_pair("dup-b", ca=True)
    install(api, type="server_ca", name="dup", public_certificate=first)
    assert_error(install(api, 409, type="server_ca", name="dup", public_certificate=second), 409, "3735622",
                 'A certificate named "dup" already exists in the cluster.', "name")
    assert_error(install(api, 409, type="server_ca", name="kmip-ca", public_certificate=second), 409, "3735622",
                 'A certificate named "kmip-ca" already exists in the cluster.', "name")
    # another scope may reuse the name, but not twice
    install(api, type="server_ca", name="dup", svm={"name": "svm1"}, public_certificate=second)
    assert_error(install(api, 409, type="server_ca", name="dup", svm={"name": "svm1"}, public_certificate=first),
                 409, "3735622", 'A certificate named "dup" already exists in SVM "svm1".', "name")


def test_delete_in_use_is_refused_and_free_delete_works(api):
    client, ca, _ = install_client_and_ca(api)
    spare_pem, _ = make_pair("spare", ca=True)
    spare = install(api, type="server_ca", name="spare", public_certificate=spare_pem).json()["records"][0]
    manager = api.post("/security/key-managers", params={"return_records": "true"}, json={
        "svm": {"name": "svm1"},
        "external": {"client_certificate": {"name": "ks-client"}, "server_ca_certificates": [{"name": "ks-ca"}]},
    }).json()["records"][0]
    for cert in (client, ca):
        assert_error(api.delete(f"/security/certificates/{cert['uuid']}"), 400, "3735646",
                     f'The certificate "{cert["name"]}" is in use by the external key manager of SVM "svm1" and '
                     "cannot be deleted.", "uuid")
        assert api.get(f"/security/certificates/{cert['uuid']}").status_code == 200

    assert api.delete(f"/security/certificates/{spare['uuid']}").status_code == 200
    assert_error(api.get(f"/security/certificates/{spare['uuid']}"), 404, "4", "entry doesn't exist", "uuid")
    assert_error(api.delete(f"/security/certificates/{spare['uuid']}"), 404, "4", "entry doesn't exist", "uuid")

    assert api.delete(f"/security/key-managers/{manager['uuid']}").status_code == 200
    for cert in (client, ca):
        assert api.delete(f"/security/certificates/{cert['uuid']}").status_code == 200
    assert not {"ks-client", "ks-ca"} & {r["name"] for r in api.get("/security/certificates").json()["records"]}


def test_key_manager_uses_installed_certificates_and_refuses_deleted_ones(api):
    client, ca, _ = install_client_and_ca(api, svm="svm1")
    body = {"svm": {"name": "svm1"},
            "external": {"client_certificate": {"name": "ks-client"}, "server_ca_certificates": [{"name": "ks-ca"}]}}
    record = api.post("/security/key-managers", params={"return_records": "true"}, json=body).json()["records"][0]
    assert record["external"]["client_certificate"]["uuid"] == client["uuid"]
    assert [c["uuid"] for c in record["external"]["server_ca_certificates"]] == [ca["uuid"]]

    # an SVM's certificates are not another SVM's
    other = {"svm": {"name": "svm2"}, "external": body["external"]}
    assert_error(api.post("/security/key-managers", json=other), 400, "65536821", "Certificate is not installed.")
    other_by_uuid = {"svm": {"name": "svm2"}, "external": {"client_certificate": {"uuid": client["uuid"]},
                                                            "server_ca_certificates": [{"uuid": ca["uuid"]}]}}
    assert_error(api.post("/security/key-managers", json=other_by_uuid), 400, "65536821",
                 "Certificate is not installed.")

    # a certificate deleted (after its key manager went) is refused, by name and by uuid, on create and patch
    assert api.delete(f"/security/key-managers/{record['uuid']}").status_code == 200
    assert api.delete(f"/security/certificates/{ca['uuid']}").status_code == 200
    assert_error(api.post("/security/key-managers", json=body), 400, "65536821", "Certificate is not installed.")
    by_uuid = {"svm": {"name": "svm1"}, "external": {"client_certificate": {"uuid": client["uuid"]},
                                                      "server_ca_certificates": [{"uuid": ca["uuid"]}]}}
    assert_error(api.post("/security/key-managers", json=by_uuid), 400, "65536821", "Certificate is not installed.")
    fresh = api.post("/security/key-managers", params={"return_records": "true"}, json={
        "svm": {"name": "svm1"},
        "external": {"client_certificate": {"name": "ks-client"}, "server_ca_certificates": [{"name": "kmip-ca"}]},
    }).json()["records"][0]
    assert_error(api.patch(f"/security/key-managers/{fresh['uuid']}",
                           json={"external": {"server_ca_certificates": [{"name": "ks-ca"}]}}),
                 400, "65536821", PATCH_MESSAGE)


def test_seeded_certificates_are_real_and_generated_per_cluster(api, simulator):
    records = {r["name"]: r for r in api.get("/security/certificates", params={"fields": "*"}).json()["records"]}
    certs = {name: x509.load_pem_x509_certificate(r["public_certificate"].encode()) for name, r in records.items()}
    ca = certs["kmip-ca"]
    assert ca == SESSION_CA.certificate  # the run's CA, which issues the KMIP servers' certificates
    certs["kmip-ca-2"].verify_directly_issued_by(certs["kmip-ca-2"])  # self-signed
    for name in ("kmip-client", "kmip-client-renewed"):
        certs[name].verify_directly_issued_by(ca)
        assert records[name]["ca"] == "keyform simulators CA"
    certs["kmip-client-other"].verify_directly_issued_by(certs["kmip-ca-2"])
    assert records["kmip-client-other"]["ca"] == "KMIP Test CA 2"

    def spki(name):
        return certs[name].public_key().public_bytes(serialization.Encoding.DER,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo)

    assert spki("kmip-client") == spki("kmip-client-renewed") != spki("kmip-client-other")
    other = Api(simulator("ontap", name="ontap-other"))
    again = {r["name"]: r for r in other.get("/security/certificates", params={"fields": "*"}).json()["records"]}
    assert again["kmip-ca-2"]["uuid"] == records["kmip-ca-2"]["uuid"]
    for name in ("kmip-ca-2", "kmip-client", "kmip-client-other"):
        assert again[name]["public_certificate"] != records[name]["public_certificate"]


def test_restart_keeps_certificates_in_the_state_file(simulator, tmp_path):
    state = tmp_path / "state.json"
    first = Api(simulator("ontap", state_path=str(state)))
    client, ca, client_key = install_client_and_ca(first, svm="svm2", prefix="restart")
    seeded = first.get("/security/certificates", params={"fields": "*"}).json()["records"]
    first.server.stop()

    assert stat.S_IMODE(os.stat(state).st_mode) == 0o600
    stored = {c["uuid"]: c for c in json.loads(state.read_text())["certificates"]}
    assert key_body(stored[client["uuid"]]["private_key"]) == key_body(client_key)
    assert "private_key" in stored[[r["uuid"] for r in seeded if r["name"] == "kmip-client"][0]]

    second = Api(simulator("ontap", name="ontap-again", state_path=str(state)))
    assert second.get("/security/certificates", params={"fields": "*"}).json()["records"] == seeded
    for cert in (client, ca):
        assert second.get(f"/security/certificates/{cert['uuid']}").json() == cert
    # the kept client certificate is still usable, and its key never comes back
    manager = second.post("/security/key-managers", json={
        "svm": {"name": "svm2"},
        "external": {"client_certificate": {"name": "restart-client"},
                     "server_ca_certificates": [{"name": "restart-ca"}]}})
    assert manager.status_code == 201, manager.text
    for response in second.answers:
        assert key_body(client_key) not in response.text


def test_state_file_from_before_real_certificates_gets_them(simulator, tmp_path):
    """A state file whose seeded certificates have no PEM (written by an older simulator) gets real ones, same uuids."""
    state = tmp_path / "old.json"
    first = Api(simulator("ontap", state_path=str(state)))
    uuids = {r["name"]: r["uuid"] for r in first.get("/security/certificates").json()["records"]}
    first.server.stop()
    document = json.loads(state.read_text())
    for cert in document["certificates"]:
        for key in ("public_certificate", "private_key", "svm_uuid", "ca"):
            cert.pop(key, None)
    state.write_text(json.dumps(document))

    second = Api(simulator("ontap", name="ontap-upgraded", state_path=str(state)))
    records = second.get("/security/certificates", params={"fields": "*"}).json()["records"]
    assert {r["name"]: r["uuid"] for r in records} == uuids
    for record in records:
        x509.load_pem_x509_certificate(record["public_certificate"].encode())
