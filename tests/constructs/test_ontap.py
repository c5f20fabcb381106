"""OntapKeyManager: what it synthesizes, and every rule it refuses at synth time."""

from __future__ import annotations

import pytest

from keyform.constructs import KeyServer, OntapKeyManager, ontap_provider, secret, vsp_provider
from tests.constructs.support import decoded, has_resource, raises_config_error, ref, resource, synth

PATH = "test/km"
SECRET_FIX = "pass keyform.constructs.secret(scope, name, description) and set TF_VAR_<name> when deploying"


def build(stack, **kwargs) -> OntapKeyManager:
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api", "admin")
    options = dict(svm="svm1", client_certificate="kmip-client", server_ca_certificates=["kmip-ca"])
    options.update(kwargs)
    return OntapKeyManager(stack, "km", provider=provider, **options)


# ------------------------------------------------------------------------------------ synthesis
def test_a_provider_without_a_username_leaves_it_to_the_environment(stack):
    """``username=None``: no username in the JSON; the provider reads ``KEYFORM_<NAME>_USERNAME`` when it runs."""
    ontap_provider(stack, "ontap", "https://ontap.example.com/api", username=None)
    vsp_provider(stack, "vsp", "https://vsp.example.com/mapi", username=None)
    ontap, vsp = synth(stack)["provider"]["rest"]
    assert ontap == {"alias": "ontap", "base_url": "https://ontap.example.com/api", "env_prefix": "KEYFORM_ONTAP_",
                     "collection_query": "fields=*"}  # a refresh reads each collection once (ONTAP's records)
    assert "collection_query" not in vsp
    assert "username" not in vsp and vsp["env_prefix"] == "KEYFORM_VSP_"


def test_external_svm_key_manager(stack):
    km = build(stack, server_ca_certificates=["kmip-ca", "kmip-ca-2"], key_servers=[KeyServer("kms1.example.com")])
    out = synth(stack)

    assert out["provider"]["rest"] == [{"alias": "ontap", "base_url": "https://ontap.example.com/api",
                                        "env_prefix": "KEYFORM_ONTAP_", "username": "admin",
                                        "collection_query": "fields=*"}]
    block = resource(out, km.key_manager)
    assert decoded(block, "data") == {
        "external": {"client_certificate": {"name": "kmip-client"},
                     "server_ca_certificates": [{"name": "kmip-ca"}, {"name": "kmip-ca-2"}]},
        "svm": {"name": "svm1"},
    }
    assert {k: v for k, v in block.items() if k not in ("data", "api")} == {
        "path": "/security/key-managers", "provider": "rest.ontap"}
    # compact, keys sorted: the same text at every synth, so a review's diff shows only real changes
    assert block["api"] == ('{"force_new_keys":["svm","scope","onboard"],"id_attribute":"uuid",'
                            # found by its SVM after a lost answer or "already configured" (65536823)
                            '"lookup_path":"{path}?svm.name={data.svm.name}","lookup_selector":"records/0"}')
    assert has_resource(stack, km.key_manager, {"path": "/security/key-managers", "api": block["api"],
                                                "provider": "rest.ontap"})


def test_cluster_scope_has_no_svm(stack):
    km = build(stack, svm=None, key_servers=[KeyServer("kms1.example.com")])
    block = resource(synth(stack), km.key_manager)
    assert decoded(block, "data") == {
        "external": {"client_certificate": {"name": "kmip-client"}, "server_ca_certificates": [{"name": "kmip-ca"}]},
    }
    api = decoded(block, "api")
    assert api["lookup_path"] == "{path}?scope=cluster" and api["lookup_selector"] == "records/0"


