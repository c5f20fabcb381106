"""Reading a request the way Vault does: JSON body, typed parameters, durations, the token header."""

from __future__ import annotations

import re
from typing import Any

from flask import request

from keyform.simulators.common import parse_json, read_body
from keyform.simulators.vault.envelope import VaultError

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)")
_UNIT_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600, "d": 86400}


def body() -> dict:
    """The JSON object sent, ``{}`` for an empty body; GET parameters come from the query string."""
    if request.method in ("GET", "DELETE"):
        return request.args.to_dict()
    raw = read_body()
    if not raw.strip():
        return {}
    try:
        payload = parse_json(raw)  # a body nested too deeply raises BodyTooDeep: 400 {"errors": [...]}
    except ValueError as exc:
        raise VaultError(f"failed to parse JSON input: {exc}") from None
    if not isinstance(payload, dict):
        raise VaultError("failed to parse JSON input: expected a JSON object")
    return payload


def string(data: dict, name: str, default: str = "", required: bool = False) -> str:
    value = data.get(name)
    if value is None:
        if required:
            raise VaultError(f"missing required parameter {name!r}")
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise VaultError(f"error converting input {name!r}: expected a string")
    return str(value)


def boolean(data: dict, name: str, default: bool = False) -> bool:
    value = data.get(name, default)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0", "t", "f"):
        return value.lower() in ("true", "1", "t")
    if isinstance(value, int):
        return bool(value)
    raise VaultError(f"error converting input {name!r}: expected a boolean")


def duration(value: Any, name: str = "ttl") -> int:
    """Seconds from ``30m``, ``300s``, ``1h30m``, ``2d`` or a number of seconds (Vault's parseutil)."""
    if isinstance(value, bool):
        raise VaultError(f"error converting input {name!r}: invalid duration")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        text = str(value).strip()
        if re.fullmatch(r"\d+", text):
            seconds = float(text)
        else:
            parts = _DURATION_PART.findall(text)
            if not parts or "".join(n + u for n, u in parts) != text:
                raise VaultError(f"error converting input {name!r}: invalid duration {text!r}")
            seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in parts)
    if seconds < 0:
        raise VaultError(f"{name} must not be negative")
    return int(seconds)


def request_token() -> str:
    """The client token sent: ``X-Vault-Token``, else ``Authorization: Bearer <token>``; ``""`` if none."""
    given = request.headers.get("X-Vault-Token", "")
    if not given:
        auth = request.headers.get("Authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
    return given
