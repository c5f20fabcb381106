"""OntapCertificate, and OntapKeyManager naming it: what they synthesize, and every rule refused at synth time."""

from __future__ import annotations

import json

import pytest
from cryptography import x509

from keyform.constructs import KeyformConfigError, KeyServer, OntapCertificate, OntapKeyManager, ontap_provider, secret
from tests.constructs.support import decoded, raises_config_error, ref, resource, synth
from tests.simulators.test_ontap_certificates import key_body, make_pair

CA_PEM, CA_KEY = make_pair("KMS CA", ca=True)
CLIENT_PEM, CLIENT_KEY = make_pair("svm1-kmip", issuer=(CA_PEM, CA_KEY))
SECRET_FIX = "pass keyform.constructs.secret(scope, name, description) and set TF_VAR_<name> when deploying"


def certificates(stack, svm="svm1", **client_options):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    ca = OntapCertificate(stack, "ca", provider=provider, name="kms-ca", type="server_ca", public_certificate=CA_PEM)
    options = dict(provider=provider, name="svm1-client", type="client", public_certificate=CLIENT_PEM,
                   private_key=secret(stack, "client_key", "KMIP client key"), svm=svm)
    options.update(client_options)
    client = OntapCertificate(stack, "client", **options)
    return provider, ca, client


def key_manager(stack, provider, client, cas, **kwargs) -> OntapKeyManager:
    return OntapKeyManager(stack, "km", provider=provider, svm="svm1", client_certificate=client,
                           server_ca_certificates=cas, key_servers=[KeyServer("kms1.example.com")], **kwargs)


# ------------------------------------------------------------------------------------ synthesis
def test_certificates_installed_and_the_key_manager_after_them(stack):
    provider, ca, client = certificates(stack)
    km = key_manager(stack, provider, client, [ca, "kmip-ca-2"])
    out = synth(stack)

    block = resource(out, client.certificate)
    assert decoded(block, "data") == {"name": "svm1-client", "type": "client", "public_certificate": CLIENT_PEM,
                                      "svm": {"name": "svm1"}}
    # the private key: a reference to the ephemeral input, sent with the install only, never a literal
    assert block["write_only_data"] == ("${length(var.client_key) == 0 ? null : "
                                        'jsonencode({"private_key" = var.client_key})}')
    serial = format(x509.load_pem_x509_certificate(CLIENT_PEM.encode()).serial_number, "X")
    assert {k: v for k, v in block.items() if k not in ("data", "write_only_data", "api")} == {
        "path": "/security/certificates", "provider": "rest.ontap",
        # a replacement is installed before the old one goes, which a key manager may still use
        "lifecycle": {"create_before_destroy": True},
    }
    assert decoded(block, "api") == {
        "id_attribute": "uuid", "force_new_keys": ["name", "type", "svm", "public_certificate"],
        "write_only_on_create": True,
        # found by name and serial in its scope after a lost answer or an "already installed" refusal
        "lookup_path": f"{{path}}?name={{data.name}}&serial_number={serial}&svm.name={{data.svm.name}}",
        "lookup_selector": "records/0",
    }
    ca_block = resource(out, ca.certificate)
    assert decoded(ca_block, "data") == {"name": "kms-ca", "type": "server_ca", "public_certificate": CA_PEM}
    assert "write_only_data" not in ca_block
    assert decoded(ca_block, "api")["lookup_path"] == \
        f"{{path}}?name={{data.name}}&serial_number={ca.serial_number}&scope=cluster"

    manager = resource(out, km.key_manager)
    assert decoded(manager, "data")["external"] == {
        "client_certificate": {"name": "svm1-client"},
        "server_ca_certificates": [{"name": "kms-ca"}, {"name": "kmip-ca-2"}],  # a declared one, an installed one
    }
    # created after the certificates it names, deleted before them; the key servers after the key manager
    assert sorted(manager["depends_on"]) == sorted([ref(client.certificate), ref(ca.certificate)])
    assert "depends_on" not in resource(out, km.key_servers["kms1.example.com:5696"])


