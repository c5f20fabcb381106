"""The Flask app every simulator starts from: request log, body size limit, faults, admin endpoint, JSON errors."""

from __future__ import annotations

import logging
import time
from typing import Any, Callable

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import BadRequest, HTTPException

from keyform.simulators.common import activity
from keyform.simulators.common.body import MAX_BODY_BYTES, parse_json, read_body
from keyform.simulators.common.settings import Settings

ErrorBody = Callable[[int, str], Any]
"""Builds the system's own error document for a status and message."""

ADMIN_PREFIX = "/_admin"


def json_body() -> dict:
    """The request's JSON object, or ``{}`` for an empty body; a 400 for anything else
    (:class:`~keyform.simulators.common.body.BodyTooDeep` for a body nested too deeply)."""
    data = read_body()
    if not data:
        return {}
    try:
        payload = parse_json(data) if request.is_json else None
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        raise BadRequest("request body is not a JSON object")
    return payload


def create_base_app(settings: Settings, error_body: ErrorBody) -> Flask:
    """A Flask app that logs each request, injects the configured faults and answers errors as JSON.

    Every request's body is held to ``MAX_BODY_BYTES`` before any other hook or handler runs
    (a 413 in the system's ``error_body``). The admin endpoints (``GET|PUT /_admin/faults``)
    are never subject to faults: tests switch faults on and off through them.
    """
    app = Flask(f"keyform.simulators.{settings.name}")
    app.config["SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES  # stops reading a chunked body at the limit
    log = logging.getLogger(f"keyform.simulators.{settings.name}")

    @app.before_request
    def _under_way():  # first: every request that begins here is ended by the teardown
        activity.began()

    @app.teardown_request
    def _answered(_exc):
        activity.ended()

    @app.before_request
    def _limit_body():
        read_body()  # raises BodyTooLarge (413), answered by _http_error below

    @app.before_request
    def _inject_faults():
        request.environ["keyform.started"] = time.monotonic()
        if request.path.startswith(ADMIN_PREFIX):
            return None
        if settings.faults.latency_ms:
            time.sleep(settings.faults.latency_ms / 1000.0)
        drawn = settings.faults.draw(f"{request.method} {request.path}")
        if drawn is None:
            return None
        status, headers = drawn
        message = {429: "Too many requests.", 500: "Internal server error.", 503: "Service unavailable."}[status]
        response = jsonify(error_body(status, message))
        response.status_code = status
        response.headers.update(headers)
        return response

    @app.after_request
    def _log(response: Response):
        # Method, path and status only: never headers, query values or bodies (they carry secrets).
        log.info("%s %s %s", request.method, request.path, response.status_code)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        response = jsonify(error_body(exc.code or 500, exc.description or exc.name))
        response.status_code = exc.code or 500
        return response

    @app.get(f"{ADMIN_PREFIX}/faults")
    def _get_faults():
        return jsonify(settings.faults.as_dict())

    @app.put(f"{ADMIN_PREFIX}/faults")
    def _put_faults():
        try:
            settings.faults.update(json_body())
        except (ValueError, TypeError) as exc:
            return jsonify({"message": str(exc)}), 400
        return jsonify(settings.faults.as_dict())

    return app
