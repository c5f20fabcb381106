"""``set_keys``: lists compared as sets, whatever the server's encoding (ONTAP 9.14+ answers a key server's
secondaries as one comma-separated string)."""

from __future__ import annotations

import json

import pytest

from keyform.provider import jsondata, object_actions, object_resource
from keyform.provider.object_resource import ObjectResource

KEYS = ("secondary_key_servers",)
DESIRED = {"server": "kms1:5696", "secondary_key_servers": ["dr1", "dr2:5697"]}


@pytest.mark.parametrize("shown", [
    ["dr1", "dr2:5697"], ["dr2:5697", "dr1"], "dr1,dr2:5697", "dr2:5697, dr1", "dr1,dr2:5697,",
    ["dr1", "dr1", "dr2:5697"],
])
def test_the_same_items_in_any_encoding_or_order_compare_equal(shown):
    found = {"server": "kms1:5696", "secondary_key_servers": shown, "timeout": 25}
    aligned = jsondata.align_sets(DESIRED, found, KEYS)
    assert aligned["secondary_key_servers"] == ["dr1", "dr2:5697"]
    assert jsondata.matches(DESIRED, aligned)
    assert found["secondary_key_servers"] == shown  # the answer itself is not changed


@pytest.mark.parametrize("shown, read_as", [
    ("dr1", ["dr1"]), ("dr1,dr3", ["dr1", "dr3"]), ("", []), (["dr3", "dr1"], ["dr3", "dr1"]),
])
def test_other_items_are_drift_and_read_as_a_list(shown, read_as):
    aligned = jsondata.align_sets(DESIRED, {"secondary_key_servers": shown}, KEYS)
    assert aligned["secondary_key_servers"] == read_as
    assert not jsondata.matches(DESIRED, aligned)


def test_without_set_keys_order_and_encoding_count():
    assert not jsondata.matches(DESIRED, {"secondary_key_servers": "dr1,dr2:5697"})
    assert jsondata.align_sets(DESIRED, {"secondary_key_servers": "dr1,dr2:5697"}, ()) == {
        "secondary_key_servers": "dr1,dr2:5697"}


def test_nested_paths_and_keys_not_declared():
    desired = {"kmip": {"servers": ["a", "b"]}}
    keys = ["kmip/servers"]
    assert jsondata.align_sets(desired, {"kmip": {"servers": "b,a"}}, keys) == {"kmip": {"servers": ["a", "b"]}}
    assert jsondata.align_sets({}, {"kmip": {"servers": "b,a"}}, keys) == {"kmip": {"servers": ["b", "a"]}}
    assert jsondata.align_sets(desired, {"other": 1}, ["kmip/servers"]) == {"other": 1}


def test_a_reordered_declaration_plans_no_change():
    stored = jsondata.canonical(DESIRED)
    reordered = jsondata.canonical({**DESIRED, "secondary_key_servers": ["dr2:5697", "dr1"]})
    assert object_resource._same_json(reordered, stored, KEYS)
    assert not object_resource._same_json(reordered, stored)


class _OwnReads:
    """Every refresh read by the object's own GET (no collection reads: keyform.provider.collection_reads)."""

    def read(self, client, spec, object_id, secrets, fallback):
        return fallback(client, spec, object_id, secrets)


class _Provider:
    secrets: dict = {}
    reads = _OwnReads()

    def require_client(self, diags):
        return object()

    def redact(self, text):
        return text


def _state(set_keys):
    return {"path": "/security/key-managers/u/key-servers", "id": "kms1:5696", "data": jsondata.canonical(DESIRED),
            "api": jsondata.canonical({"set_keys": list(set_keys)}), "response": None}


@pytest.mark.parametrize("set_keys, drift", [(KEYS, False), ((), True)])
def test_a_refresh_reading_one_string_keeps_the_declared_list(monkeypatch, set_keys, drift):
    answer = {"server": "kms1:5696", "secondary_key_servers": "dr2:5697,dr1", "timeout": 25}
    monkeypatch.setattr(object_actions, "read", lambda *args, **kwargs: answer)
    state = ObjectResource(_Provider()).read(None, _state(set_keys))  # type: ignore[arg-type]
    assert (state["data"] != _state(set_keys)["data"]) is drift
    assert json.loads(state["response"])["secondary_key_servers"] == "dr2:5697,dr1"  # as the server showed it


def test_a_refresh_reading_other_secondaries_shows_them(monkeypatch):
    monkeypatch.setattr(object_actions, "read", lambda *args, **kwargs: {"server": "kms1:5696",
                                                                          "secondary_key_servers": "dr3"})
    state = ObjectResource(_Provider()).read(None, _state(KEYS))  # type: ignore[arg-type]
    assert json.loads(state["data"])["secondary_key_servers"] == ["dr3"]


def test_an_import_stores_a_list(monkeypatch):
    monkeypatch.setattr(object_actions, "read", lambda *args, **kwargs: {"server": "kms1:5696",
                                                                          "secondary_key_servers": "dr1,dr2:5697"})
    state = ObjectResource(_Provider()).read_imported(None, {**_state(KEYS), "data": None})  # type: ignore[arg-type]
    assert json.loads(state["data"])["secondary_key_servers"] == ["dr1", "dr2:5697"]
