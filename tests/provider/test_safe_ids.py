"""Ids and keys that look like path syntax (``..``, ``?x``, ``#y``) address exactly their own object: each is one
percent-encoded path segment, so reads, lookups and deletes never reach the collection or another object."""

from __future__ import annotations

import json

from tests.provider.conftest import config

NAMES = {"dots": "..", "query": "?x", "fragment": "#y"}
ENCODED = {"dots": "%2E%2E", "query": "%3Fx", "fragment": "%23y"}


def objects() -> str:
    return "".join(f"""
resource "rest_object" "{label}" {{
  path        = "/things"
  data        = jsonencode({{ name = {json.dumps(name)}, size = 1 }})
  api         = jsonencode({{
    id_template = "{{data.name}}"
    lookup_path = "{{path}}/{{data.name}}"
  }})
}}
""" for label, name in NAMES.items())


def test_ids_that_look_like_path_syntax_address_only_their_object(api, terraform):
    things = api.collection("things")
    things["other-uuid"] = {"uuid": "other-uuid", "name": "other", "size": 7}  # must never be touched
    tf = terraform()
    tf.write(config(api.base_url, objects()))
    tf.apply()
    assert {tf.resource(f"rest_object.{label}")["id"] for label in NAMES} == set(NAMES.values())
    reads = {r.raw_uri for r in api.calls("GET")}
    assert reads == {f"/api/things/{encoded}" for encoded in ENCODED.values()}, reads
    assert "No changes." in tf.plan().stdout
    refreshed = {r.raw_uri for r in api.calls("GET")}
    # the refresh read the three objects, each by its own encoded path (no collection_query here), nothing else
    assert refreshed == reads, refreshed

    api.clear()
    tf.destroy()
    deletes = sorted(r.raw_uri for r in api.calls("DELETE"))
    assert deletes == sorted(f"/api/things/{encoded}" for encoded in ENCODED.values())
    assert list(things) == ["other-uuid"] and things["other-uuid"]["size"] == 7
    assert not [r for r in api.requests if r.raw_uri in ("/api/things", "/api/things/")]
