"""Paths into responses and request templates, as users write them in rest_object attributes."""

import json

import pytest

from keyform.client import jsonpath
from keyform.client.errors import ApiError, api_message, redact, safe_url
from keyform.client.templates import TemplateError, render_path, render_value

ONTAP_CREATED = {"num_records": 1, "records": [{"server": "kms1:5696", "uuid": "u-1"}]}
KEY_MANAGERS = {"records": [{"uuid": "a", "svm": {"name": "svm1"}}, {"uuid": "b", "svm": {"name": "svm2"}}]}


def test_lookup_nested_and_indexed():
    assert jsonpath.lookup(ONTAP_CREATED, "records/0/uuid") == "u-1"
    assert jsonpath.lookup({"wrap_info": {"token": "t"}}, "wrap_info/token") == "t"
    assert jsonpath.lookup(ONTAP_CREATED, "records/-1/server") == "kms1:5696"


def test_lookup_selects_a_list_item_by_field_value():
    assert jsonpath.lookup(KEY_MANAGERS, "records[svm/name=svm2]/uuid") == "b"


def test_missing_path_names_where_it_stopped():
    with pytest.raises(jsonpath.PathError, match="'records/3/uuid'.*stopped at '3'"):
        jsonpath.lookup(ONTAP_CREATED, "records/3/uuid")
    assert jsonpath.lookup(ONTAP_CREATED, "nope", None) is None


def test_remove_keys_at_any_depth():
    doc = {"a": {"password": "x", "b": [{"password": "y", "c": 1}]}}
    assert jsonpath.remove_keys(doc, {"password"}) == {"a": {"b": [{"c": 1}]}}


def test_path_template_percent_encodes_values_but_keeps_the_collection_path():
    scope = {"path": "/security/key-managers/u1/key-servers", "id": "kms 1:5696"}
    assert (render_path("{path}/{id}?return_timeout=0", scope)
            == "/security/key-managers/u1/key-servers/kms%201:5696?return_timeout=0")


def test_body_template_keeps_json_types_of_whole_placeholders():
    scope = {"id": "u-9", "data": {"name": "kms-a", "port": 5696}}
    body = render_value({"uuid": "{id}", "port": "{data.port}", "label": "{data.name} on {data.port}"}, scope)
    assert body == {"uuid": "u-9", "port": 5696, "label": "kms-a on 5696"}


def test_unknown_placeholder_names_the_template_and_what_is_available():
    with pytest.raises(TemplateError, match=r"uses '\{data.nope\}', but data has no 'nope'"):
        render_value({"x": "{data.nope}"}, {"data": {"name": "a"}})
    with pytest.raises(TemplateError, match=r"only \{id\}"):
        render_path("/x/{uuid}", {"id": "1"})


def test_error_text_of_each_appliance():
    assert api_message({"error": {"code": "65536038",
                                  "message": "A maximum of 4 active key servers are allowed."}}) == \
        "error 65536038: A maximum of 4 active key servers are allowed."
    assert api_message({"errors": ["permission denied"]}) == "permission denied"
    assert api_message({"statusCode": 400, "message": "Cannot promote offline KMIP server."}) == \
        "Cannot promote offline KMIP server."
    assert api_message({"error": "invalid_grant", "error_description": "Invalid user credentials"}) == \
        "invalid_grant: Invalid user credentials"


def test_urls_in_messages_carry_no_credentials_or_query():
    assert safe_url("https://admin:pw@cluster1:443/api/x?token=abc") == "https://cluster1:443/api/x"
    error = ApiError("POST", "https://u:p@h/api/x?q=1", 400, "bad")
    assert str(error) == "POST https://h/api/x answered 400: bad"


def test_redact_replaces_every_secret():
    assert redact("pw=hunter22 and token s.abcdef", ["hunter22", "s.abcdef", None]) == "pw=*** and token ***"


def test_redact_replaces_a_secret_quoted_escaped_too():
    secret = 'tok-5e3\n"x\\y\u00e9'
    for quoted in (repr(secret), json.dumps(secret), json.dumps(secret, ensure_ascii=False)):
        said = redact(f"Invalid header value {quoted} in the request", [secret])
        assert said.startswith("Invalid header value ") and "tok-5e3" not in said, said
    assert redact("plain tok-5e3 text", ["tok-5e3"]) == "plain *** text"