def test_the_private_key_is_nowhere_in_the_synthesized_json(stack):
    provider, ca, client = certificates(stack)
    key_manager(stack, provider, client, [ca])
    text = json.dumps(synth(stack))
    assert key_body(CLIENT_KEY) not in text and key_body(CA_KEY) not in text
    assert "PRIVATE KEY" not in text
    assert synth(stack)["variable"]["client_key"]["sensitive"] is True
    assert synth(stack)["variable"]["client_key"]["ephemeral"] is True


def test_pem_written_as_the_cluster_shows_it(stack):
    untidy = "\n\n  " + CLIENT_PEM.replace("\n", "\r\n") + "\n"
    _, _, client = certificates(stack, public_certificate=untidy)
    assert decoded(resource(synth(stack), client.certificate), "data")["public_certificate"] == CLIENT_PEM


def test_names_as_strings_need_no_certificate(stack):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    km = key_manager(stack, provider, "kmip-client", ["kmip-ca"])
    assert "depends_on" not in resource(synth(stack), km.key_manager)


def test_adopted_certificate_imported_where_found(stack):
    _, _, client = certificates(stack, private_key=None, adopt=True)
    out = synth(stack)
    [found] = [v for k, v in out["data"]["rest_object"].items() if "certificate_found" in k]
    assert found["path"] == "/security/certificates?name=svm1-client&svm.name=svm1"
    assert found["allow_missing"] is True and found["pick"] == {"id": "uuid"}
    [block] = [b for b in out["import"] if b["to"] == ref(client.certificate)]
    assert '"write_only_on_create" = true' in block["id"] and "each.value" in block["id"]
    assert "write_only_data" not in resource(out, client.certificate)  # installed already: no key needed


def test_create_remove_timeout_in_the_key_server_body(stack):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    km = OntapKeyManager(stack, "km", provider=provider, svm="svm1", client_certificate="kmip-client",
                         server_ca_certificates=["kmip-ca"],
                         key_servers=[KeyServer("kms1.example.com", create_remove_timeout=-1),
                                      KeyServer("kms2.example.com", create_remove_timeout=45)])
    out = synth(stack)
    assert decoded(resource(out, km.key_servers["kms1.example.com:5696"]), "data")["create_remove_timeout"] == -1
    assert decoded(resource(out, km.key_servers["kms2.example.com:5696"]), "data")["create_remove_timeout"] == 45


# ------------------------------------------------------------------------------------ refusals
@pytest.mark.parametrize("value", [-2, 61, "30", True])
def test_create_remove_timeout_out_of_range(stack, value):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    with raises_config_error("test/km", "key_servers[0].create_remove_timeout", f"{value!r} is out of range",
                             "use -1 (wait indefinitely), 0 (do not wait) or 1 to 60 seconds "
                             "(ONTAP 9.14.1 and later)"):
        OntapKeyManager(stack, "km", provider=provider, client_certificate="c", server_ca_certificates=["ca"],
                        key_servers=[KeyServer("kms1.example.com", create_remove_timeout=value)])


def test_client_certificate_needs_a_private_key(stack):
    with raises_config_error("test/client", "private_key", "is missing for a client certificate",
                             "pass private_key=secret(scope, name, description) holding its PEM private key "
                             "(ONTAP installs a client certificate only with its key)"):
        certificates(stack, private_key=None)


def test_private_key_as_a_literal_is_refused_without_echoing_it(stack):
    with pytest.raises(KeyformConfigError) as raised:
        certificates(stack, private_key=CLIENT_KEY)
    assert str(raised.value) == ("test/client: private_key: is a literal string; secrets must not be written into the "
                                 f"synthesized JSON. Fix: {SECRET_FIX}")


def test_server_ca_takes_no_private_key(stack):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    with raises_config_error("test/ca", "private_key", "a server_ca certificate is installed without a key",
                             "drop private_key (only a client certificate has one)"):
        OntapCertificate(stack, "ca", provider=provider, name="ca", type="server_ca", public_certificate=CA_PEM,
                         private_key=secret(stack, "k", "k"))


@pytest.mark.parametrize("pem, problem", [
    ("not a certificate", "is not one PEM certificate (no PEM block)"),
    (CA_PEM + CLIENT_PEM, "is not one PEM certificate (2 PEM blocks)"),
    ("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n",
     "is not a readable X.509 certificate"),
    (CLIENT_PEM + CLIENT_KEY, "holds a private key, which would be written into cdk.tf.json in clear"),
], ids=["text", "two certificates", "garbage inside", "with its private key"])
def test_public_certificate_must_be_one_pem_certificate(stack, pem, problem):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    with pytest.raises(KeyformConfigError) as raised:
        OntapCertificate(stack, "ca", provider=provider, name="ca", type="server_ca", public_certificate=pem)
    assert str(raised.value).startswith(f"test/ca: public_certificate: {problem}. Fix: ")
    assert key_body(CLIENT_KEY) not in str(raised.value)


