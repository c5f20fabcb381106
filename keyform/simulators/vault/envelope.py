"""Vault's response shapes: the success envelope, the ``{"errors": [...]}`` document, 204s.

Every logical answer of Vault is wrapped as
``request_id, lease_id, renewable, lease_duration, data, wrap_info, warnings, auth``;
the replication endpoints of this era also repeat the ``data`` fields at the top
level (see the status and promote samples of the API doc). Errors are
``{"errors": ["message"]}``; 404 and 405 carry an empty list, as Vault's router does.
"""

from __future__ import annotations

import uuid
from typing import Any, Optional

from flask import Response, jsonify


class VaultError(Exception):
    """An error answered as ``{"errors": [message]}`` with ``status`` (400 by default)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def error_body(status: int, message: str) -> dict:
    """The error document for ``status``; the router's 404/405 have no message in Vault."""
    if status in (404, 405):
        return {"errors": []}
    return {"errors": [message] if message else []}


def error_response(exc: VaultError) -> Response:
    response = jsonify(error_body(exc.status, exc.message))
    response.status_code = exc.status
    return response


def envelope(
    data: Any = None,
    *,
    wrap_info: Optional[dict] = None,
    warnings: Optional[list] = None,
    request_id: Optional[str] = None,
) -> dict:
    return {
        "request_id": str(uuid.uuid4()) if request_id is None else request_id,
        "lease_id": "",
        "renewable": False,
        "lease_duration": 0,
        "data": data,
        "wrap_info": wrap_info,
        "warnings": warnings,
        "auth": None,
    }


def respond(data: Any = None, *, top_level: Optional[dict] = None, **kwargs) -> Response:
    """200 with the envelope; ``top_level`` fields are placed next to it (replication style)."""
    document = dict(top_level or {})
    document.update(envelope(data, **kwargs))
    return jsonify(document)


def raw(document: dict) -> Response:
    """200 with a bare document (the generate-operation-token answers are not enveloped)."""
    return jsonify(document)


def no_content() -> Response:
    return Response(status=204)
