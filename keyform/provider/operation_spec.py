"""``rest_operation`` as a typed spec: the call, its guards, its read-back and its destroy call."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from keyform.client import PollingConfig
from keyform.provider import call_spec, conditions, jsondata
from keyform.provider.call_spec import Call, SpecError
from keyform.provider.common import DEFAULT_OMIT_KEYS


@dataclass(frozen=True)
class Precondition:
    """A read that must satisfy ``require`` before the call is made (and before it is planned);
    with ``when``, only while that holds on the ``condition_path`` answer (else it is not read)."""

    read: Call
    require: conditions.Predicate
    message: str
    when: Optional[conditions.Predicate] = None
    absent_passes: bool = False  # a 404 answer passes (the object will be created): only when said so


@dataclass(frozen=True)
class OperationSpec:
    call: Call
    expected: Optional[tuple[int, ...]]
    polling: Optional[PollingConfig]
    condition_path: Optional[str]
    run_when: dict[str, str]
    run_if: Optional[conditions.Predicate]
    destroy_when: dict[str, str]
    destroy_if: Optional[conditions.Predicate]
    read: Optional[Call]
    effective_when: Optional[conditions.Predicate]
    preconditions: tuple[Precondition, ...]
    destroy: Optional[Call]
    outputs: dict[str, str]
    sensitive_outputs: bool
    omit_keys: frozenset[str]

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> OperationSpec:
        """The spec of a planned or stored operation; raises SpecError for a malformed attribute."""
        read_path = state.get("read_path")
        destroy_path = state.get("destroy_path")
        return cls(
            call=Call(call_spec.method(state, "method", "POST"), state["path"], call_spec.json_object(state, "body")),
            expected=tuple(int(s) for s in state.get("expected_status") or ()) or None,
            polling=call_spec.polling(state.get("polling")),
            condition_path=state.get("condition_path") or None,
            run_when=dict(state.get("run_when") or {}),
            run_if=predicate(state, "run_if"),
            destroy_when=dict(state.get("destroy_when") or {}),
            destroy_if=predicate(state, "destroy_if"),
            read=Call(call_spec.method(state, "read_method", "GET"), read_path,
                      call_spec.json_object(state, "read_body")) if read_path else None,
            effective_when=predicate(state, "effective_when"),
            preconditions=parse_preconditions(state.get("preconditions")),
            destroy=Call(call_spec.method(state, "destroy_method", "POST"), destroy_path,
                         call_spec.json_object(state, "destroy_body")) if destroy_path else None,
            outputs=dict(state.get("outputs") or {}),
            sensitive_outputs=bool(state.get("sensitive_outputs")),
            omit_keys=frozenset(state.get("response_omit_keys") or DEFAULT_OMIT_KEYS),
        )


def predicate(state: Mapping[str, Any], attribute: str) -> Optional[conditions.Predicate]:
    try:
        return conditions.parse(state.get(attribute), attribute)
    except conditions.PredicateError as exc:
        raise SpecError(attribute, f"Invalid {attribute}", str(exc)) from None


def parse_preconditions(value: Any) -> tuple[Precondition, ...]:
    """``preconditions``: a JSON list of ``{"path", "method"?, "body"?, "when"?, "require", "message",
    "if_absent"?}`` (``"if_absent": "pass"``: a 404 answer passes; by default it refuses)."""
    if value is None:
        return ()
    try:
        items = json.loads(value) if isinstance(value, str) else value
    except ValueError as exc:
        raise SpecError("preconditions", "Invalid preconditions",
                        f"not valid JSON ({jsondata.decode_problem(exc)})") from None
    if not isinstance(items, list):
        raise SpecError("preconditions", "Invalid preconditions", "a JSON list of checks is expected")
    checks: list[Precondition] = []
    for index, item in enumerate(items):
        where = f"preconditions[{index}]"
        if not isinstance(item, dict) or not {"path", "require", "message"} <= set(item) \
                or set(item) - {"path", "method", "body", "when", "require", "message", "if_absent"}:
            raise SpecError("preconditions", "Invalid preconditions",
                            f"{where} needs 'path', 'require' and 'message' (and may set 'method', 'body', 'when', "
                            "'if_absent')")
        if item.get("if_absent", "refuse") not in ("refuse", "pass"):
            raise SpecError("preconditions", "Invalid preconditions", f"{where}.if_absent is 'refuse' or 'pass'")
        if not isinstance(item["message"], str) or not item["message"].strip():
            raise SpecError("preconditions", "Invalid preconditions", f"{where}.message must say what is wrong")
        try:
            require = conditions.parse(item["require"], f"{where}.require")
            when = conditions.parse(item.get("when"), f"{where}.when")
        except conditions.PredicateError as exc:
            raise SpecError("preconditions", "Invalid preconditions", str(exc)) from None
        if require is None:
            raise SpecError("preconditions", "Invalid preconditions", f"{where}.require must be a predicate, not null")
        body = item.get("body")
        if body is not None and not isinstance(body, dict):
            raise SpecError("preconditions", "Invalid preconditions", f"{where}.body must be a JSON object")
        read = Call(call_spec.method(item, "method", "GET"), str(item["path"]), body)
        checks.append(Precondition(read, require, item["message"].strip(), when, item.get("if_absent") == "pass"))
    return tuple(checks)