@pytest.mark.parametrize("kind", ["server", "root_ca", "Client"])
def test_type_is_client_or_server_ca(stack, kind):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    with raises_config_error("test/c", "type", f"'{kind}' is not a certificate a key manager names",
                             "use 'client' (the KMIP client certificate, with its private key) or 'server_ca' "
                             "(a CA of the key servers)"):
        OntapCertificate(stack, "c", provider=provider, name="c", type=kind, public_certificate=CA_PEM)


@pytest.mark.parametrize("name", ["", "kms ca", "kms*", "-ca", "a" * 256])
def test_name_refused(stack, name):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    with raises_config_error("test/c", "name", f"{name!r} is not a certificate name keyform installs",
                             "use 1-255 letters, digits, '.', '_' or '-', starting with a letter or digit"):
        OntapCertificate(stack, "c", provider=provider, name=name, type="server_ca", public_certificate=CA_PEM)


def test_names_unique_in_a_scope(stack):
    provider, ca, _ = certificates(stack)
    OntapCertificate(stack, "ca_svm", provider=provider, name="kms-ca", type="server_ca", public_certificate=CA_PEM,
                     svm="svm1")  # another scope: allowed
    with raises_config_error("test/ca2", "name", "'kms-ca' is already declared in the cluster by test/ca",
                             "give each certificate of a scope its own name"):
        OntapCertificate(stack, "ca2", provider=provider, name="kms-ca", type="server_ca", public_certificate=CA_PEM)


def test_a_declared_certificate_named_as_a_string_is_refused(stack):
    provider, ca, client = certificates(stack)
    fix = "pass the OntapCertificate itself, so that the key manager is created after it and deleted before it"
    with raises_config_error("test/km", "server_ca_certificates[0]",
                             "'kms-ca' is named as a string (installed outside the stack), and test/ca installs it",
                             fix):
        key_manager(stack, provider, client, ["kms-ca"])


def test_a_string_name_then_declared_is_refused(stack):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    key_manager(stack, provider, "kmip-client", ["kms-ca"])
    with raises_config_error("test/km", "server_ca_certificates[0]",
                             "'kms-ca' is named as a string (installed outside the stack), and test/ca installs it",
                             "pass the OntapCertificate itself, so that the key manager is created after it and "
                             "deleted before it"):
        OntapCertificate(stack, "ca", provider=provider, name="kms-ca", type="server_ca", public_certificate=CA_PEM)


def test_certificate_of_the_wrong_type(stack):
    provider, ca, client = certificates(stack)
    with raises_config_error("test/km", "client_certificate", "test/ca is a server_ca certificate",
                             "name a client certificate here"):
        key_manager(stack, provider, ca, [ca])


def test_certificate_of_another_svm(stack):
    provider, ca, client = certificates(stack, svm="svm2")
    with raises_config_error("test/km", "client_certificate",
                             'test/client is installed in SVM "svm2", which the key manager of SVM "svm1" cannot use',
                             'install it in SVM "svm1" or at cluster scope'):
        key_manager(stack, provider, client, [ca])


def test_certificate_of_another_cluster(stack):
    provider, ca, client = certificates(stack)
    other = ontap_provider(stack, "ontap2", "https://ontap2.example.com/api", "admin")
    with raises_config_error("test/km", "client_certificate",
                             "test/client is installed through another provider (another cluster)",
                             "install it with this key manager's provider"):
        key_manager(stack, other, client, ["kmip-ca"])


def test_public_certificate_must_be_text_known_at_synth(stack):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    variable = secret(stack, "pem", "pem")
    with raises_config_error("test/c", "public_certificate", "is not PEM text known at synth",
                             "pass the certificate's PEM text (e.g. Path('client.pem').read_text())"):
        OntapCertificate(stack, "c", provider=provider, name="c", type="server_ca",
                         public_certificate=variable.string_value)
