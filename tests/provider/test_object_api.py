"""``rest_object``'s ``api`` attribute: each malformed value is refused at plan, naming the key and the fix, with
the diagnostic on ``api``; nothing is sent. An unknown value waits for apply on a create, and is refused on a
change (it decides whether the change replaces the object)."""

from __future__ import annotations

import json

import pytest
from tf.types import Unknown
from tf.utils import Diagnostics

from keyform.provider import object_api
from keyform.provider.object_resource import ObjectResource
from keyform.provider.object_spec import ObjectSpec
from tests.provider.conftest import config


def said(run) -> str:
    """What terraform printed, on one line (it wraps long diagnostics)."""
    return " ".join(run.output.split())


def errors(api: object) -> list[str]:
    diags = Diagnostics()
    text = api if isinstance(api, str) else json.dumps(api)
    ObjectResource(None).validate_config(diags, {"path": "/a", "data": "{}", "api": text})  # type: ignore[arg-type]
    return [f"{d.summary}: {d.detail} @{'.'.join(str(p) for p in d.path or [])}" for d in diags.diagnostics]


@pytest.mark.parametrize("api, message", [
    ("[]", "Invalid api: api must be a JSON object, got a list"),
    ("{nope", "Invalid api: api is not valid JSON (Expecting property name enclosed in double quotes at line 1"),
    ({"read_methd": "POST"}, "Unknown key 'read_methd' in api: Did you mean 'read_method'? Known keys: id_attribute,"),
    ({"colour": "red"}, "Unknown key 'colour' in api: Known keys: id_attribute, id_template, create_method,"),
    ({"read_body": '{"name":"{data.name}"}'},
     "Invalid api.read_body: api.read_body must be a JSON object, got a string (write the object itself, not JSON"),
    ({"force_new_keys": "name"}, "Invalid api.force_new_keys: api.force_new_keys must be a list of strings, got a "
                                 "string."),
    ({"set_keys": ["a", 1]}, "Invalid api.set_keys: api.set_keys must be a list of strings, got a number in it."),
    ({"write_only_on_create": "true"}, "Invalid api.write_only_on_create: api.write_only_on_create must be true or "
                                       "false, got a string."),
    ({"id_attribute": 3}, "Invalid api.id_attribute: api.id_attribute must be a string, got a number."),
    ({"update_method": "MERGE"}, "Invalid api.update_method: 'MERGE' is not one of GET, POST, PUT, PATCH, DELETE."),
    ({"update_sends": "some"}, "Invalid api.update_sends: 'some' must be 'changed' or 'all'."),
    ({"polling": {"timeout": "5"}}, "api.polling has unknown key(s): timeout: Known keys: href_path,"),
    ({"polling": {"timeout_seconds": "soon"}}, "api.polling.timeout_seconds must be a number of seconds: Got 'soon'."),
    ({"polling": {"timeout_seconds": [1]}}, "Invalid api.polling.timeout_seconds: It must be a string, number or "
                                            "boolean, got a list."),
    ({"lookup_selector": "records/0"}, "api.lookup_selector needs api.lookup_path: Name the call that finds the "
                                       "object"),
])
def test_each_malformed_api_is_one_error_on_api(api, message):
    [error] = errors(api)
    assert error.startswith(message), error
    assert error.endswith("@api"), error


def test_every_problem_is_reported_at_once():
    found = errors({"read_method": "FOO", "lookup_selector": "x", "typo": 1})
    assert [e.split(":")[0] for e in found] == ["Unknown key 'typo' in api", "Invalid api.read_method",
                                                "api.lookup_selector needs api.lookup_path"]


def test_well_formed_null_and_unknown_values_pass():
    settings = {key: None for key in object_api.KEYS}  # null: the default
    good = {"read_method": "post", "read_body": {"name": "{data.name}"}, "force_new_keys": ["name"],
            "polling": {"timeout_seconds": 600, "enabled": True}, "write_only_on_create": False,
            "lookup_path": "{path}/{data.name}", "lookup_selector": "records/0"}
    for value in (settings, good):
        assert errors(value) == []
    diags = Diagnostics()
    ObjectResource(None).validate_config(diags, {"path": "/a", "data": "{}", "api": None})  # type: ignore[arg-type]
    ObjectResource(None).validate_config(diags, {"path": "/a", "data": "{}", "api": Unknown})  # type: ignore[arg-type]
    assert not diags.has_errors()


