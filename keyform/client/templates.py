"""Templates for request paths and bodies: ``{id}``, ``{path}``, ``{data.name}``, ``{response.records.0.uuid}``.

A placeholder names a namespace (``id``, ``path``, ``data``, ``response``) and, for
the JSON namespaces, a dotted path inside it. In a JSON body template a string that
is exactly one placeholder takes the value's JSON type (``"{data.port}"`` → ``5696``);
placeholders inside longer strings are formatted as text. Values placed in a URL path
are percent-encoded as one segment each (``/``, ``?``, ``#`` and a whole ``.`` or ``..`` included),
and an empty value is refused: no value can make a path address another resource. Write-only
values are never available to templates.
"""

from __future__ import annotations

import re
from typing import Any, Mapping
from urllib.parse import quote

from keyform.client import jsonpath

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)((?:\.[^{}]+)?)\}")


class TemplateError(ValueError):
    """A placeholder that names nothing available; the message names the template and the fix."""


def _resolve(name: str, dotted: str, scope: Mapping[str, Any], template: str) -> Any:
    if name not in scope:
        raise TemplateError(
            f"template '{template}' uses '{{{name}{dotted}}}', but only "
            + ", ".join(f"{{{k}}}" if not isinstance(v, (dict, list)) else f"{{{k}.<key>}}" for k, v in scope.items())
            + " are available"
        )
    value = scope[name]
    if not dotted:
        return value
    path = dotted[1:].replace(".", "/")
    try:
        return jsonpath.lookup(value, path)
    except jsonpath.PathError:
        raise TemplateError(f"template '{template}' uses '{{{name}{dotted}}}', but {name} has no "
                            f"'{dotted[1:]}'") from None


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def render_path(template: str, scope: Mapping[str, Any]) -> str:
    """Fill a URL path template; each substituted value becomes exactly one percent-encoded segment
    (``:`` and ``@`` kept). ``{path}`` is itself a path and keeps its slashes (the client refuses
    dot and empty segments in the final URL)."""

    def substitute(match: re.Match[str]) -> str:
        value = _resolve(match[1], match[2], scope, template)
        text = _as_text(value)
        if match[1] == "path" and not match[2]:
            return text
        if text == "":
            raise TemplateError(f"template '{template}' puts '{{{match[1]}{match[2]}}}' into the path, but it is "
                                "empty: the path would address another resource")
        return segment(text)

    return _PLACEHOLDER.sub(substitute, template)


def segment(text: str) -> str:
    """``text`` as one URL path segment: percent-encoded, and a whole ``.``/``..`` encoded as well
    (they are unreserved characters, which clients and servers would otherwise resolve)."""
    if text in (".", ".."):
        return "%2E" * len(text)
    return quote(text, safe=":@")


def render_value(value: Any, scope: Mapping[str, Any], template: str = "") -> Any:
    """Fill every string inside a JSON value (see module docstring)."""
    if isinstance(value, str):
        whole = _PLACEHOLDER.fullmatch(value)
        if whole:
            return _resolve(whole[1], whole[2], scope, template or value)
        return _PLACEHOLDER.sub(lambda m: _as_text(_resolve(m[1], m[2], scope, template or value)), value)
    if isinstance(value, dict):
        return {k: render_value(v, scope, template) for k, v in value.items()}
    if isinstance(value, list):
        return [render_value(v, scope, template) for v in value]
    return value


def render_secrets(value: Any, secrets: Mapping[str, Any]) -> Any:
    """Fill only the ``{secret.<name>}`` placeholders of a JSON value (a body sent as written
    otherwise); a name the provider has no secret for is refused with the fix."""
    if isinstance(value, str):
        def substitute(match: re.Match[str]) -> Any:
            name = match[2][1:]
            if name not in secrets:
                raise TemplateError(f"'{{secret.{name}}}' is used, but the provider has no secret '{name}': set "
                                    f"secrets = {{ {name} = ... }} in its configuration")
            return secrets[name]

        whole = _PLACEHOLDER.fullmatch(value)
        if whole and whole[1] == "secret" and whole[2]:
            return substitute(whole)
        return _PLACEHOLDER.sub(lambda m: _as_text(substitute(m)) if m[1] == "secret" and m[2] else m[0], value)
    if isinstance(value, dict):
        return {k: render_secrets(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [render_secrets(v, secrets) for v in value]
    return value


def secret_names(value: Any) -> set[str]:
    """The names of the ``{secret.<name>}`` placeholders in a JSON value or template."""
    if isinstance(value, str):
        return {m[2][1:] for m in _PLACEHOLDER.finditer(value) if m[1] == "secret" and m[2]}
    if isinstance(value, dict):
        return {n for v in value.values() for n in secret_names(v)}
    if isinstance(value, list):
        return {n for v in value for n in secret_names(v)}
    return set()
