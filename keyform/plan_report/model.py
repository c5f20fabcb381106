"""What a report is made of: appliances, domain events, per-stack results; and a read-only view of
one resource change that hides secrets (:class:`Change`)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Optional

from keyform.plan_report.freshness import Freshness
from keyform.plan_report.mask import SECRET_ATTRIBUTES, is_sensitive, mask_value

_SENDS = "write_only_data_version"  # rest_object: how many times write_only_data was sent
_DIGEST = "write_only_data_hash"  # rest_operation: the digest of its write-only data (sensitive)

KIND_TITLES = {"ontap": "NetApp ONTAP", "vsp": "VSP One Object", "vault": "Vault", "rest": "REST API",
               "other": "Other resources"}
KIND_ORDER = ("ontap", "vsp", "vault", "rest", "other")
ADOPTED = "adopted"  # imported into Terraform's state, nothing to change on the appliance
BUCKETS = ("added", ADOPTED, "changed", "replaced", "removed")
BOOKKEEPING = "bookkeeping"  # a change of Terraform's records only: no call to an appliance


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


UNKNOWN = _Marker("UNKNOWN")  # known only after apply
SENSITIVE = _Marker("SENSITIVE")  # never read for display


@dataclass
class Appliance:
    stack: str
    key: str  # provider configuration key, e.g. ``rest.vault-b``
    alias: str  # provider alias (the appliance's name in the stack), "" for the default provider
    base_url: str = ""
    kind: str = ""

    @property
    def name(self) -> str:
        return self.alias or self.base_url or "default provider"

    @property
    def title(self) -> str:
        return KIND_TITLES.get(self.kind or "rest", "REST API")


@dataclass
class Event:
    """One thing the deploy does, in the words of the domain (Markdown, one line)."""

    appliance: Appliance
    bucket: str  # one of BUCKETS or BOOKKEEPING
    text: str
    danger: str = ""  # headline when dangerous, "" when not
    condition: str = ""  # e.g. "runs only if vault-b is a DR secondary when applied"
    rank: int = 50  # order within its bucket (the order things happen in, roughly)
    address: str = ""


@dataclass
class StackResult:
    stack: str
    source: str
    terraform_version: str = ""
    events: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # (appliance key, bucket) -> resources
    appliances: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    freshness: Optional[Freshness] = None  # None: not checked (a plan JSON document)

    @property
    def stale(self) -> bool:
        return self.freshness is not None and self.freshness.stale

    @property
    def dangers(self) -> list:
        return [e for e in self.events if e.danger]

    def count(self, bucket: str, appliance: Optional[Appliance] = None) -> int:
        return sum(n for (key, b), n in self.counts.items()
                   if b == bucket and (appliance is None or key == appliance.key))


class Change:
    """One entry of ``resource_changes``, read through the sensitivity marks."""

    def __init__(self, rc: dict, config: Optional[dict], appliance: Appliance):
        change = rc.get("change") or {}
        self.address: str = rc.get("address", "?")
        self.type: str = rc.get("type", "")
        self.mode: str = rc.get("mode", "managed")
        self.actions = tuple(change.get("actions") or ())
        self.before = change.get("before") if isinstance(change.get("before"), dict) else None
        self.after = change.get("after") if isinstance(change.get("after"), dict) else None
        self.after_unknown = change.get("after_unknown") or {}
        self.before_sensitive = change.get("before_sensitive")
        self.after_sensitive = change.get("after_sensitive")
        self.replace_paths = change.get("replace_paths") or []
        self.importing = change.get("importing") if isinstance(change.get("importing"), dict) else None
        self.action_reason = rc.get("action_reason", "")
        self.config = config or {}
        self.appliance = appliance

    # ------------------------------------------------------------------ actions
    @property
    def action(self) -> str:
        a = self.actions
        if a in (("delete", "create"), ("create", "delete")):
            return "replace"
        if len(a) == 1:
            return a[0]
        return "+".join(a) or "no-op"

    @property
    def imported(self) -> bool:
        """Whether the plan imports the object (Terraform 1.5+ ``import`` blocks), whatever else it does."""
        return self.importing is not None

    # ------------------------------------------------------------------- values
    def get(self, side: str, name: str) -> Any:
        """An attribute's value, :data:`UNKNOWN` when known only after apply, :data:`SENSITIVE` when marked."""
        if name in SECRET_ATTRIBUTES:
            return SENSITIVE
        values = self.before if side == "before" else self.after
        marks = self.before_sensitive if side == "before" else self.after_sensitive
        if is_sensitive(marks, name):
            return SENSITIVE
        if side == "after" and self.after_unknown.get(name) is True:
            return UNKNOWN
        if values is None:
            return None
        return mask_value(values.get(name))

    def json(self, side: str, name: str, masked: bool = True) -> Any:
        """A JSON-string attribute (``data``, ``body``), parsed, with secret-named keys masked
        (``masked=False``: for comparing only, never for display)."""
        value = self.get(side, name) if masked else self._raw(side, name)
        if value is None or value is UNKNOWN or value is SENSITIVE:
            return value
        if isinstance(value, str):
            try:
                parsed = json.loads(value)
            except ValueError:
                return value
            return mask_value(parsed) if masked else parsed
        return value

    def _raw(self, side: str, name: str) -> Any:
        masked = self.get(side, name)
        if masked is UNKNOWN or masked is SENSITIVE or masked is None:
            return masked
        values = self.before if side == "before" else self.after
        return values.get(name)

    def path(self, side: str = "after") -> Any:
        value = self.get(side, "path")
        if side == "after" and value is UNKNOWN:
            template = (self.config.get("expressions") or {}).get("path", {}).get("constant_value")
            if isinstance(template, str):
                return template
        return value

    def references(self, name: str) -> list[str]:
        return list(((self.config.get("expressions") or {}).get(name) or {}).get("references") or [])

    def has_secret_input(self, side: str = "after") -> bool:
        """Whether write-only data is configured: a ``rest_object``'s count of sends is set, or a
        ``rest_operation``'s digest is set or will be. The value is never read."""
        values = self.before if side == "before" else self.after
        if side == "after" and any(self.after_unknown.get(name) is True for name in (_SENDS, _DIGEST)):
            return True
        return bool(values) and (values.get(_SENDS) is not None or bool(values.get(_DIGEST)))

    def secret_input_changes(self) -> bool:
        """Whether the write-only data is sent by this change: a ``rest_object``'s count of sends goes up (or
        away), or a ``rest_operation``'s digest changes. Digests are compared, never shown."""
        if self.before is None or self.after is None:
            return False
        if _SENDS in self.after or _SENDS in self.before:
            return self.before.get(_SENDS) != self.after.get(_SENDS) or self.after_unknown.get(_SENDS) is True
        if self.after_unknown.get(_DIGEST) is True:
            return bool(self.before.get(_DIGEST)) or self.has_secret_input("after")
        return self.before.get(_DIGEST) != self.after.get(_DIGEST)

    def id_unknown(self) -> bool:
        return self.after_unknown.get("id") is True