def test_key_server_without_credentials(stack):
    km = build(stack, key_servers=[KeyServer("10.0.0.12:5697")])
    out = synth(stack)
    assert list(km.key_servers) == ["10.0.0.12:5697"]
    block = resource(out, km.key_servers["10.0.0.12:5697"])
    assert {k: v for k, v in block.items() if k != "api"} == {
        "data": '{"secondary_key_servers":[],"server":"10.0.0.12:5697"}',
        # the key manager's uuid: the key server is created after it and destroyed before it
        "path": f"/security/key-managers/${{{ref(km.key_manager)}.id}}/key-servers",
        "provider": "rest.ontap",
    }
    assert decoded(block, "api") == {
        "create_path": "{path}?return_timeout=0",
        "destroy_path": "{path}/{id}?return_timeout=0",
        "force_new_keys": ["server"],
        "id_template": "{data.server}",
        "lookup_path": "{path}/{data.server}",
        # ONTAP 9.14+ answers the secondaries as one comma-separated string: compared as a set either way
        "set_keys": ["secondary_key_servers"],
        "update_path": "{path}/{id}?return_timeout=0",
    }


def test_key_server_with_secondaries_timeout_and_credentials(stack):
    password = secret(stack, "kmip_password", "KMIP password")
    km = build(stack, key_servers=[
        KeyServer("KMS1.Example.com", secondaries=["kms1-dr.example.com", "kms1-dr2.example.com:5697"],
                  timeout=30, username="kmip", password=password),
    ])
    out = synth(stack)
    assert list(km.key_servers) == ["kms1.example.com:5696"]  # port 5696 when absent, host lower-cased
    block = resource(out, km.key_servers["kms1.example.com:5696"])
    assert decoded(block, "data") == {
        "server": "kms1.example.com:5696",
        # as declared: as ONTAP keeps them
        "secondary_key_servers": ["kms1-dr.example.com", "kms1-dr2.example.com:5697"],
        "timeout": 30,
        "username": "kmip",
    }
    # the password: a reference to the sensitive variable, merged into the body, never a literal; ONTAP takes
    # username and password together in a PATCH, so both travel as the write-only part — and only when the
    # password is set (an adopted key server's password is never changed to nothing)
    assert block["write_only_data"] == ('${length(var.kmip_password) == 0 ? null : '
                                       'jsonencode({"username" = "kmip", "password" = var.kmip_password})}')
    api = decoded(block, "api")
    assert "update_body" not in api
    assert api["id_template"] == "{data.server}" and api["force_new_keys"] == ["server"]
    assert "password" not in decoded(block, "data")
    assert out["variable"]["kmip_password"] == {
        "description": "KMIP password (sensitive; set TF_VAR_kmip_password)",
        "ephemeral": True, "nullable": False, "sensitive": True, "type": "string",
    }
    assert has_resource(stack, km.key_servers["kms1.example.com:5696"],
                        {"write_only_data": '${length(var.kmip_password) == 0 ? null : '
                                            'jsonencode({"username" = "kmip", "password" = var.kmip_password})}'})


def test_four_primaries_with_three_secondaries_each(stack):
    servers = [KeyServer(f"kms{i}.example.com", secondaries=[f"kms{i}-dr{j}.example.com" for j in range(3)])
               for i in range(4)]
    km = build(stack, key_servers=servers)
    out = synth(stack)
    assert sorted(km.key_servers) == [f"kms{i}.example.com:5696" for i in range(4)]
    assert len(out["resource"]["rest_object"]) == 5
    assert decoded(resource(out, km.key_servers["kms3.example.com:5696"]), "data")["secondary_key_servers"] == [
        "kms3-dr0.example.com", "kms3-dr1.example.com", "kms3-dr2.example.com"]


def test_a_secondary_may_serve_two_primaries(stack):
    km = build(stack, key_servers=[KeyServer("a.example.com", ["dr.example.com"]),
                                   KeyServer("b.example.com", ["dr.example.com"])])
    out = synth(stack)
    for name in ("a.example.com:5696", "b.example.com:5696"):
        assert decoded(resource(out, km.key_servers[name]), "data")["secondary_key_servers"] == ["dr.example.com"]


def test_ipv6_key_server_in_brackets(stack):
    km = build(stack, key_servers=[KeyServer("[FD00::12]:5697", secondaries=["[fd00::13]"])])
    data = decoded(resource(synth(stack), km.key_servers["[fd00::12]:5697"]), "data")
    assert data == {"server": "[fd00::12]:5697", "secondary_key_servers": ["[fd00::13]"]}


