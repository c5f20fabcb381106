"""keyform.provider.conditions: condition maps (``run_when``/``destroy_when``) and JSON predicates
(``effective_when``, ``run_if``, ``destroy_if``, ``preconditions``): every test, the combinators,
paths through objects and lists, values compared as Terraform map text, and every parse error."""

from __future__ import annotations

import json

import pytest

from keyform.provider.conditions import Predicate, PredicateError, condition_holds, parse, unmet

STATUS = {
    "data": {
        "mode": "primary",
        "cluster_id": "c-1",
        "port": 5696,
        "enabled": True,
        "cleared": None,
        "known_secondaries": ["vault-b", "vault-c"],
        "secondaries": [{"node_id": "vault-b", "state": "streaming"}, {"node_id": "vault-c", "state": "idle"}],
        "mounts": {"cubbyhole/": {}, "sys/": {}},
        "primaries": [],
    },
    "records": [{"x": "first", "n": 1}, {"x": "second", "n": 2}],
}


def holds(tree: dict, document=STATUS, supplied=lambda name: False) -> bool:
    return parse(json.dumps(tree), "effective_when").holds(document, supplied)


# ------------------------------------------------------------------------------------------ leaf tests
@pytest.mark.parametrize("tree, expected", [
    ({"path": "data/mode", "equals": "primary"}, True),
    ({"path": "data/mode", "equals": "secondary"}, False),
    ({"path": "/data/mode/", "equals": "primary"}, True),  # leading and trailing slashes ignored
    ({"path": "records/0/x", "equals": "first"}, True),  # through lists by index
    ({"path": "records/-1/x", "equals": "second"}, True),
    ({"path": "records[x=second]/n", "equals": 2}, True),  # through lists by a field's value
    ({"path": "data/mode", "in": ["primary", "secondary"]}, True),
    ({"path": "data/mode", "in": ["secondary", "standby"]}, False),
    ({"path": "data/mode", "not_in": ["secondary", "standby"]}, True),
    ({"path": "data/mode", "not_in": ["primary"]}, False),
    ({"path": "data/known_secondaries", "contains": "vault-b"}, True),
    ({"path": "data/known_secondaries", "contains": "vault-d"}, False),
    ({"path": "data/mode", "contains": "prim"}, False),  # not a list: no substring matching
    ({"path": "data/known_secondaries", "subset_of": ["vault-a", "vault-b", "vault-c"]}, True),
    ({"path": "data/known_secondaries", "subset_of": ["vault-b"]}, False),
    ({"path": "data/primaries", "subset_of": ["vault-a"]}, True),  # an empty list is a subset
    ({"path": "data/mode", "subset_of": ["primary"]}, False),  # not a list
    ({"path": "data/mounts", "keys_subset_of": ["cubbyhole/", "identity/", "sys/"]}, True),
    ({"path": "data/mounts", "keys_subset_of": ["sys/"]}, False),
    ({"path": "data/known_secondaries", "keys_subset_of": ["vault-b", "vault-c"]}, False),  # not an object
    ({"path": "data/secondaries", "some": {"path": "node_id", "equals": "vault-b"}}, True),
    ({"path": "data/secondaries", "some": {"path": "node_id", "equals": "vault-d"}}, False),
    ({"path": "data/secondaries", "some": {"all": [{"path": "node_id", "equals": "vault-c"},
                                                   {"path": "state", "equals": "streaming"}]}}, False),
    ({"path": "data/mode", "some": {"path": "x", "exists": False}}, False),  # not a list
    ({"path": "data/mode", "exists": True}, True),
    ({"path": "data/primaries/0", "exists": False}, True),
    ({"path": "data/cleared", "exists": True}, True),  # present with null still exists
    ({"path": "data/nothing", "exists": True}, False),
])
def test_leaf_tests(tree, expected):
    assert holds(tree) is expected


