"""Paths into JSON documents: ``records/0/uuid``, ``wrap_info/token``, ``job/_links/self/href``.

Segments are separated by ``/``; a segment that is an integer indexes a list.
A list can also be searched by a field value: ``records[svm/name=svm1]/uuid``.
"""

from __future__ import annotations

import re
from typing import Any

_MISSING = object()
_SELECT = re.compile(r"^(?P<key>[^\[]*)\[(?P<field>[^=\]]+)=(?P<value>[^\]]*)\]$")


class PathError(KeyError):
    def __init__(self, path: str, segment: str):
        self.path, self.segment = path, segment
        super().__init__(f"path '{path}' does not exist in the response (stopped at '{segment}')")

    def __str__(self) -> str:
        return str(self.args[0])


def lookup(document: Any, path: str, default: Any = _MISSING) -> Any:
    """The value at ``path``; ``default`` (or :class:`PathError`) when it does not exist."""
    current = document
    for segment in _segments(path):
        current = _step(current, segment)
        if current is _MISSING:
            if default is _MISSING:
                raise PathError(path, segment)
            return default
    return current


def _segments(path: str) -> list[str]:
    # A selector's value may contain "/" (svm/name=x is a path inside the item): split outside brackets.
    segments, depth, current = [], 0, ""
    for char in path.strip("/"):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        if char == "/" and depth == 0:
            if current:
                segments.append(current)
            current = ""
        else:
            current += char
    if current:
        segments.append(current)
    return segments


def _step(current: Any, segment: str) -> Any:
    match = _SELECT.match(segment)
    if match:
        container = current if not match["key"] else _step(current, match["key"])
        if not isinstance(container, list):
            return _MISSING
        for item in container:
            if str(lookup(item, match["field"], _MISSING)) == match["value"]:
                return item
        return _MISSING
    if isinstance(current, dict):
        return current.get(segment, _MISSING)
    if isinstance(current, list) and re.fullmatch(r"-?\d+", segment):
        index = int(segment)
        return current[index] if -len(current) <= index < len(current) else _MISSING
    return _MISSING


def remove_keys(document: Any, names: set[str]) -> Any:
    """A copy of ``document`` without any object key in ``names``, at any depth."""
    if isinstance(document, dict):
        return {k: remove_keys(v, names) for k, v in document.items() if k not in names}
    if isinstance(document, list):
        return [remove_keys(v, names) for v in document]
    return document
