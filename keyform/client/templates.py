"""Templates for request paths and bodies: ``{id}``, ``{path}``, ``{data.name}``, ``{response.records.0.uuid}``.

A placeholder names a namespace (``id``, ``path``, ``data``, ``response``) and, for
the JSON namespaces, a dotted path inside it. In a JSON body template a string that
is exactly one placeholder takes the value's JSON type (``"{data.port}"`` → ``5696``);
placeholders inside longer strings are formatted as text. Values placed in a URL path
are percent-encoded. Write-only values are never available to templates.
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
        raise TemplateError(f"template '{template}' uses '{{{name}{dotted}}}', but {name} has no '{dotted[1:]}'") from None


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def render_path(template: str, scope: Mapping[str, Any]) -> str:
    """Fill a URL path template; substituted values are percent-encoded (``:`` and ``@`` kept)."""

    def substitute(match: re.Match) -> str:
        value = _resolve(match[1], match[2], scope, template)
        text = _as_text(value)
        # {path} is itself a path: keep its slashes.
        return text if match[1] == "path" and not match[2] else quote(text, safe=":@")

    return _PLACEHOLDER.sub(substitute, template)


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
