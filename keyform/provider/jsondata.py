"""JSON values as the provider keeps them: canonical text, key-subset comparison, projection.

Only the keys a user wrote in ``data`` are managed: :func:`matches` compares those keys
with what the server returns (fields the server adds are ignored), and :func:`project`
reshapes a server answer onto the keys of ``data`` so a change made on the appliance
shows in the plan as a change of that key.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import os
from typing import Any, Iterable

from tf.types import Unknown


class JsonAttributeError(ValueError):
    pass


def canonical(value: Any) -> str:
    """Compact JSON with sorted keys: what Terraform's ``jsonencode`` writes (defect 2)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def parse_object(text: Any, attribute: str, allow_null: bool = True) -> Any:
    """Parse a JSON attribute that must hold an object: the dict, None for null, ``Unknown`` (tf's sentinel, untyped)
    for a value known only at apply. Errors name the attribute, never the value."""
    if text is None:
        if allow_null:
            return None
        raise JsonAttributeError(f"{attribute} is required")
    if text is Unknown:
        return Unknown
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise JsonAttributeError(
            f"{attribute} is not valid JSON ({decode_problem(exc, position=True)}); write it with jsonencode({{...}})"
        ) from None
    if not isinstance(value, dict):
        raise JsonAttributeError(f"{attribute} must be a JSON object, got {type(value).__name__}; "
                                 "write jsonencode({key = value})")
    return value


def decode_problem(exc: ValueError, position: bool = False) -> str:
    """What ``json.loads`` found wrong, never the value. Not every ValueError it raises is a JSONDecodeError:
    a number too long to convert (``sys.get_int_max_str_digits``) has no ``msg`` nor position."""
    if not isinstance(exc, json.JSONDecodeError):
        return str(exc)
    return f"{exc.msg} at line {exc.lineno} column {exc.colno}" if position else exc.msg


def _same_scalar(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return bool(a == b)


def matches(desired: Any, actual: Any, strict: bool = False) -> bool:
    """True when every key of ``desired`` has the same value in ``actual``.

    A key the server does not return at all is not drift (it may be write-only on the
    API side, like ONTAP passwords) unless ``strict``. Lists must have the same length
    and matching items.
    """
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            return False
        return all(
            matches(v, actual[k], strict) if k in actual else not strict for k, v in desired.items()
        )
    if isinstance(desired, list):
        if not isinstance(actual, list) or len(desired) != len(actual):
            return False
        return all(matches(d, a, strict) for d, a in zip(desired, actual))
    return _same_scalar(desired, actual)


def equal(a: Any, b: Any) -> bool:
    """Same JSON value (numbers compared by value)."""
    return matches(a, b, strict=True) and matches(b, a, strict=True)


def project(desired: Any, actual: Any) -> Any:
    """``actual`` reshaped onto the keys of ``desired`` (missing keys keep the desired value)."""
    if isinstance(desired, dict) and isinstance(actual, dict):
        return {k: project(v, actual[k]) if k in actual else v for k, v in desired.items()}
    if isinstance(desired, list) and isinstance(actual, list):
        return [project(desired[i], a) if i < len(desired) else a for i, a in enumerate(actual)]
    if _same_scalar(desired, actual):
        return desired
    return actual


def as_set_items(value: Any) -> Any:
    """A set-valued key as a list: one comma-separated string (as some releases answer a list) split into its
    items, blanks dropped; a list as it is; anything else unchanged."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


def _same_set(a: list[Any], b: list[Any]) -> bool:
    return all(any(matches(x, y, strict=True) and matches(y, x, strict=True) for y in b) for x in a) and \
        all(any(matches(y, x, strict=True) and matches(x, y, strict=True) for x in a) for y in b)


def align_sets(desired: Any, actual: Any, keys: Iterable[str]) -> Any:
    """``actual`` with each key of ``keys`` (paths like ``secondary_key_servers`` or ``a/b``) read as a set: a
    comma-separated string becomes the list of its items, and a list holding the same items as ``desired``'s
    (order and repeats aside) takes ``desired``'s value, so it compares equal. ``actual`` itself is not changed."""
    result = copy.deepcopy(actual)
    for key in keys:
        parts = [p for p in key.strip("/").split("/") if p]
        if parts:
            _align(desired, result, parts)
    return result


def _align(desired: Any, actual: Any, parts: list[str]) -> None:
    if not isinstance(actual, dict) or parts[0] not in actual:
        return
    wanted = desired.get(parts[0], _ABSENT) if isinstance(desired, dict) else _ABSENT
    if len(parts) > 1:
        _align(wanted if wanted is not _ABSENT else {}, actual[parts[0]], parts[1:])
        return
    items = as_set_items(actual[parts[0]])
    if isinstance(items, list) and isinstance(wanted, list) and _same_set(wanted, items):
        items = copy.deepcopy(wanted)
    actual[parts[0]] = items


_ABSENT = object()


def deep_merge(base: Any, extra: Any) -> Any:
    """``extra`` merged into ``base`` (objects recursively; anything else replaced)."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = deep_merge(base.get(key), value) if key in base else value
        return merged
    return extra


def key_names(value: Any) -> set[str]:
    """Every object key at any depth (used to strip write-only fields from responses)."""
    names: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            names.add(key)
            names |= key_names(item)
    elif isinstance(value, list):
        for item in value:
            names |= key_names(item)
    return names


# ------------------------------------------------------------------ write-only hash
_HASH_SCHEME = "pbkdf2-sha256"
_HASH_ITERATIONS = 1000


def secret_digest(value: Any, salt: bytes | None = None) -> str:
    """A salted, slow-ish digest of a write-only value: all the state keeps of it.

    It lets a plan notice that the value changed without storing it; the random salt
    defeats precomputed tables.
    """
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", canonical(value).encode(), salt, _HASH_ITERATIONS)
    return f"{_HASH_SCHEME}${_HASH_ITERATIONS}${salt.hex()}${digest.hex()}"


def digest_matches(value: Any, stored: Any) -> bool:
    if not isinstance(stored, str) or not stored.startswith(_HASH_SCHEME + "$"):
        return False
    try:
        _, iterations, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", canonical(value).encode(), bytes.fromhex(salt_hex), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), digest_hex)
