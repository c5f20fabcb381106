"""The readers' rules on single records, and where each appliance's access comes from."""

from __future__ import annotations

import pytest

from keyform.importer import ImportFailed, UsageError
from keyform.importer.connect import client_config, from_env
from keyform.importer.model import KeyServerEntry, alias, env_name
from keyform.importer.read_ontap import key_server_entry

WHERE = "ontap=ONTAP (https://c.example.com/api): the key manager of SVM svm1"


@pytest.mark.parametrize("secondaries", [
    ["kms1-dr.example.com:5696", "kms1-dr2.example.com:5697"],
    "kms1-dr.example.com:5696,kms1-dr2.example.com:5697",  # newer ONTAP: one comma-separated string
    "kms1-dr.example.com:5696, kms1-dr2.example.com:5697,",
])
def test_secondaries_as_a_list_or_one_comma_separated_string(secondaries):
    entry = key_server_entry(WHERE, {"server": "kms1.example.com:5696", "timeout": "25", "username": "kmip",
                                     "secondary_key_servers": secondaries})
    assert entry == KeyServerEntry("kms1.example.com:5696", ("kms1-dr.example.com:5696", "kms1-dr2.example.com:5697"),
                                   25, "kmip")


def test_no_secondaries_no_username_no_timeout():
    entry = key_server_entry(WHERE, {"server": "[FD00::1]:5697"})
    assert entry == KeyServerEntry("[fd00::1]:5697")
    assert key_server_entry(WHERE, {"server": "kms", "secondary_key_servers": "", "username": ""}) == \
        KeyServerEntry("kms:5696")


@pytest.mark.parametrize("timeout, note", [
    (-2, "its timeout -2 is outside 1-60 s (or -1, 0)"), (61, "its timeout 61 is outside 1-60 s (or -1, 0)"),
    ("forever", "its timeout 'forever' is not a number"),
])
def test_a_timeout_keyform_cannot_declare_is_left_out(timeout, note):
    entry = key_server_entry(WHERE, {"server": "kms1.example.com:5696", "timeout": timeout})
    assert entry.timeout is None and entry.left_out[0].startswith(note)


@pytest.mark.parametrize("timeout", [-1, 0, "-1", 1, 60])
def test_timeouts_ontap_914_holds_are_declared(timeout):
    """-1 (wait indefinitely) and 0 (do not wait): a cluster holding them takes them, so they are declared."""
    entry = key_server_entry(WHERE, {"server": "kms1.example.com:5696", "timeout": timeout})
    assert entry.timeout == int(timeout) and entry.left_out == ()


def test_secondaries_are_declared_as_ontap_holds_them():
    entry = key_server_entry(WHERE, {"server": "kms1.example.com:5696",
                                     "secondary_key_servers": ["KMS1-DR.example.com", "kms1-dr2.example.com:5696"]})
    assert entry.secondaries == ("KMS1-DR.example.com", "kms1-dr2.example.com:5696")


def test_a_secondary_keyform_cannot_declare_names_its_primary():
    with pytest.raises(ImportFailed, match=r"secondary of kms1.example.com:5696 'kms 1-dr' cannot be declared"):
        key_server_entry(WHERE, {"server": "kms1.example.com:5696", "secondary_key_servers": ["kms 1-dr"]})


def test_a_server_keyform_cannot_declare_names_the_key_manager():
    with pytest.raises(ImportFailed, match=r"^ontap=ONTAP \(https://c.example.com/api\): the key manager of SVM svm1: "
                                           r"key server 'kms 1:5696' cannot be declared: .* ' ' is not allowed$"):
        key_server_entry(WHERE, {"server": "kms 1:5696"})


def test_names_map_back_to_the_environment():
    assert (alias("VAULT_A"), env_name("vault-a"), env_name("VAULT_A")) == ("vault-a", "VAULT_A", "VAULT_A")
    assert env_name(alias("Ontap_East-2")) == "ONTAP_EAST_2"


def test_access_from_the_environment():
    env = {"KEYFORM_VSP_BASE_URL": "https://vsp.example.com/mapi", "KEYFORM_VSP_PASSWORD": "pw-123",
           "KEYFORM_VSP_INSECURE": "true"}
    access = from_env("vsp", "VSP", env)
    assert (access.username, access.password, access.insecure, access.ca_cert_file) == ("admin", "pw-123", True, None)
    assert "pw-123" not in repr(access) and "pw-123" not in str(access)
    config = client_config(access)
    assert config.oauth2.token_url == "https://vsp.example.com/auth/realms/object/protocol/openid-connect/token"
    assert (config.oauth2.client_id, config.csrf.path, config.insecure) == ("vsp-object", "/v1/csrf", True)
    vault = from_env("vault", "VAULT_A", {"KEYFORM_VAULT_A_BASE_URL": "https://v:8200/v1",
                                          "KEYFORM_VAULT_A_TOKEN": "t"})
    assert (client_config(vault).token_header, client_config(vault).token) == ("X-Vault-Token", "t")


@pytest.mark.parametrize("kind, env, message", [
    ("ontap", {}, "ontap=ONTAP: KEYFORM_ONTAP_BASE_URL is not set: set it to the cluster's API base"),
    ("ontap", {"KEYFORM_ONTAP_BASE_URL": "https://c/api"}, "ontap=ONTAP: KEYFORM_ONTAP_PASSWORD is not set"),
    ("vault", {"KEYFORM_ONTAP_BASE_URL": "https://v/v1"}, "vault=ONTAP: KEYFORM_ONTAP_TOKEN is not set"),
    ("ontap", {"KEYFORM_ONTAP_BASE_URL": "cluster1/api"}, "KEYFORM_ONTAP_BASE_URL is not an http:// or https:// URL"),
    ("ontap", {"KEYFORM_ONTAP_BASE_URL": "https://admin:pw-456@c/api", "KEYFORM_ONTAP_PASSWORD": "x"},
     "KEYFORM_ONTAP_BASE_URL must be a plain URL (no user:password@, no ?query)"),
    ("ontap", {"KEYFORM_ONTAP_BASE_URL": "https://c/api", "KEYFORM_ONTAP_PASSWORD": "x",
               "KEYFORM_ONTAP_CA_CERT_FILE": "/nonexistent/ca.pem"}, "KEYFORM_ONTAP_CA_CERT_FILE names no file"),
])
def test_access_refusals_name_the_variable(kind, env, message):
    if kind == "vault":
        env = {"KEYFORM_ONTAP_BASE_URL": env["KEYFORM_ONTAP_BASE_URL"]}
    with pytest.raises(UsageError) as refused:
        from_env(kind, "ONTAP", env)
    assert message in str(refused.value) and "pw-456" not in str(refused.value)


def test_a_vault_token_with_its_newline_is_refused_naming_the_variable():
    env = {"KEYFORM_VAULT_A_BASE_URL": "https://v:8200/v1", "KEYFORM_VAULT_A_TOKEN": "hvs.tok-789\n"}
    with pytest.raises(UsageError) as refused:
        from_env("vault", "VAULT_A", env)
    said = str(refused.value)
    assert "vault=VAULT_A: KEYFORM_VAULT_A_TOKEN holds a line break or control character" in said
    assert "hvs.tok-789" not in said