def test_onboard_key_manager(stack):
    passphrase = secret(stack, "okm_passphrase", "Onboard Key Manager passphrase")
    km = build(stack, svm=None, client_certificate=None, server_ca_certificates=(), onboard_passphrase=passphrase)
    out = synth(stack)
    assert km.key_servers == {}
    assert list(out["resource"]) == ["rest_object"] and len(out["resource"]["rest_object"]) == 1
    assert resource(out, km.key_manager) == {
        "api": '{"force_new_keys":["svm","scope","onboard"],"id_attribute":"uuid","lookup_path":"{path}?scope=cluster",'
               '"lookup_selector":"records/0"}',
        "data": '{"scope":"cluster"}',
        "path": "/security/key-managers",
        "provider": "rest.ontap",
        "write_only_data": '${length(var.okm_passphrase) == 0 ? null : jsonencode({"onboard" = {"passphrase" = '
                           'var.okm_passphrase}})}',
    }
    assert out["variable"]["okm_passphrase"]["sensitive"] is True
    assert out["variable"]["okm_passphrase"]["ephemeral"] is True
    assert "default" not in out["variable"]["okm_passphrase"]


def test_two_key_managers_in_one_stack_do_not_collide(stack):
    provider = ontap_provider(stack, "ontap", "https://ontap.example.com/api")
    for svm in ("svm1", "svm2"):
        OntapKeyManager(stack, f"km_{svm}", provider=provider, svm=svm, client_certificate="c",
                        server_ca_certificates=["ca"], key_servers=[KeyServer("kms1.example.com")])
    assert len(synth(stack)["resource"]["rest_object"]) == 4


# ----------------------------------------------------------------------------------- validation
def test_more_than_four_primaries(stack):
    with raises_config_error(PATH, "key server", "5 primary key servers declared, at most 4 are allowed",
                             "remove 1 of them, or make some secondaries of another"):
        build(stack, key_servers=[KeyServer(f"kms{i}.example.com") for i in range(5)])


def test_more_than_three_secondaries(stack):
    with raises_config_error(PATH, "key server kms1.example.com:5696 secondaries",
                             "4 secondaries declared, at most 3 are allowed per primary", "keep at most 3"):
        build(stack, key_servers=[KeyServer("kms1.example.com", secondaries=[f"dr{j}.example.com" for j in range(4)])])


def test_duplicate_primaries_after_normalization(stack):
    with raises_config_error(PATH, "key server", "kms1.example.com:5696 is declared twice",
                             "declare each key server once"):
        build(stack, key_servers=[KeyServer("kms1.example.com"), KeyServer("KMS1.example.com:5696")])


def test_duplicate_secondaries(stack):
    with raises_config_error(PATH, "key server kms1.example.com:5696 secondaries",
                             "dr.example.com:5696 is listed twice",
                             "list each secondary once"):
        build(stack, key_servers=[KeyServer("kms1.example.com", secondaries=["dr.example.com", "dr.example.com:5696"])])


def test_both_primary_and_secondary(stack):
    with raises_config_error(PATH, "key server kms2.example.com:5696", "is declared both primary and secondary",
                             "declare it in one role only"):
        build(stack, key_servers=[KeyServer("kms1.example.com", secondaries=["kms2.example.com"]),
                                  KeyServer("kms2.example.com")])


def test_its_own_secondary(stack):
    with raises_config_error(PATH, "key server kms1.example.com:5696", "is declared both primary and secondary",
                             "declare it in one role only"):
        build(stack, key_servers=[KeyServer("kms1.example.com", secondaries=["kms1.example.com:5696"])])


def test_username_without_password(stack):
    with raises_config_error(PATH, "key_servers[1].password", "username 'kmip' is given without a password",
                             "pass password=secret(...) as well (ONTAP needs both: error 65536846)"):
        build(stack, key_servers=[KeyServer("kms1.example.com"), KeyServer("kms2.example.com", username="kmip")])


def test_password_without_username(stack):
    with raises_config_error(PATH, "key_servers[0].username", "a password is given without a username",
                             "set username as well (ONTAP needs both: error 65536845)"):
        build(stack, key_servers=[KeyServer("kms1.example.com", password=secret(stack, "pw", "pw"))])