def test_the_spec_takes_its_settings_and_defaults_from_api():
    spec = ObjectSpec.from_state({"path": "/v1/kmip", "data": '{"name":"a"}', "api": json.dumps({
        "read_method": "post", "read_path": "/v1/get", "read_body": {"name": "{data.name}"}, "update_sends": "all",
        "polling": {"timeout_seconds": 600, "enabled": True}, "set_keys": ["hosts"]})})
    assert (spec.read.method, spec.read.path, spec.read.body) == ("POST", "/v1/get", {"name": "{data.name}"})
    assert (spec.create.method, spec.create.path, spec.destroy.method, spec.destroy.path) == \
        ("POST", "{path}", "DELETE", "{path}/{id}")
    assert spec.update_sends_all and spec.set_keys == ("hosts",) and spec.lookup is None
    assert spec.polling is not None and spec.polling.timeout_seconds == 600.0
    assert ObjectSpec.from_state({"path": "/a", "data": "{}", "api": '{"polling": {"enabled": false}}'}).polling is None


MALFORMED = """
resource "rest_object" "typo" {
  path = "/things"
  data = jsonencode({ name = "a" })
  api  = jsonencode({ id_atribute = "uuid" })
}
resource "rest_object" "body_as_text" {
  path = "/things"
  data = jsonencode({ name = "b" })
  api  = jsonencode({ read_body = jsonencode({ name = "{data.name}" }) })
}
resource "rest_object" "not_an_object" {
  path = "/things"
  data = jsonencode({ name = "c" })
  api  = "uuid"
}
resource "rest_object" "selector_alone" {
  path = "/things"
  data = jsonencode({ name = "d" })
  api  = jsonencode({ lookup_selector = "records/0" })
}
"""


def test_terraform_refuses_a_malformed_api_before_any_call(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, MALFORMED))
    for run in (tf.validate(check=False), tf.plan(check=False)):
        assert run.returncode == 1
        text = said(run)
        assert "Error: Unknown key 'id_atribute' in api" in text and "Did you mean 'id_attribute'?" in text
        assert "Error: Invalid api.read_body" in text and "write the object itself, not JSON text" in text
        assert "Error: Invalid api" in text and "api is not valid JSON" in text
        assert "Error: api.lookup_selector needs api.lookup_path" in text
        for name in ("typo", "body_as_text", "not_an_object", "selector_alone"):
            assert f"with rest_object.{name}, on main.tf" in text and "api = " in text
        assert "Internal error" not in text
    assert api.requests == []


def _with_api(api_expression: str) -> str:
    return f"""
resource "rest_object" "x" {{
  path = "/things"
  data = jsonencode({{ name = "alpha", size = 3 }})
  api  = {api_expression}
}}
"""


LITERAL_API = 'jsonencode({ force_new_keys = ["name"] })'
API_KNOWN_AT_APPLY = 'timestamp() != "" ? jsonencode({ force_new_keys = ["name"] }) : null'  # unknown at plan


def test_an_api_known_only_at_apply_creates_but_a_change_under_it_is_refused_at_plan(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, _with_api(API_KNOWN_AT_APPLY)))
    assert "1 added" in tf.apply().stdout  # a create reads api at apply only
    assert json.loads(tf.resource("rest_object.x")["api"]) == {"force_new_keys": ["name"]}
    api.clear()
    run = tf.plan(check=False)  # api is unknown again at this plan: whether it replaces cannot be known
    assert run.returncode == 1
    text = said(run)
    assert "Error: api must be known to plan a change" in text and "build api from literal values" in text
    assert "with rest_object.x" in text and "api = " in text
    assert [call.method for call in api.calls()] == ["GET"]  # the refresh only: nothing written
    tf.write(config(api.base_url, _with_api(LITERAL_API)))
    assert "No changes." in tf.plan().stdout
