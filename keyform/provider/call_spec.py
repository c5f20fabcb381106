"""What the resources' specs share: one call (method, path template, body template), polling, errors.

A spec is built from a resource's configuration or state once, with every default in one place;
a malformed attribute raises :class:`SpecError` naming it, which the resources report as a
diagnostic at validation (before anything is planned) and at apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional

from keyform.client import PollingConfig
from keyform.client.templates import render_path, render_value
from keyform.provider import jsondata
from keyform.provider.common import POLLING_KEYS

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

Secrets = Mapping[str, str]
"""The provider's ``secrets`` (name → value), which templates name as ``{secret.<name>}``."""


class SpecError(ValueError):
    """A malformed attribute: ``attribute`` names it, the message says what is wrong and the fix."""

    def __init__(self, attribute: str, summary: str, detail: str):
        self.attribute, self.summary, self.detail = attribute, summary, detail
        super().__init__(f"{summary}: {detail}")


@dataclass(frozen=True)
class Call:
    """One HTTP call of a resource: ``path`` and ``body`` are templates (see keyform.client.templates)."""

    method: str
    path: str
    body: Optional[dict[str, Any]] = None

    def rendered(self, scope: Mapping[str, Any]) -> tuple[str, Any]:
        body = render_value(self.body, scope) if self.body is not None else None
        return render_path(self.path, scope), body


def method(state: Mapping[str, Any], attribute: str, default: str) -> str:
    value = state.get(attribute)
    if value is None:
        return default
    if not isinstance(value, str) or value.upper() not in METHODS:
        raise SpecError(attribute, f"Invalid {attribute}", f"'{value}' is not one of {', '.join(METHODS)}.")
    return value.upper()


def json_object(state: Mapping[str, Any], attribute: str) -> Optional[dict[str, Any]]:
    """A JSON-object attribute; None when null. While known only at apply it is tf's ``Unknown`` (untyped)."""
    try:
        value: Optional[dict[str, Any]] = jsondata.parse_object(state.get(attribute), attribute)
    except jsondata.JsonAttributeError as exc:
        raise SpecError(attribute, f"Invalid {attribute}", str(exc)) from None
    return value


def polling(settings: Optional[Mapping[str, str]]) -> Optional[PollingConfig]:
    """The polling settings of a resource (every value a string, as in a Terraform map)."""
    settings = dict(settings or {})
    unknown = set(settings) - set(POLLING_KEYS)
    if unknown:
        raise SpecError("polling", f"polling has unknown key(s): {', '.join(sorted(unknown))}",
                        f"Known keys: {', '.join(POLLING_KEYS)}.")
    if str(settings.pop("enabled", "true")).lower() == "false":
        return None
    kwargs: dict[str, Any] = {}
    for key, value in settings.items():
        if key.endswith("_states"):
            kwargs[key] = tuple(s.strip() for s in value.split(",") if s.strip())
        elif key.endswith("_seconds"):
            try:
                kwargs[key] = float(value)
            except ValueError:
                raise SpecError("polling", f"polling.{key} must be a number of seconds", f"Got '{value}'.") from None
        else:
            kwargs[key] = value
    return PollingConfig(**kwargs)
