"""Masking: no secret reaches the report, even when the plan JSON holds one.

Three layers:

1. attributes that are secret by nature (``write_only_data``, ``rest_operation``'s ``write_only_data_hash``,
   ``sensitive_output_values``, and anything Terraform marks in ``before_sensitive`` /
   ``after_sensitive``) are never read for display — :func:`is_sensitive`;
2. inside JSON values (``data``, ``body``, ``triggers``) keys that name a secret
   (password, passphrase, token, secret, ...) are replaced by :data:`HIDDEN` — :func:`mask_value`;
3. every secret-looking value found anywhere in the plan (import ids included) is collected
   (:func:`collect_secrets`) and :class:`Scrubber` replaces any occurrence of one in the finished text.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

HIDDEN = "(hidden)"
REDACTED = "•••"

# Attributes never displayed, whatever the plan's sensitivity marks say.
SECRET_ATTRIBUTES = frozenset({"write_only_data", "write_only_data_hash", "sensitive_output_values"})

_SECRET_KEY = re.compile(r"pass(word|phrase|wd)?|secret|token|credential|private[_-]?key|api[_-]?key|otp|unseal|"
                         r"authorization|cookie|session", re.IGNORECASE)
_SECRET_KEY_EXACT = re.compile(r"keys?|pin|nonce|psk|shares?", re.IGNORECASE)
MIN_SCRUB_LENGTH = 4
# Values of secret attributes that are markers, not secrets: an imported call's write_only_data_hash is
# "adopted" (keyform.provider.operation_resource.ADOPTED); scrubbing it would blank the word out of the report.
NOT_SECRETS = frozenset({"null", "true", "false", "{}", "[]", "adopted"})


def is_secret_key(key: Any) -> bool:
    """Whether a JSON key or attribute name names a secret (``password``, ``dr_operation_token``, ``key``...)."""
    text = str(key)
    return bool(_SECRET_KEY.search(text) or _SECRET_KEY_EXACT.fullmatch(text))


def is_sensitive(marks: Any, *path: Any) -> bool:
    """Whether ``path`` (attribute names, map keys, list indexes) is marked in a ``*_sensitive`` tree.
    A mark on a parent covers its children."""
    node = marks
    for step in path:
        if node is True:
            return True
        if isinstance(node, dict):
            node = node.get(step, False)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return False
    return node is True or (node not in (False, None, {}, []) and _any_true(node))


def _any_true(node: Any) -> bool:
    if node is True:
        return True
    if isinstance(node, dict):
        return any(_any_true(v) for v in node.values())
    if isinstance(node, list):
        return any(_any_true(v) for v in node)
    return False


def mask_value(value: Any) -> Any:
    """A copy of a JSON value with the values of secret-named keys replaced by :data:`HIDDEN`."""
    if isinstance(value, dict):
        return {k: (HIDDEN if is_secret_key(k) and v not in (None, "") else mask_value(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_value(v) for v in value]
    return value


def safe_url(url: Any) -> str:
    """A URL without user information (``https://user:pw@host`` → ``https://host``) or query string."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return HIDDEN
    if not parts.scheme or not parts.netloc:
        return text
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


# ----------------------------------------------------------------------- secrets collection
def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        parsed = _json_object(value)
        if parsed is not None:
            yield from _strings(parsed)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    # numbers are left out: ports and counts inside a sensitive object would blank out every
    # occurrence of "5696" in the report, and no secret of these APIs is a number


def _json_object(text: str) -> Any:
    stripped = text.strip()
    if not (stripped.startswith("{") or stripped.startswith("[")):
        return None
    try:
        return json.loads(stripped)
    except ValueError:
        return None


def _marked(value: Any, marks: Any) -> Iterator[Any]:
    """The parts of ``value`` that ``marks`` (a ``*_sensitive`` tree) marks sensitive."""
    if marks is True:
        yield value
    elif isinstance(marks, dict) and isinstance(value, dict):
        for key, sub in marks.items():
            if key in value:
                yield from _marked(value[key], sub)
    elif isinstance(marks, list) and isinstance(value, list):
        for sub, item in zip(marks, value):
            yield from _marked(item, sub)


def _under_secret_keys(value: Any) -> Iterator[Any]:
    if isinstance(value, str):
        parsed = _json_object(value)
        if parsed is not None:
            yield from _under_secret_keys(parsed)
    elif isinstance(value, dict):
        for key, sub in value.items():
            if is_secret_key(key):
                yield sub
            else:
                yield from _under_secret_keys(sub)
    elif isinstance(value, list):
        for sub in value:
            yield from _under_secret_keys(sub)


def collect_secrets(document: dict) -> set[str]:
    """Every secret-looking string in a plan document: values Terraform marks sensitive, the
    values of the secret attributes, values under secret-named keys, sensitive variables and outputs."""
    found: list[Any] = []
    changes = list(document.get("resource_changes") or []) + list(document.get("resource_drift") or [])
    for rc in changes:
        change = rc.get("change") or {}
        for side, marks in (("before", "before_sensitive"), ("after", "after_sensitive")):
            values = change.get(side)
            if not isinstance(values, dict):
                continue
            found.extend(_marked(values, change.get(marks)))
            found.extend(values.get(name) for name in SECRET_ATTRIBUTES)
            found.extend(_under_secret_keys(values))
        found.extend(_import_secrets(change.get("importing")))
    for module in _modules(document.get("prior_state", {}).get("values", {}).get("root_module")):
        for resource in module.get("resources") or []:
            values = resource.get("values") or {}
            found.extend(_marked(values, resource.get("sensitive_values")))
            found.extend(values.get(name) for name in SECRET_ATTRIBUTES)
            found.extend(_under_secret_keys(values))
    for module in _modules((document.get("planned_values") or {}).get("root_module")):
        for resource in module.get("resources") or []:
            values = resource.get("values") or {}
            found.extend(_marked(values, resource.get("sensitive_values")))
            found.extend(values.get(name) for name in SECRET_ATTRIBUTES)
    declared = ((document.get("configuration") or {}).get("root_module") or {}).get("variables") or {}
    for name, variable in (document.get("variables") or {}).items():
        if (declared.get(name) or {}).get("sensitive") or is_secret_key(name):
            found.append((variable or {}).get("value"))
    for section in ("output_changes",):
        for output in (document.get(section) or {}).values():
            found.extend(_marked(output.get("before"), output.get("before_sensitive")))
            found.extend(_marked(output.get("after"), output.get("after_sensitive")))
    for output in ((document.get("planned_values") or {}).get("outputs") or {}).values():
        if output.get("sensitive"):
            found.append(output.get("value"))
    secrets: set[str] = set()
    for item in found:
        for text in _strings(item):
            if len(text) >= MIN_SCRUB_LENGTH and text.strip() not in NOT_SECRETS:
                secrets.add(text)
    return secrets


def _import_secrets(importing: Any) -> Iterator[Any]:
    """Secrets an import id may hold: a JSON id gives the resource's attributes (see ``keyform.provider.imports``)."""
    if not isinstance(importing, dict):
        return
    yield from _under_secret_keys(importing)
    attributes = _json_object(importing["id"]) if isinstance(importing.get("id"), str) else None
    if isinstance(attributes, dict):
        yield from (attributes.get(name) for name in SECRET_ATTRIBUTES)


def _modules(module: Any) -> Iterator[dict]:
    if not isinstance(module, dict):
        return
    yield module
    for child in module.get("child_modules") or []:
        yield from _modules(child)


class Scrubber:
    """Replaces every known secret in a text by :data:`REDACTED` (longest first)."""

    def __init__(self, secrets: Iterable[str] = ()):
        self.secrets: set[str] = set()
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        for secret in secrets:
            if isinstance(secret, str) and len(secret) >= MIN_SCRUB_LENGTH:
                self.secrets.add(secret)

    def __call__(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text