@pytest.mark.parametrize("tree, expected", [
    ({"path": "data/port", "equals": "5696"}, True),  # a number equals its text, as in a Terraform map
    ({"path": "data/port", "equals": 5696}, True),
    ({"path": "data/port", "in": ["5696", "5697"]}, True),
    ({"path": "data/enabled", "equals": "true"}, True),  # a boolean is true/false
    ({"path": "data/enabled", "equals": True}, True),
    ({"path": "data/enabled", "equals": "True"}, False),
    ({"path": "data/cleared", "equals": ""}, True),  # null is ""
    ({"path": "records/1/n", "contains": "2"}, False),
    ({"path": "records", "some": {"path": "n", "in": [2, 3]}}, True),
    ({"path": "data/mounts", "equals": '{"cubbyhole/":{},"sys/":{}}'}, True),  # objects as compact JSON
])
def test_values_compare_as_terraform_map_text(tree, expected):
    assert holds(tree) is expected


@pytest.mark.parametrize("tree, expected", [
    ({"path": "data/nothing", "equals": "primary"}, False),
    ({"path": "data/nothing", "equals": ""}, True),  # missing reads as "", as in condition maps
    ({"path": "data/nothing", "in": ["primary"]}, False),
    ({"path": "data/nothing", "contains": "vault-b"}, False),
    ({"path": "data/nothing", "some": {"path": "node_id", "equals": "vault-b"}}, False),
    ({"path": "data/nothing", "exists": False}, True),
    ({"path": "records/7/x", "exists": False}, True),  # index out of range
    ({"path": "data/mode/deeper", "exists": False}, True),  # through a scalar
])
def test_missing_paths(tree, expected):
    assert holds(tree) is expected


def test_an_absent_document_as_after_a_404():
    assert holds({"path": "data/mode", "equals": "primary"}, document=None) is False
    assert holds({"path": "data/mode", "exists": False}, document=None) is True


# ------------------------------------------------------------------------------------------ supplied
def test_supplied_asks_the_caller():
    asked = []

    def supplied(name: str) -> bool:
        asked.append(name)
        return name == "dr_operation_token"

    assert holds({"supplied": "dr_operation_token"}, supplied=supplied) is True
    assert holds({"supplied": "unseal_key"}, supplied=supplied) is False
    assert asked == ["dr_operation_token", "unseal_key"]
    assert parse('{"supplied": "token"}', "run_if").holds(STATUS) is False  # nothing supplied by default


# ------------------------------------------------------------------------------------------ combinators
PRIMARY = {"path": "data/mode", "equals": "primary"}
SECONDARY = {"path": "data/mode", "equals": "secondary"}


@pytest.mark.parametrize("tree, expected", [
    ({"all": [PRIMARY, {"path": "data/port", "equals": 5696}]}, True),
    ({"all": [PRIMARY, SECONDARY]}, False),
    ({"any": [SECONDARY, PRIMARY]}, True),
    ({"any": [SECONDARY, {"path": "data/nothing", "exists": True}]}, False),
    ({"not": SECONDARY}, True),
    ({"not": PRIMARY}, False),
    ({"not": {"not": PRIMARY}}, True),
    ({"all": [{"any": [SECONDARY, PRIMARY]}, {"not": {"supplied": "token"}}]}, True),
])
def test_combinators(tree, expected):
    assert holds(tree) is expected


# ------------------------------------------------------------------------------------------ parsing
def test_parse_takes_json_text_or_a_decoded_value_and_null():
    assert parse(None, "run_if") is None
    from_text = parse('{"path": "data/mode", "equals": "primary"}', "run_if")
    from_value = parse({"path": "data/mode", "equals": "primary"}, "run_if")
    assert from_text == from_value == Predicate({"path": "data/mode", "equals": "primary"})
    assert from_text.describe() == '{"equals":"primary","path":"data/mode"}'


