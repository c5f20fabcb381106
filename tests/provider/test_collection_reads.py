"""A plan's refresh of several objects of one collection reads the collection once (the provider's
``collection_query``, ``fields=*`` for ONTAP), and still shows drift and objects gone, object by object
(keyform.provider.collection_reads)."""

from __future__ import annotations

import json
import time

import pytest

from keyform.client import ClientConfig, RestClient, waiting
from keyform.provider.collection_reads import CollectionReads, _Collection, collection_url, record_id_of
from keyform.provider.object_spec import ObjectSpec
from tests.provider.conftest import config

NO_CHANGES = "No changes. Your infrastructure matches the configuration."
NAMES = ("alpha", "beta", "gamma", "delta")


def things(read_path: str = "") -> str:
    extra = f'\n  api  = jsonencode({{ read_path = "{read_path}" }})' if read_path else ""
    return "".join(f"""
resource "rest_object" "{name}" {{
  path = "/things"
  data = jsonencode({{ name = "{name}", color = "red" }}){extra}
}}
""" for name in NAMES)


def _object_reads(api) -> list:
    return [r for r in api.calls("GET", prefix="/api/things/")]


def test_one_collection_read_refreshes_four_objects_and_drift_still_shows(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, things(), collection_query="fields=*"))
    tf.apply()
    api.clear()

    assert NO_CHANGES in tf.plan().stdout
    [collection] = api.calls("GET", "/api/things")
    assert collection.query == {"fields": "*"}
    assert collection.header("Accept-Encoding") == "identity"  # sent the quick way (keyform.client.plain_get)
    assert _object_reads(api) == []

    stored = api.collection("things")
    by_name = {obj["name"]: uid for uid, obj in stored.items()}
    stored[by_name["beta"]]["color"] = "blue"  # changed on the appliance
    del stored[by_name["gamma"]]  # removed on the appliance
    api.clear()
    plan = tf.plan(check=False).stdout
    assert "1 to add, 1 to change, 0 to destroy" in plan
    assert '- color = "blue"' in plan or '"blue" -> "red"' in plan
    # gamma is not in the collection: its own GET (404) decides that it is gone
    assert [r.path for r in _object_reads(api)] == [f"/api/things/{by_name['gamma']}"]


def test_a_collection_read_refused_is_sent_the_usual_way_then_each_object_is_read_on_its_own(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, things(), collection_query="fields=*", retry_max=1))
    tf.apply()
    api.fail_with[("GET", "/api/things")] = (503, {"error": {"message": "busy"}})
    api.clear()
    assert NO_CHANGES in tf.plan().stdout
    sent = [r.header("Accept-Encoding") for r in api.calls("GET", "/api/things")]
    assert sent[0] == "identity" and len(sent) == 3 and "identity" not in sent[1:]  # quick, then usual and its retry
    assert len(_object_reads(api)) == 4


def test_a_read_that_is_not_the_plain_get_is_sent_object_by_object(api, terraform):
    tf = terraform()
    tf.write(config(api.base_url, things(read_path="{path}/{id}?x=1"), collection_query="fields=*"))
    tf.apply()
    api.clear()
    assert NO_CHANGES in tf.plan().stdout
    assert api.calls("GET", "/api/things") == []
    assert len(_object_reads(api)) == 4


def test_without_a_collection_query_every_object_is_read_on_its_own(api, terraform):
    # A generic REST API's collection records need not carry what an object's GET does: only a provider
    # configured with the appliance's collection query (ontap_provider sets fields=*) reads collections.
    tf = terraform()
    tf.write(config(api.base_url, things()))
    tf.apply()
    api.clear()
    assert NO_CHANGES in tf.plan().stdout
    assert api.calls("GET", "/api/things") == []
    assert len(_object_reads(api)) == 4


def test_which_reads_a_collection_answers():
    api = {"id_template": "{data.server}"}
    state = {"path": "/things", "data": '{"server":"kms1:5696"}', "api": json.dumps(api)}
    spec = ObjectSpec.from_state(state)
    assert collection_url(spec, "fields=*") == "/things?fields=*"
    assert record_id_of(spec, {"server": "kms2:5696", "_links": {}}) == "kms2:5696"
    assert record_id_of(spec, {"other": 1}) is None  # not one of ours: the object's own GET decides
    for changed in ({"read_method": "POST"}, {"read_body": {}}, {"read_selector": "records/0"},
                    {"read_path": "/x/{id}"}):
        changed_spec = ObjectSpec.from_state({**state, "api": json.dumps({**api, **changed})})
        assert collection_url(changed_spec, "fields=*") is None
    assert collection_url(ObjectSpec.from_state({**state, "path": "/things?svm=a"}), "fields=*") is None
    assert record_id_of(ObjectSpec.from_state({"path": "/t", "data": "{}"}), {"uuid": "u1"}) == "u1"


def test_a_read_tried_where_it_must_not_wait_never_waits_for_another_threads_collection_read():
    # The loop's thread tries a refresh's read first (keyform.client.waiting): while a pool thread holds the
    # collection (reading it), the try gives up at once instead of holding every other call up.
    spec = ObjectSpec.from_state({"path": "/things", "data": '{"name":"a"}', "api": None})
    reads = CollectionReads()
    reads.query = "fields=*"
    client = RestClient(ClientConfig("http://127.0.0.1:9/api", retry_max=0))  # never reached
    url = collection_url(spec, "fields=*")
    collection = reads._collections.setdefault(url, _Collection())
    with collection.lock:  # another thread is reading it
        with waiting.without_waiting(), pytest.raises(waiting.WouldWait):
            reads.read(client, spec, "a", None, lambda *_: pytest.fail("the object's own read was tried"))
    assert reads.collection_gets == 0
    # fetched meanwhile: the try is answered from it, without waiting
    collection.records, collection.fetched_at = {"a": {"name": "a", "uuid": "1"}}, time.monotonic()
    with waiting.without_waiting():
        assert reads.read(client, spec, "a", None, lambda *_: pytest.fail("read again")) == {"name": "a", "uuid": "1"}
