"""Malformed JSON attributes and states are refused with a message naming the attribute, never a crash:
a number too long to convert (a plain ValueError from ``json.loads``, not a JSONDecodeError), a null
``require`` in ``preconditions``, and conditions named without ``condition_path`` in a state that was never
validated (an import id)."""

from __future__ import annotations

import json
from typing import Any, NoReturn

import pytest
from tf.utils import Diagnostics

from keyform.provider import conditions, imports, jsondata, operation_actions
from keyform.provider.call_spec import SpecError
from keyform.provider.operation_resource import OperationResource
from keyform.provider.operation_spec import OperationSpec, parse_preconditions

HUGE = "7" * 5000  # past sys.get_int_max_str_digits(): json.loads raises a plain ValueError


def test_a_number_too_long_is_invalid_json_not_a_crash():
    with pytest.raises(jsondata.JsonAttributeError, match=r"^data is not valid JSON \(Exceeds the limit"):
        jsondata.parse_object('{"n": %s}' % HUGE, "data")


def test_a_syntax_error_keeps_its_position():
    with pytest.raises(jsondata.JsonAttributeError, match=r"\(Expecting value at line 1 column 7\)"):
        jsondata.parse_object('{"n": }', "data")


def test_a_predicate_with_a_number_too_long():
    with pytest.raises(conditions.PredicateError, match=r"^run_if is not valid JSON \(Exceeds the limit"):
        conditions.parse('{"path": "a", "equals": %s}' % HUGE, "run_if")


def test_preconditions_with_a_number_too_long():
    with pytest.raises(SpecError, match=r"not valid JSON \(Exceeds the limit"):
        parse_preconditions('[{"path": "/a", "require": {"path": "n", "equals": %s}, "message": "m"}]' % HUGE)


def test_an_import_id_with_a_number_too_long():
    diags = Diagnostics()
    assert imports.parse(diags, OperationResource.get_schema(), '{"path": "/a", "id": %s}' % HUGE) is None
    assert diags.has_errors() and "not valid JSON: Exceeds the limit" in str(diags)


def test_a_precondition_requiring_null_is_refused():
    with pytest.raises(SpecError, match=r"preconditions\[0\]\.require must be a predicate"):
        parse_preconditions('[{"path": "/a", "require": null, "message": "m"}]')


class NoCalls:
    """A client that must not be asked anything."""

    def request(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError(f"unexpected call {args}")


@pytest.mark.parametrize("conditions_set, named", [
    ({"destroy_when": {"data/mode": "primary"}}, "destroy_when"),
    ({"destroy_if": '{"path": "data/mode", "equals": "primary"}'}, "destroy_if"),
])
def test_destroy_conditions_without_condition_path_are_refused(conditions_set, named):
    spec = OperationSpec.from_state({"path": "/a", "destroy_path": "/b", **conditions_set})
    with pytest.raises(SpecError, match=f"^{named} needs condition_path"):
        operation_actions.destroy_due(NoCalls(), spec, {})


def test_preconditions_with_when_without_condition_path_are_refused():
    exists = {"path": "x", "exists": True}
    check = {"path": "/b", "message": "m", "when": exists, "require": exists}
    spec = OperationSpec.from_state({"path": "/a", "preconditions": json.dumps([check])})
    with pytest.raises(SpecError, match="^preconditions needs condition_path"):
        operation_actions.unmet_precondition(NoCalls(), spec, {}, lambda name: False)
