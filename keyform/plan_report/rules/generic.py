"""Anything no appliance's rules claim: REST objects and calls by their path, other resources by their
type and address. Nothing here is flagged as dangerous."""

from __future__ import annotations

from keyform.plan_report.md import code
from keyform.plan_report.model import BOOKKEEPING, Change
from keyform.plan_report.rules.common import (Classified, adopted, any_path, bucket_of, event, field_changes,
                                              replace_reason)
from keyform.plan_report.rules.vault import condition  # a call's guards (run_when) read as the DR calls' do

KIND = ""


def claims(change: Change) -> bool:
    return True


def context(changes: list[Change]) -> None:
    return None


def classify(change: Change, ctx: None = None) -> Classified:
    return _operation(change) if change.type == "rest_operation" else _resource(change)


def adopt(change: Change, ctx: None = None) -> Classified:
    if change.type == "rest_operation":
        return adopted(change, f"call {code(any_path(change))}")
    return adopted(change, _label(change))


def _label(change: Change) -> str:
    if change.type != "rest_object":
        return f"{code(change.type)} {code(change.address)}"
    path = any_path(change)
    return f"REST object {code(path)}" if isinstance(path, str) else f"REST object {code(change.address)}"


def _resource(change: Change) -> Classified:
    label = _label(change)
    action = change.action
    if action == "create":
        data = change.json("after", "data") if change.type == "rest_object" else None
        with_data = f" with {code(data)}" if isinstance(data, dict) else ""
        return [event(change, "added", f"{label} is created" + with_data)], \
            "added"
    if action == "delete":
        return [event(change, "removed", f"{label} is **deleted**")], "removed"
    if action == "replace":
        return [event(change, "replaced", f"{label} is **replaced**: {replace_reason(change)}")], "replaced"
    if change.type != "rest_object":
        return [event(change, "changed", f"{label} changes in place")], "changed"
    lines = field_changes(change.json("before", "data", masked=False), change.json("after", "data", masked=False), {})
    if change.secret_input_changes():
        lines.append("its secret input changes (value hidden)")
    if not lines:
        return [event(change, BOOKKEEPING, f"{label}: only how keyform calls the API changes (no call)")], BOOKKEEPING
    return [event(change, "changed", f"{label}: {line}") for line in lines], "changed"


def _operation(change: Change) -> Classified:
    path = code(any_path(change))
    where = code(change.appliance.name)
    action = change.action
    events = []
    if action in ("delete", "replace"):
        destroy = change.get("before", "destroy_path")
        if destroy:
            events.append(event(change, "removed", f"call {code(destroy)} is made on destroy (of {path})",
                                condition=condition(change.get("before", "destroy_when"), where), rank=70))
        else:
            events.append(event(change, BOOKKEEPING, f"call {path} is removed; it has no destroy call"))
        if action == "delete":
            return events, "removed" if destroy else BOOKKEEPING
    if action == "update" and not change.id_unknown():
        return [event(change, BOOKKEEPING, f"call {path}: only its settings change (no call)")], BOOKKEEPING
    verb = "runs again" if action == "update" else "runs"
    events.append(event(change, "changed" if action == "update" else "added", f"call {path} {verb}",
                        condition=condition(change.get("after", "run_when"), where)))
    return events, "changed" if action == "update" else bucket_of(change)
