"""What every rule module words the same way: events, buckets, replacement reasons, field changes,
adopted objects."""

from __future__ import annotations

from typing import Any, Callable, Optional

from keyform.plan_report.mask import is_secret_key, mask_value
from keyform.plan_report.md import code
from keyform.plan_report.model import ADOPTED, Change, Event

ACTION_BUCKET = {"create": "added", "update": "changed", "replace": "replaced", "delete": "removed"}
Classified = tuple[list[Event], str]  # the events of one change and the bucket it counts in ("" for none)


def event(change: Change, bucket: str, text: str, danger: str = "", condition: str = "", rank: int = 50) -> Event:
    return Event(change.appliance, bucket, text, danger, condition, rank, change.address)


def bucket_of(change: Change) -> str:
    return ACTION_BUCKET.get(change.action, "changed")


def adopted(change: Change, subject: str, rank: int = 50) -> Classified:
    """An imported object with nothing to change on the appliance."""
    return [event(change, ADOPTED, f"{subject} is adopted (no change on the appliance)", rank=rank)], ADOPTED


def any_path(change: Change) -> Any:
    """The API path after the change, else before it."""
    path = change.path("after") if change.after is not None else None
    if not isinstance(path, str):
        path = change.get("before", "path") if change.before is not None else path
    return path


def replace_reason(change: Change) -> str:
    reasons = []
    for path in change.replace_paths:
        name = path[0] if isinstance(path, list) and path else str(path)
        reasons.append({"path": "its API path changes", "data": "a key that cannot be updated in place changes"}
                       .get(name, f"{code(name)} changes"))
    return "; ".join(reasons) or "Terraform must re-create it"


def field_changes(before: Any, after: Any, labels: dict[str, str], skip: tuple = (),
                  units: Optional[dict[str, Callable[[Any], str]]] = None) -> list[str]:
    """``label old → new`` for every top-level key of two JSON objects that differs. Pass the unmasked
    values (``Change.json(..., masked=False)``): a secret that changes shows as "changes (value hidden)"."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        if before != after:
            return [f"{code(mask_value(before))} → {code(mask_value(after))}"]
        return []
    units = units or {}
    out = []
    for key in list(dict.fromkeys([*before, *after])):
        if key in skip or before.get(key) == after.get(key):
            continue
        show = units.get(key, code)
        label = labels.get(key, code(key))
        old, new = mask_value(before.get(key)), mask_value(after.get(key))
        if is_secret_key(key) or old == new:
            out.append(f"{label} changes (value hidden)")
        elif key not in before:
            out.append(f"{label} set to {show(new)}")
        elif key not in after:
            out.append(f"{label} {show(old)} removed")
        else:
            out.append(f"{label} {show(old)} → {show(new)}")
    return out
