"""The registry of rule modules — one per appliance API (:mod:`.ontap`, :mod:`.vsp`, :mod:`.vault`) and
:mod:`.generic` for the rest — and the dispatch of a resource change to the module that claims it.

A rule module has:

- ``KIND``: the appliance kind it words (``"ontap"``, ...; ``""`` for the generic rules);
- ``claims(change)``: whether it classifies the change;
- ``context(changes)``: what a change's meaning depends on among the stack's other changes;
- ``classify(change, ctx)``: the change's events and the bucket it counts in;
- ``adopt(change, ctx)``: the same for an imported object with nothing to change on the appliance;
- an appliance's module also ``owns_path(path)`` (a path of its API) and ``serves_provider(settings)``
  (provider settings only its API uses), which tell an appliance's kind.

An import (``change.importing``, Terraform 1.5+) that changes nothing on the appliance — a no-op, or a
change of Terraform's records only — is adopted; one that changes something is reported as that change,
marked "(adopted)", and keeps its danger flag. Imports are never dangerous on their own.
"""

from __future__ import annotations

from typing import Any

from keyform.plan_report.model import BOOKKEEPING, Change
from keyform.plan_report.rules import generic, ontap, vault, vsp
from keyform.plan_report.rules.common import Classified, any_path

RULES = (ontap, vsp, vault, generic)  # the first module that claims a change classifies it
APPLIANCE_RULES = (ontap, vsp, vault)
BY_PROVIDER = (vault, vsp, ontap)  # the surest sign first: Vault's token header, VSP's auth, then URL shapes


def contexts(changes: list[Change]) -> dict[str, Any]:
    return {rules.KIND: rules.context(changes) for rules in RULES}


def classify_change(change: Change, ctx: dict[str, Any]) -> Classified:
    """The events of one change and the bucket it counts in ("" when it counts nowhere)."""
    rules = next(r for r in RULES if r.claims(change))
    if change.imported and change.action == "no-op":
        return rules.adopt(change, ctx[rules.KIND])
    events, bucket = rules.classify(change, ctx[rules.KIND])
    if change.imported and bucket == BOOKKEEPING:  # nothing but Terraform's records: still no call
        adopted, bucket = rules.adopt(change, ctx[rules.KIND])
        return adopted + events, bucket
    if change.imported:
        for event in events:
            event.text += " (adopted)"
    return events, bucket


def kind_of(change: Change) -> str:
    """The kind of appliance a change manages something on ("" when its path does not say)."""
    if not change.type.startswith("rest_"):
        return "other"
    path = any_path(change)
    if not isinstance(path, str):
        return ""
    return next((rules.KIND for rules in APPLIANCE_RULES if rules.owns_path(path)), "")


def kind_from_provider(provider: dict) -> str:
    """The kind of appliance a provider configuration talks to, from its constant settings."""
    expressions = provider.get("expressions") or {}
    settings = {name: str(e.get("constant_value") or "") if isinstance(e, dict) else ""
                for name, e in expressions.items()}
    return next((rules.KIND for rules in BY_PROVIDER if rules.serves_provider(settings)), "rest")