def test_literal_password_refused(stack):
    with raises_config_error(PATH, "key_servers[0].password",
                             "is a literal string; secrets must not be written into the synthesized JSON",
                             SECRET_FIX) as caught:
        build(stack, key_servers=[KeyServer("kms1.example.com", username="kmip", password="hunter2-literal")])
    assert "hunter2-literal" not in str(caught.value)


def test_literal_passphrase_refused(stack):
    with raises_config_error(PATH, "onboard_passphrase",
                             "is a literal string; secrets must not be written into the synthesized JSON",
                             SECRET_FIX) as caught:
        build(stack, svm=None, client_certificate=None, server_ca_certificates=(), onboard_passphrase="correct-horse")
    assert "correct-horse" not in str(caught.value)


@pytest.mark.parametrize("server, problem", [
    ("kms1.example.com:abc", "'kms1.example.com:abc' has no valid port"),
    ("kms1.example.com:", "'kms1.example.com:' has no valid port"),
    ("kms1.example.com:0", "'kms1.example.com:0' has no valid port"),
    ("kms1.example.com:65536", "'kms1.example.com:65536' has no valid port"),
    ("[fd00::1]:99999", "'[fd00::1]:99999' has no valid port"),
    ("[fd00::1]x", "'[fd00::1]x' has no valid port"),
    ("https://kms1.example.com", "'https://kms1.example.com' has no valid port"),
])
def test_bad_port(stack, server, problem):
    with raises_config_error(PATH, "key_servers[0].server", problem, "use a port between 1 and 65535 (KMIP: 5696)"):
        build(stack, key_servers=[KeyServer(server)])


def test_port_bounds_accepted(stack):
    km = build(stack, key_servers=[KeyServer("a.example.com:1"), KeyServer("b.example.com:65535")])
    assert sorted(km.key_servers) == ["a.example.com:1", "b.example.com:65535"]


HOST_FIX = "give a DNS name or an IP address, e.g. 'kms1.example.com:5696' or '[fd00::1]:5696'"


@pytest.mark.parametrize("server, problem, fix", [
    ("fd00::1", "'fd00::1' looks like a bare IPv6 address", "write it as [addr]:port"),
    ("[fd00::1:5696", "'[fd00::1:5696' has an unclosed '['", "write IPv6 as [addr]:port"),
    ("[kms1]:5696", "'[kms1]:5696' is not a host[:port]: 'kms1' is not an IPv6 address", HOST_FIX),
    ("kms 1.example.com", "'kms 1.example.com' is not a host[:port]: the character ' ' is not allowed", HOST_FIX),
    ("kms1.example.com/x:5696", "'kms1.example.com/x:5696' is not a host[:port]: the character '/' is not allowed",
     HOST_FIX),
    (":5696", "':5696' is not a host[:port]: it is empty", HOST_FIX),
    ("  ", "is empty", "give a host name or address, e.g. 'kms1.example.com:5696'"),
    ("kms?.example.com", "'kms?.example.com' is not a host[:port]: the character '?' is not allowed", HOST_FIX),
    ("kms#1.example.com", "'kms#1.example.com' is not a host[:port]: the character '#' is not allowed", HOST_FIX),
    ("kms..example.com", "'kms..example.com' is not a host[:port]: it has an empty label ('..')", HOST_FIX),
    ("..", "'..' is not a host[:port]: it has an empty label ('..')", HOST_FIX),
    ("kms-é.example.com", "'kms-é.example.com' is not a host[:port]: it has non-ASCII characters (write an "
     "internationalized name in its xn-- form)", HOST_FIX),
    ("a" * 300, f"'{'a' * 300}' is not a host[:port]: it is 300 characters long; a DNS name has at most 253", HOST_FIX),
    ("k" * 64 + ".example.com", f"'{'k' * 64}.example.com' is not a host[:port]: its label '{'k' * 20}...' is 64 "
     "characters long; at most 63 are allowed", HOST_FIX),
    ("-kms.example.com", "'-kms.example.com' is not a host[:port]: the label '-kms' starts or ends with '-'", HOST_FIX),
    ("999.1.1.1", "'999.1.1.1' is not a host[:port]: it looks like an IPv4 address but is not one", HOST_FIX),
    ("kms1.example.com.", "'kms1.example.com.' is not a host[:port]: it ends with a dot", HOST_FIX),
])
def test_bad_host(stack, server, problem, fix):
    with raises_config_error(PATH, "key_servers[0].server", problem, fix):
        build(stack, key_servers=[KeyServer(server)])


