"""keyform.provider.write_only.WriteOnly: ``write_only_data`` parsed from a configuration, merged into
bodies, asked for keys (``supplied``), kept only as a digest (at plan and at apply), and masked in text."""

from __future__ import annotations

import pytest
from tf.types import Unknown

from keyform.provider import jsondata
from keyform.provider.provider import RestProvider
from keyform.provider.write_only import WriteOnly

PASSPHRASE = "correct-horse-9d1e"


def from_json(text: str) -> WriteOnly:
    return WriteOnly.from_config({"write_only_data": text})


# ------------------------------------------------------------------------------------------ from_config
@pytest.mark.parametrize("config", [None, {}, {"write_only_data": None}, {"body": "{}"}])
def test_null_or_absent_is_not_given(config):
    secret = WriteOnly.from_config(config)
    assert (secret.value, secret.unknown, secret.given) == (None, False, False)


def test_unknown_until_apply_is_given():
    secret = WriteOnly.from_config({"write_only_data": Unknown})
    assert (secret.value, secret.unknown, secret.given) == (None, True, True)


def test_json_object_is_parsed():
    secret = from_json('{"passphrase": "%s", "kmip": {"port": 5696}}' % PASSPHRASE)
    assert secret.value == {"passphrase": PASSPHRASE, "kmip": {"port": 5696}}
    assert secret.given and not secret.unknown


@pytest.mark.parametrize("text, message", [
    ('{"passphrase": "%s"' % PASSPHRASE, "write_only_data is not valid JSON"),
    ("{passphrase = %s}" % PASSPHRASE, "write_only_data is not valid JSON"),
    ('"%s"' % PASSPHRASE, "write_only_data must be a JSON object, got str"),
    ('["%s"]' % PASSPHRASE, "write_only_data must be a JSON object, got list"),
])
def test_invalid_json_names_the_attribute_never_the_value(text, message):
    with pytest.raises(jsondata.JsonAttributeError) as raised:
        from_json(text)
    assert message in str(raised.value)
    assert "jsonencode" in str(raised.value)
    assert PASSPHRASE not in str(raised.value)


# ------------------------------------------------------------------------------------------ merged_into
def test_merged_into_a_body_recursively():
    secret = WriteOnly({"passphrase": PASSPHRASE, "kmip": {"password": "p-2"}})
    body = {"name": "km1", "kmip": {"port": 5696}}
    assert secret.merged_into(body) == {"name": "km1", "kmip": {"port": 5696, "password": "p-2"},
                                        "passphrase": PASSPHRASE}
    assert body == {"name": "km1", "kmip": {"port": 5696}}  # the body itself is left as it was


def test_merged_into_no_body_is_the_value_alone():
    assert WriteOnly({"token": "t-1"}).merged_into(None) == {"token": "t-1"}


def test_nothing_to_merge_leaves_the_body():
    assert WriteOnly().merged_into({"a": 1}) == {"a": 1}
    assert WriteOnly().merged_into(None) is None
    assert WriteOnly({}).merged_into({"a": 1}) == {"a": 1}


def test_write_only_keys_win_over_the_body():
    assert WriteOnly({"role": "secret-role"}).merged_into({"role": "shown"}) == {"role": "secret-role"}


# ------------------------------------------------------------------------------------------ supplied
@pytest.mark.parametrize("key, expected", [
    ("token", True),
    ("dr/operation_token", True),  # nested, as a path
    ("dr/missing", False),
    ("missing", False),
    ("empty_text", False),
    ("empty_list", False),
    ("empty_object", False),
    ("null", False),
    ("keys", True),
    ("keys/0", True),
])
def test_supplied(key, expected):
    secret = WriteOnly({"token": "t-1", "dr": {"operation_token": "dr-1"}, "empty_text": "", "empty_list": [],
                        "empty_object": {}, "null": None, "keys": ["k1"]})
    assert secret.supplied(key) is expected


def test_nothing_is_supplied_without_a_value():
    assert WriteOnly().supplied("token") is False
    assert WriteOnly(unknown=True).supplied("token") is False


def test_key_names_at_any_depth():
    assert WriteOnly({"a": {"b": 1}, "c": [{"d": 2}]}).key_names() == {"a", "b", "c", "d"}
    assert WriteOnly().key_names() == set()


# ------------------------------------------------------------------------------------------ digests
VALUE = {"passphrase": PASSPHRASE}


def test_plan_digest_keeps_the_prior_one_for_the_same_value():
    prior = jsondata.secret_digest(VALUE)
    assert WriteOnly(dict(VALUE)).plan_digest(prior) == prior


@pytest.mark.parametrize("prior", [jsondata.secret_digest({"passphrase": "another"}), None, "", "not-a-digest"])
def test_plan_digest_is_unknown_for_a_changed_or_new_value(prior):
    assert WriteOnly(VALUE).plan_digest(prior) is Unknown


def test_plan_digest_unset_is_null_and_unknown_is_unknown():
    assert WriteOnly().plan_digest(jsondata.secret_digest(VALUE)) is None
    assert WriteOnly(unknown=True).plan_digest(jsondata.secret_digest(VALUE)) is Unknown


def test_applied_digest():
    planned = jsondata.secret_digest(VALUE)
    assert WriteOnly(VALUE).applied_digest(planned) == planned  # the planned one, as promised in the plan
    made = WriteOnly(VALUE).applied_digest(Unknown)
    assert made.startswith("pbkdf2-sha256$") and PASSPHRASE not in made
    assert jsondata.digest_matches(VALUE, made)
    assert not jsondata.digest_matches({"passphrase": "another"}, made)
    assert made != WriteOnly(VALUE).applied_digest(Unknown)  # salted
    assert WriteOnly().applied_digest(Unknown) is None
    assert WriteOnly().applied_digest(None) is None


# ------------------------------------------------------------------------------------------ redactor
def test_redactor_masks_every_scalar_and_the_provider_secrets():
    provider = RestProvider()
    provider.secrets = {"dr_operation_token": "dr-token-77"}
    secret = WriteOnly({"passphrase": PASSPHRASE, "kmip": {"password": "kmip-pw-1", "ports": [56961, 56962]},
                        "flag": True, "none": None})
    redact = secret.redactor(provider)
    text = (f"passphrase {PASSPHRASE} rejected; kmip-pw-1 too weak; ports 56961/56962; "
            "token dr-token-77; flag true")
    assert redact(text) == "passphrase *** rejected; *** too weak; ports ***/***; token ***; flag true"


def test_redactor_without_a_value_masks_only_the_provider_secrets():
    provider = RestProvider()
    provider.secrets = {"x": "prov-secret-1"}
    assert WriteOnly().redactor(provider)("a prov-secret-1 b") == "a *** b"