@pytest.mark.parametrize("value, message", [
    ("{not json", "effective_when is not valid JSON (Expecting property name enclosed in double quotes); "
                  "write it with jsonencode({...})"),
    ('"primary"', "effective_when: a predicate is a JSON object such as"),
    ("[]", "effective_when: a predicate is a JSON object such as"),
    ("{}", "effective_when: a predicate is a JSON object such as"),
    ({"all": []}, "effective_when: 'all' takes a non-empty list of predicates and nothing else"),
    ({"any": PRIMARY}, "effective_when: 'any' takes a non-empty list of predicates and nothing else"),
    ({"all": [PRIMARY], "path": "x"}, "effective_when: 'all' takes a non-empty list of predicates and nothing else"),
    ({"all": [PRIMARY, {"path": "x"}]}, "effective_when.all[1]: a test is"),
    ({"any": [{"all": [PRIMARY, "x"]}]}, "effective_when.any[0].all[1]: a predicate is a JSON object"),
    ({"not": PRIMARY, "path": "x"}, "effective_when: 'not' takes one predicate and nothing else"),
    ({"not": {"path": "x", "equals": 1, "in": [1]}}, "effective_when.not: a test is"),
    ({"supplied": ""}, "effective_when: 'supplied' names one secret"),
    ({"supplied": ["a"]}, "effective_when: 'supplied' names one secret"),
    ({"supplied": "a", "path": "x"}, "effective_when: 'supplied' names one secret"),
    ({"path": "data/mode"}, "effective_when: a test is {\"path\": ..., <one of equals, in, not_in, contains, "
                            "subset_of, keys_subset_of, some, exists>: ...}; got keys path"),
    ({"equals": "primary"}, "got keys equals"),
    ({"path": 3, "equals": "primary"}, "effective_when: a test is"),
    ({"path": "a", "equals": "x", "in": ["x"]}, "got keys equals, in, path"),
    ({"path": "a", "equals": "x", "message": "m"}, "got keys equals, message, path"),
    ({"path": "a", "is": "x"}, "got keys is, path"),
    ({"path": "a", "in": "primary"}, "effective_when: 'in' takes a list"),
    ({"path": "a", "not_in": "primary"}, "effective_when: 'not_in' takes a list"),
    ({"path": "a", "subset_of": {"a": 1}}, "effective_when: 'subset_of' takes a list"),
    ({"path": "a", "keys_subset_of": "sys/"}, "effective_when: 'keys_subset_of' takes a list"),
    ({"path": "a", "exists": "yes"}, "effective_when: 'exists' takes true or false"),
    ({"path": "a", "some": {"path": "b"}}, "effective_when.some: a test is"),
    ({"path": "a", "some": "b"}, "effective_when.some: a predicate is a JSON object"),
])
def test_parse_errors_name_the_attribute_and_the_fault(value, message):
    with pytest.raises(PredicateError) as raised:
        parse(value, "effective_when")
    assert message in str(raised.value)


def test_parse_errors_name_the_attribute_given():
    with pytest.raises(PredicateError, match=r"^preconditions\[2\]\.require: 'exists' takes true or false$"):
        parse({"path": "a", "exists": 1}, "preconditions[2].require")


# ------------------------------------------------------------------------------------------ condition maps
@pytest.mark.parametrize("actual, expected, result", [
    ("primary", "primary", True),
    ("primary", "secondary", False),
    ("primary", "primary|standby", True),
    ("standby", "primary|standby", True),
    ("secondary", "primary|standby", False),
    ("primary", "!secondary", True),
    ("secondary", "!secondary", False),
    ("standby", "!primary|secondary", True),  # neither
    ("secondary", "!primary|secondary", False),
    ("", "", True),  # missing or null reads as ""
    ("", "!", False),  # "!" alone: anything but "" (present and not empty)
    ("x", "!", True),
])
def test_condition_holds(actual, expected, result):
    assert condition_holds(actual, expected) is result


def test_unmet_says_which_condition_does_not_hold():
    assert unmet(STATUS, {"data/mode": "primary|standby", "records/1/x": "second"}, "run_when") is None
    assert unmet(STATUS, {}, "run_when") is None
    assert unmet(STATUS, None, "run_when") is None
    assert unmet(STATUS, {"data/mode": "primary", "records/0/x": "!first"}, "destroy_when") == \
        "records/0/x is 'first', the destroy_when condition wants '!first'"
    assert unmet(STATUS, {"data/port": "5696", "data/enabled": "true", "data/cleared": ""}, "run_when") is None
    assert unmet(STATUS, {"data/nothing": "primary"}, "run_when") == \
        "data/nothing is '', the run_when condition wants 'primary'"
    assert unmet(None, {"mode": "!primary"}, "run_when") is None
