"""The management API's error document and the messages it answers with.

Every error under ``/mapi`` (and every injected fault) is answered as
``{"statusCode": <int>, "message": "<text>"}``. The reference guide (seed 000) documents
the message texts but not the envelope; this shape is the simulator's choice.
Keycloak's token endpoint keeps Keycloak's own ``{"error", "error_description"}`` shape.
"""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import MethodNotAllowed

# Texts documented in the reference guide (seed 000): reproduced verbatim.
ACCESS_DENIED = "Access was denied due to invalid credentials."
OFFLINE_PROMOTE = "Cannot promote offline KMIP server."
NOT_FOUND = "No matching existing KMIP configuration."
METHOD_NOT_ALLOWED = "The specified HTTP method is not allowed. Please resend the request using the {method} method."
TIMED_OUT = "Internal error - request timed out."

# Texts the guide does not document: the simulator's choice.
DELETE_PRIMARY = "Cannot delete the primary KMIP server. Promote another KMIP server to primary first."
CSRF_MISSING = "Missing CSRF token. Send the X-XSRF-TOKEN header with the XSRF-TOKEN cookie from GET /mapi/v1/csrf."
CSRF_INVALID = "Invalid CSRF token. It is stale or does not belong to this session; GET /mapi/v1/csrf for a new one."
BODY_NOT_OBJECT = "The request body must be a JSON object."

# Server-side failures (injected 500/503, a reachability check past its deadline) all read like the guide's text.
_TIMEOUT_STATUSES = (500, 503, 504)

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error answer: status and the message the user sees."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict:
    """The error document; server-side failures answer with the guide's time-out text."""
    if status in _TIMEOUT_STATUSES:
        message = TIMED_OUT
    return {"statusCode": status, "message": message}


def error_response(status: int, message: str, headers: dict | None = None):
    response = jsonify(error_body(status, message))
    response.status_code = status
    if headers:
        response.headers.update(headers)
    return response


def register_error_handlers(app: Flask) -> None:
    """ApiError, 405 with the guide's text, and unexpected exceptions as a JSON 500."""

    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        return error_response(exc.status, exc.message)

    @app.errorhandler(MethodNotAllowed)
    def _method_not_allowed(exc: MethodNotAllowed):
        allowed = [m for m in (exc.valid_methods or ["POST"]) if m not in ("HEAD", "OPTIONS")]
        method = allowed[0] if len(allowed) == 1 else "POST"
        response = error_response(405, METHOD_NOT_ALLOWED.format(method=method))
        response.headers["Allow"] = ", ".join(allowed)
        return response

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.exception("unexpected error")  # the traceback, never request headers or bodies
        return error_response(500, TIMED_OUT)
