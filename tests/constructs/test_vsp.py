"""VspKmipServers: the KMIP servers of a VSP One Object system, one primary, promotion by declaration."""

from __future__ import annotations

import json

import pytest

from keyform.cdk import TerraformStack
from keyform.constructs import KmipServer, VspKmipServers, vsp_provider
from tests.constructs.support import decoded, has_resource, logical_id, raises_config_error, ref, resource, synth

PATH = "test/kmip"
CIPHERS = ("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
SERVERS = [
    KmipServer("kms-a", "kms-a.example.com", 5696, protocol="V2_0", ciphers=CIPHERS),
    KmipServer("kms-b", "kms-b.example.com", 5697, tls12=False),
    KmipServer("kms-c", "10.0.0.3", 5698, protocol="V1_3"),
]


def build(stack, servers=SERVERS, primary="kms-a") -> VspKmipServers:
    provider = vsp_provider(stack, "vsp", "https://vsp.example.com/mapi", "admin")
    return VspKmipServers(stack, "kmip", provider=provider, servers=servers, primary=primary)


def server_block(name: str, data: str, depends_on=None) -> dict:
    block = {
        # bodies as objects in api, its keys sorted: the same text at every synth
        "api": '{"create_path":"/v1/kmip/add_server","destroy_body":{"name":"{data.name}"},"destroy_method":"POST",'
               '"destroy_path":"/v1/kmip/delete_server","force_new_keys":["name"],"id_attribute":"uuid",'
               '"lookup_body":{"name":"{data.name}"},"lookup_method":"POST","lookup_path":"/v1/kmip/get_server",'
               '"read_body":{"name":"{data.name}"},"read_method":"POST","read_path":"/v1/kmip/get_server",'
               '"update_body":{"uuid":"{id}"},"update_method":"POST","update_path":"/v1/kmip/update_server"}',
        "data": data,
        "path": "/v1/kmip",
        "provider": "rest.vsp",
    }
    if depends_on:
        block["depends_on"] = depends_on
    return block


# ------------------------------------------------------------------------------------ synthesis
def test_provider_uses_oauth2_and_csrf(stack):
    build(stack)
    assert synth(stack)["provider"]["rest"] == [{
        "alias": "vsp",
        "base_url": "https://vsp.example.com/mapi",
        "csrf_cookie": "XSRF-TOKEN",
        "csrf_header": "X-XSRF-TOKEN",
        "csrf_path": "/v1/csrf",
        "env_prefix": "KEYFORM_VSP_",
        "oauth2_client_id": "vsp-object",
        "oauth2_token_url": "https://vsp.example.com/auth/realms/object/protocol/openid-connect/token",
        "username": "admin",
    }]


def test_servers_bodies_and_templates(stack):
    kmip = build(stack)
    out = synth(stack)
    assert list(kmip.servers) == ["kms-a", "kms-b", "kms-c"]
    assert len(out["resource"]["rest_object"]) == 3
    primary = ref(kmip.servers["kms-a"])
    assert resource(out, kmip.servers["kms-a"]) == server_block(
        "kms-a", '{"host":"kms-a.example.com",'
                 '"httpsCiphers":"TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",'
                 '"isTLS12Enabled":true,"kmipProtocol":"V2_0","name":"kms-a","port":5696}')
    assert decoded(resource(out, kmip.servers["kms-b"]), "data") == {
        "name": "kms-b", "host": "kms-b.example.com", "port": 5697, "isTLS12Enabled": False, "kmipProtocol": "V1_4"}
    assert resource(out, kmip.servers["kms-c"]) == server_block(
        "kms-c", '{"host":"10.0.0.3","isTLS12Enabled":true,"kmipProtocol":"V1_3","name":"kms-c","port":5698}',
        depends_on=[primary])
    assert has_resource(stack, kmip.servers["kms-b"], {"depends_on": [primary], "path": "/v1/kmip"})


def test_secondaries_depend_on_the_primary(stack):
    kmip = build(stack, primary="kms-b")
    out = synth(stack)
    primary = ref(kmip.servers["kms-b"])
    assert "depends_on" not in resource(out, kmip.servers["kms-b"])
    assert resource(out, kmip.servers["kms-a"])["depends_on"] == [primary]
    assert resource(out, kmip.servers["kms-c"])["depends_on"] == [primary]


def test_promotion_depends_on_every_server(stack):
    kmip = build(stack)
    out = synth(stack)
    assert out["resource"]["rest_operation"] == {logical_id(kmip.promotion): {
        "body": '{"name":"kms-a"}',
        "depends_on": [ref(kmip.servers[n]) for n in ("kms-a", "kms-b", "kms-c")],
        "path": "/v1/kmip/promote_server",
        "provider": "rest.vsp",
        "triggers": {"primary": "kms-a"},
        # read back: a server promoted outside the stack shows in the plan
        "effective_when": '{"equals":true,"path":"isPrimary"}',
        "read_body": '{"name":"kms-a"}',
        "read_method": "POST",
        "read_path": "/v1/kmip/get_server",
        # an offline server is not promoted: refused at plan
        "preconditions": json.dumps([{
            "body": {"name": "kms-a"}, "message": 'KMIP server kms-a is offline: VSP One Object cannot promote it '
            '("Cannot promote offline KMIP server."). Bring it online, or keep the current primary. Nothing was '
            'changed.', "method": "POST", "path": "/v1/kmip/get_server", "if_absent": "pass",
            "require": {"equals": True, "path": "isOnline"}}], sort_keys=True, separators=(",", ":")),
    }}


def test_changing_the_primary_plans_a_promotion_not_a_re_create(app):
    """Same resource names and bodies for every server, whichever is primary: only the promote call
    (its body and trigger) and the ordering change, so Terraform plans promote_server, no replacement."""
    from keyform.cdk import TerraformStack

    before_stack, after_stack = TerraformStack(app, "before"), TerraformStack(app, "after")
    before, after = build(before_stack, primary="kms-a"), build(after_stack, primary="kms-c")
    out_before, out_after = synth(before_stack), synth(after_stack)

    for name in ("kms-a", "kms-b", "kms-c"):
        assert logical_id(before.servers[name]) == logical_id(after.servers[name])
        old, new = resource(out_before, before.servers[name]), resource(out_after, after.servers[name])
        assert ({k: v for k, v in old.items() if k != "depends_on"}
                == {k: v for k, v in new.items() if k != "depends_on"})
    assert logical_id(before.promotion) == logical_id(after.promotion)
    promote = resource(out_after, after.promotion)
    assert promote["body"] == '{"name":"kms-c"}' and promote["triggers"] == {"primary": "kms-c"}
    assert promote["depends_on"] == [ref(after.servers[n]) for n in ("kms-c", "kms-a", "kms-b")]
    # the new primary is not deleted while it is primary: the others depend on it, so they go first
    assert "depends_on" not in resource(out_after, after.servers["kms-c"])
    assert resource(out_after, after.servers["kms-a"])["depends_on"] == [ref(after.servers["kms-c"])]


def test_a_single_server(stack):
    kmip = build(stack, servers=[KmipServer("only", "kms.example.com")], primary="only")
    out = synth(stack)
    assert decoded(resource(out, kmip.servers["only"]), "data") == {
        "name": "only", "host": "kms.example.com", "port": 5696, "isTLS12Enabled": True, "kmipProtocol": "V1_4"}
    assert resource(out, kmip.promotion)["depends_on"] == [ref(kmip.servers["only"])]


def test_name_of_63_characters_accepted(stack):
    name = "k" * 63
    kmip = build(stack, servers=[KmipServer(name, "kms.example.com")], primary=name)
    assert decoded(resource(synth(stack), kmip.servers[name]), "data")["name"] == name


# ----------------------------------------------------------------------------------- validation
def test_empty_server_list(stack):
    with raises_config_error(PATH, "servers", "is empty", "declare at least one KMIP server"):
        build(stack, servers=[], primary="kms-a")


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name(stack, name):
    with raises_config_error(PATH, "servers[1].name", "is empty", "give each KMIP server a name"):
        build(stack, servers=[SERVERS[0], KmipServer(name, "kms.example.com")])


def test_name_longer_than_63(stack):
    name = "k" * 64
    with raises_config_error(PATH, "servers[0].name", f"'{'k' * 20}...' is 64 characters long",
                             "use at most 63 characters"):
        build(stack, servers=[KmipServer(name, "kms.example.com")], primary=name)


def test_duplicate_name(stack):
    with raises_config_error(PATH, "servers", "the name 'kms-b' is used twice", "give each KMIP server a unique name"):
        build(stack, servers=[*SERVERS, KmipServer("kms-b", "other.example.com")])


def test_names_that_differ_only_in_punctuation(stack):
    with raises_config_error(PATH, "servers", "the names 'kms.b' and 'kms-b' would get the same resource name",
                             "make the names differ in letters or digits"):
        build(stack, servers=[*SERVERS, KmipServer("kms.b", "other.example.com")])


@pytest.mark.parametrize("host, problem", [
    ("", "it is empty"), ("kms a.example.com", "the character ' ' is not allowed"),
    ("kms.example.com\t", "the character '\t' is not allowed"), ("kms?x", "the character '?' is not allowed"),
    ("kms#y", "the character '#' is not allowed"), ("..", "it has an empty label ('..')"),
    ("kmś.example.com", "it has non-ASCII characters (write an internationalized name in its xn-- form)"),
    ("k" * 300, "it is 300 characters long; a DNS name has at most 253"),
])
def test_bad_host(stack, host, problem):
    with raises_config_error(PATH, "servers[0].host", f"'{host}' is not a host name or address: {problem}",
                             "give a DNS name or an IP address, e.g. 'kms1.example.com'"):
        build(stack, servers=[KmipServer("kms-a", host)])


@pytest.mark.parametrize("host", ["10.0.0.5", "fd00::5", "kms-a.example.com", "localhost"])
def test_good_hosts(stack, host):
    build(stack, servers=[KmipServer("kms-a", host)])


@pytest.mark.parametrize("port", [0, 65536, -1])
def test_port_out_of_range(stack, port):
    with raises_config_error(PATH, "servers[2].port", f"{port} is out of range", "use 1-65535 (KMIP: 5696)"):
        build(stack, servers=[*SERVERS[:2], KmipServer("kms-c", "kms.example.com", port)])


def test_port_bounds_accepted(stack):
    kmip = build(stack, servers=[KmipServer("a", "h", 1), KmipServer("b", "h", 65535)], primary="a")
    out = synth(stack)
    assert [decoded(resource(out, kmip.servers[n]), "data")["port"] for n in ("a", "b")] == [1, 65535]


@pytest.mark.parametrize("protocol", ["V1_0", "v2_0", "2.0", ""])
def test_protocol_not_in_enum(stack, protocol):
    with raises_config_error(PATH, "servers[0].protocol", f"'{protocol}' is not a KMIP protocol of VSP One Object",
                             "use one of V1_3, V1_4, V2_0, V2_1, V3_0"):
        build(stack, servers=[KmipServer("kms-a", "kms.example.com", protocol=protocol)])


@pytest.mark.parametrize("protocol", ["V1_3", "V1_4", "V2_0", "V2_1", "V3_0"])
def test_every_protocol_of_the_enum_accepted(stack, protocol):
    kmip = build(stack, servers=[KmipServer("kms-a", "kms.example.com", protocol=protocol)])
    assert decoded(resource(synth(stack), kmip.servers["kms-a"]), "data")["kmipProtocol"] == protocol


@pytest.mark.parametrize("cipher", ["tls_aes_256_gcm_sha384", "TLS_A,TLS_B", "TLS AES", ""])
def test_bad_cipher(stack, cipher):
    with raises_config_error(PATH, "servers[0].ciphers", f"'{cipher}' is not a cipher suite name",
                             "list names like TLS_AES_256_GCM_SHA384, one per item"):
        build(stack, servers=[KmipServer("kms-a", "kms.example.com", ciphers=("TLS_AES_128_GCM_SHA256", cipher))])


def test_primary_not_among_servers(stack):
    with raises_config_error(PATH, "primary", "'kms-z' is not one of the declared servers",
                             "name one of: kms-a, kms-b, kms-c"):
        build(stack, primary="kms-z")


def test_api_text_is_the_same_at_every_synth(app):
    """Two synths of the same declaration, servers listed in another order: byte-identical ``api`` (keys sorted,
    compact), so ``cdktf diff`` has nothing to show."""
    first, second = TerraformStack(app, "first"), TerraformStack(app, "second")
    texts = []
    for stack, servers in ((first, SERVERS), (second, SERVERS[::-1])):
        kmip = build(stack, servers=servers)
        out = synth(stack)
        texts.append({name: resource(out, server)["api"] for name, server in kmip.servers.items()})
    assert texts[0] == texts[1]
    for text in texts[0].values():
        assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))