@pytest.mark.parametrize("server, stored", [
    ("KMS1.Example.COM", "kms1.example.com:5696"), ("10.0.0.12", "10.0.0.12:5696"),
    ("[FD00:0:0::1]:5697", "[fd00::1]:5697"), ("xn--bcher-kva.example:5696", "xn--bcher-kva.example:5696"),
])
def test_hosts_are_normalized_as_ontap_stores_them(stack, server, stored):
    """Upper case or a missing port would be normalized by the cluster: declared as it will read back,
    the plan after a deploy is clean."""
    km = build(stack, key_servers=[KeyServer(server)])
    assert list(km.key_servers) == [stored]


def test_bad_secondary_names_its_index(stack):
    with raises_config_error(PATH, "key_servers[0].secondaries[1]", "'dr2:70000' has no valid port",
                             "use a port between 1 and 65535 (KMIP: 5696)"):
        build(stack, key_servers=[KeyServer("kms1.example.com", secondaries=["dr1", "dr2:70000"])])


def test_onboard_with_svm(stack):
    with raises_config_error(PATH, "svm", "the Onboard Key Manager exists only at cluster scope",
                             "drop svm, or configure an external key manager for the SVM"):
        build(stack, svm="svm1", client_certificate=None, server_ca_certificates=(),
              onboard_passphrase=secret(stack, "okm", "okm"))


@pytest.mark.parametrize("external", [
    {"client_certificate": "kmip-client"},
    {"client_certificate": None, "key_servers": [KeyServer("kms1.example.com")]},
])
def test_onboard_with_external_settings(stack, external):
    options = dict(svm=None, client_certificate=None, server_ca_certificates=(),
                   onboard_passphrase=secret(stack, "okm", "okm"))
    options.update(external)
    with raises_config_error(PATH, "onboard_passphrase", "onboard and external key management are exclusive",
                             "drop client_certificate/key_servers, or drop onboard_passphrase"):
        build(stack, **options)


def test_missing_client_certificate(stack):
    with raises_config_error(PATH, "client_certificate", "is missing for an external key manager",
                             "name the installed KMIP client certificate, or pass onboard_passphrase for onboard"):
        build(stack, client_certificate=None, key_servers=[KeyServer("kms1.example.com")])


def test_missing_ca_certificates(stack):
    with raises_config_error(PATH, "server_ca_certificates", "is empty",
                             "name at least one installed CA certificate of the key servers"):
        build(stack, server_ca_certificates=[], key_servers=[KeyServer("kms1.example.com")])


@pytest.mark.parametrize("timeout", [61, -5, -2])
def test_timeout_out_of_range(stack, timeout):
    with raises_config_error(PATH, "key_servers[0].timeout", f"{timeout} is out of range",
                             "use 1 to 60 seconds, or -1 (wait indefinitely) or 0 (do not wait) on ONTAP 9.14.1 "
                             "and later"):
        build(stack, key_servers=[KeyServer("kms1.example.com", timeout=timeout)])


@pytest.mark.parametrize("timeout", [1, 60, -1, 0])  # -1 and 0: ONTAP 9.14.1+; an older cluster refuses at apply
def test_timeout_bounds_accepted(stack, timeout):
    km = build(stack, key_servers=[KeyServer("kms1.example.com", timeout=timeout)])
    assert decoded(resource(synth(stack), km.key_servers["kms1.example.com:5696"]), "data")["timeout"] == timeout


def test_servers_whose_ids_would_collide(stack):
    """Two servers that differ only in punctuation would get the same construct id."""
    with raises_config_error(PATH, "key_servers[1].server",
                             "kms1-example.com:5696 and kms1.example.com:5696 would get the same resource name",
                             "declare servers that differ in more than punctuation"):
        build(stack, key_servers=[KeyServer("kms1.example.com"), KeyServer("kms1-example.com")])
