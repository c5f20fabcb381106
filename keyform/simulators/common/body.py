"""Request bodies read within limits: a size cap on every request and a depth-checked JSON parse.

Supported: :func:`read_body` (the body, 413 :class:`BodyTooLarge` past :data:`MAX_BODY_BYTES`,
by ``Content-Length`` up front and by the bytes actually read) and :func:`parse_json` (a JSON
document, 400 :class:`BodyTooDeep` past :data:`MAX_DEPTH`, ``ValueError`` if it is not JSON).
Both errors are werkzeug ``HTTPException``s, so each simulator answers them in its own shape
through the ``error_body`` given to ``create_base_app``.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any, Union

from flask import request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge

MAX_BODY_BYTES = 1024 * 1024
"""Largest request body accepted (1 MiB). The appliances' key-manager documents are a few kilobytes;
without a cap a client could make a simulator hold any amount of memory for one request."""

MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted. The real documents nest 3 or 4 levels; Python's
``json`` recurses once per level and fails with ``RecursionError`` (a 500 and a traceback) near 1,000,
so the depth is counted on the raw text before parsing."""

# A JSON string (escapes honoured; an unterminated one runs to the end), and anything but a bracket.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class BodyTooLarge(RequestEntityTooLarge):
    description = f"The request body is larger than {MAX_BODY_BYTES} bytes."


class BodyTooDeep(BadRequest):
    description = f"The request body is nested more than {MAX_DEPTH} levels deep."


DRAIN_LIMIT = 16 * MAX_BODY_BYTES
"""Largest refused body still read before the 413 (a client sending more sees the connection closed)."""


def _read_at_most(stream, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            break
        data += chunk
    return bytes(data)


def read_body() -> bytes:
    """The current request's body; :class:`BodyTooLarge` if it is over :data:`MAX_BODY_BYTES`.

    Relies on the app's ``MAX_CONTENT_LENGTH`` (set by ``create_base_app``) to stop reading a body
    sent without ``Content-Length`` (chunked) at the limit.
    """
    length = request.content_length
    if length is not None and length > MAX_BODY_BYTES:
        if length <= DRAIN_LIMIT:  # read and dropped, so that the client is done sending when the 413 comes
            _read_at_most(request.environ["wsgi.input"], length)
        raise BodyTooLarge()
    if length is None and request.environ.get("wsgi.input_terminated"):
        # chunked: werkzeug's stream stops silently at MAX_CONTENT_LENGTH, so read one byte more to know
        data = _read_at_most(request.environ["wsgi.input"], MAX_BODY_BYTES + 1)
        if len(data) > MAX_BODY_BYTES:
            raise BodyTooLarge()
        return data
    try:
        data = request.get_data()
    except RequestEntityTooLarge:
        raise BodyTooLarge() from None
    if len(data) > MAX_BODY_BYTES:
        raise BodyTooLarge()
    return data


def nesting_depth(text: str) -> int:
    """How deep arrays and objects nest in JSON ``text``: brackets outside strings, never recursing."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def parse_json(raw: Union[bytes, str]) -> Any:
    """The JSON document in ``raw`` (bytes in any encoding ``json.loads`` detects).

    :class:`BodyTooLarge` or :class:`BodyTooDeep` past the limits; ``ValueError`` if it is not JSON.
    """
    if len(raw) > MAX_BODY_BYTES:
        raise BodyTooLarge()
    text = raw.decode(json.detect_encoding(raw), "surrogatepass") if isinstance(raw, bytes) else raw
    if nesting_depth(text) > MAX_DEPTH:
        raise BodyTooDeep()
    try:
        return json.loads(text)
    except RecursionError:  # not reachable within MAX_DEPTH; kept so that no parse can end in a 500
        raise BodyTooDeep() from None
