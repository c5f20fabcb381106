"""keyform.provider.private_state: attributes moved between a state dict and Terraform's private state, and the
upgrade's stash. (End to end with Terraform: test_private_digest.py.)"""

from __future__ import annotations

import json

from tf.types import Unknown

from keyform.provider import private_state
from keyform.provider.private_state import UpgradeStash

NAMES = ("write_only_data_hash",)
DIGEST = "pbkdf2-sha256$1000$aa$11"


def test_a_stored_state_keeps_the_value_in_private_state_and_gets_it_back():
    attributes, private = private_state.split({"id": "1", "write_only_data_hash": DIGEST}, NAMES)
    assert attributes == {"id": "1"}
    assert json.loads(private) == {"write_only_data_hash": DIGEST}
    assert private_state.merged(attributes, private, NAMES) == {"id": "1", "write_only_data_hash": DIGEST}


def test_a_null_value_writes_no_private_state_and_absent_reads_as_null():
    assert private_state.split({"id": "1", "write_only_data_hash": None}, NAMES) == ({"id": "1"}, b"")
    assert private_state.merged({"id": "1"}, b"", NAMES) == {"id": "1", "write_only_data_hash": None}
    assert private_state.merged({"id": "1"}, b"not json", NAMES) == {"id": "1", "write_only_data_hash": None}


def test_a_resource_without_private_attributes_is_left_as_it_is():
    state = {"id": "1", "write_only_data_hash": DIGEST}
    assert private_state.split(state, ()) == (state, b"")
    assert private_state.merged(state, b'{"imported":true}', ()) is state
    assert private_state.planned_split(b"prior", state, ()) == (state, b"prior")


def test_a_plan_carries_the_prior_value_and_the_planned_one_to_the_apply():
    """The apply is given the planned private state only: the prior value travels in it."""
    prior = {"id": "1", "write_only_data_hash": DIGEST}
    _, prior_private = private_state.split(prior, NAMES)
    for planned_value in (DIGEST, None, Unknown):
        planned, planned_private = private_state.planned_split(
            prior_private, {"id": "1", "write_only_data_hash": planned_value}, NAMES)
        assert planned == {"id": "1"}
        assert private_state.planned_merged({"id": "1"}, {"id": "1"}, planned_private, NAMES) == (
            prior, {"id": "1", "write_only_data_hash": planned_value})  # null stays null, unknown stays unknown


def test_a_create_has_no_prior_and_a_destroy_no_planned_state():
    _, planned_private = private_state.planned_split(b"", {"id": Unknown, "write_only_data_hash": Unknown}, NAMES)
    assert private_state.planned_merged(None, {"id": Unknown}, planned_private, NAMES) == (
        None, {"id": Unknown, "write_only_data_hash": Unknown})
    assert private_state.planned_merged({"id": "1"}, None, b"", NAMES) == (
        {"id": "1", "write_only_data_hash": None}, None)


def test_the_stash_answers_for_an_object_every_time_asked_and_only_when_private_state_is_empty():
    stash = UpgradeStash()
    assert not stash  # nothing kept: the servicer makes no key
    key = UpgradeStash.key("rest_object", {"path": "/users", "id": "u1", "data": "{}"}, ("path", "id"))
    stash.keep(key, {"write_only_data_hash": DIGEST})
    assert stash
    same = UpgradeStash.key("rest_object", {"path": "/users", "id": "u1", "data": '{"x":1}'}, ("path", "id"))
    assert same == key  # told apart by path and id only: a refresh changes data
    expected = json.dumps({"write_only_data_hash": DIGEST}, separators=(",", ":")).encode()
    assert stash.private(key, b"") == stash.private(key, b"") == expected  # a call run again finds it again
    assert stash.private(key, b'{"write_only_data_hash":"other"}') == b'{"write_only_data_hash":"other"}'
    other = UpgradeStash.key("rest_object", {"path": "/users", "id": "u2"}, ("path", "id"))
    assert stash.private(other, b"") == b""


def test_two_objects_that_look_alike_with_different_values_keep_neither():
    stash = UpgradeStash()
    key = UpgradeStash.key("rest_object", {"path": "/users", "id": "u1"}, ("path", "id"))
    stash.keep(key, {"write_only_data_hash": DIGEST})
    stash.keep(key, {"write_only_data_hash": DIGEST})  # the same value twice (an upgrade made again) is kept
    assert stash.get(key) == {"write_only_data_hash": DIGEST}
    stash.keep(key, {"write_only_data_hash": "pbkdf2-sha256$1000$bb$22"})
    assert stash.get(key) is None and stash.private(key, b"") == b""
    stash.keep(key, {"write_only_data_hash": DIGEST})
    assert stash.get(key) is None  # once in conflict, for the process's life
