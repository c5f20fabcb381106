"""Authentication: Keycloak password grant, bearer tokens, and the CSRF session.

Supported:
- POST /auth/realms/object/protocol/openid-connect/token (also under ``/ui/auth`` and realm ``vsp-object``,
  the path the Ansible collection uses): form ``grant_type=password, username, password, client_id``.
- GET /mapi/v1/csrf: sets ``XSRF-TOKEN`` and the ``vertx-web.session`` cookie (HttpOnly).

Every ``/mapi`` call needs ``Authorization: Bearer <access_token>`` (401 otherwise), except
``GET /mapi/v1/csrf``, which the Ansible collection calls without it; a bearer sent there must be valid.
Every POST under ``/mapi/v1/kmip/`` also needs ``X-XSRF-TOKEN`` equal to the token bound to the session cookie.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import secrets
import threading
import time
import uuid

from flask import Blueprint, Flask, jsonify, request

from keyform.simulators.common import Settings
from keyform.simulators.vsp.errors import ACCESS_DENIED, CSRF_INVALID, CSRF_MISSING, ApiError, error_response

REALMS = ("object", "vsp-object")
ACCESS_TOKEN_TTL = 300
REFRESH_TOKEN_TTL = 1800
CSRF_TTL = 1800
XSRF_COOKIE = "XSRF-TOKEN"
XSRF_HEADER = "X-XSRF-TOKEN"
SESSION_COOKIE = "vertx-web.session"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Tokens:
    """Issues and verifies HS256-signed JWT access tokens; the key lives only in this process."""

    def __init__(self, ttl: float):
        self.ttl = ttl
        self._key = secrets.token_bytes(32)

    def issue(self, username: str, client_id: str, issuer: str) -> str:
        now = int(time.time())
        header = {"alg": "HS256", "typ": "JWT"}
        exp = now + int(self.ttl) if float(self.ttl).is_integer() else round(time.time() + self.ttl, 3)
        claims = {"exp": exp, "iat": now, "jti": str(uuid.uuid4()), "iss": issuer,
                  "typ": "Bearer", "azp": client_id, "preferred_username": username}
        signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
        return signing_input + "." + _b64(self._sign(signing_input))

    def valid(self, token: str) -> bool:
        parts = token.split(".")
        if len(parts) != 3:
            return False
        signing_input = parts[0] + "." + parts[1]
        if not hmac.compare_digest(parts[2].encode(errors="replace"), _b64(self._sign(signing_input)).encode()):
            return False
        claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        return claims.get("exp", 0) > time.time()

    def _sign(self, signing_input: str) -> bytes:
        return hmac.new(self._key, signing_input.encode(), hashlib.sha256).digest()


class CsrfSessions:
    """XSRF tokens bound to session ids; ``expire_all`` makes every current token stale."""

    def __init__(self, ttl: float):
        self.ttl = ttl
        self._lock = threading.Lock()
        self._sessions: dict[str, tuple[str, float]] = {}

    def open(self) -> tuple[str, str]:
        session_id, token = secrets.token_urlsafe(24), secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[session_id] = (token, time.monotonic() + self.ttl)
        return session_id, token

    def matches(self, session_id: str | None, token: str) -> bool:
        with self._lock:
            entry = self._sessions.get(session_id or "")
        if entry is None or entry[1] < time.monotonic():
            return False
        return hmac.compare_digest(entry[0].encode(), token.encode(errors="replace"))

    def expire_all(self) -> None:
        with self._lock:
            self._sessions.clear()


def _keycloak_error(status: int, error: str, description: str | None = None):
    body = {"error": error}
    if description:
        body["error_description"] = description
    response = jsonify(body)
    response.status_code = status
    return response


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def install(app: Flask, settings: Settings) -> None:
    """Adds the token endpoint, the CSRF endpoint and the guards on ``/mapi``."""
    tokens = Tokens(float(settings.extra.get("token_ttl", ACCESS_TOKEN_TTL)))
    sessions = CsrfSessions(float(settings.extra.get("csrf_ttl", CSRF_TTL)))
    bp = Blueprint("vsp_auth", __name__)

    def token_endpoint(realm: str):
        if realm not in REALMS:
            return _keycloak_error(404, "Realm does not exist")
        form = request.form
        grant_type = form.get("grant_type")
        if not grant_type:
            return _keycloak_error(400, "invalid_request", "Missing form parameter: grant_type")
        if grant_type != "password":
            return _keycloak_error(400, "unsupported_grant_type", "Unsupported grant_type")
        client_id = form.get("client_id", "")
        if not client_id:
            return _keycloak_error(401, "invalid_client", "Invalid client or Invalid client credentials")
        username, password = form.get("username", ""), form.get("password", "")
        good = hmac.compare_digest(username.encode(), settings.username.encode()) and hmac.compare_digest(
            password.encode(), settings.password.encode()
        )
        if not good:
            return _keycloak_error(401, "invalid_grant", "Invalid user credentials")
        issuer = f"{settings.url}/auth/realms/{realm}"
        return jsonify({
            "access_token": tokens.issue(username, client_id, issuer),
            "expires_in": math.ceil(tokens.ttl),
            "refresh_expires_in": REFRESH_TOKEN_TTL,
            "refresh_token": secrets.token_urlsafe(48),
            "token_type": "Bearer",
            "not-before-policy": 0,
            "session_state": str(uuid.uuid4()),
            "scope": "profile email",
        })

    for prefix in ("", "/ui"):
        bp.add_url_rule(f"{prefix}/auth/realms/<realm>/protocol/openid-connect/token",
                        f"token{prefix.replace('/', '_')}", token_endpoint, methods=["POST"])

    @bp.get("/mapi/v1/csrf")
    def csrf():
        session_id, token = sessions.open()
        response = jsonify({"headerName": XSRF_HEADER, "token": token})
        response.set_cookie(XSRF_COOKIE, token, path="/", samesite="Strict")
        response.set_cookie(SESSION_COOKIE, session_id, path="/", httponly=True, samesite="Strict")
        return response

    app.register_blueprint(bp)

    @app.before_request
    def _guard_mapi():
        path = request.path
        if not (path == "/mapi" or path.startswith("/mapi/")):
            return None
        token = _bearer()
        csrf_bootstrap = path == "/mapi/v1/csrf" and request.method == "GET"
        if (token is None and not csrf_bootstrap) or (token is not None and not tokens.valid(token)):
            return error_response(401, ACCESS_DENIED, {"WWW-Authenticate": 'Bearer realm="object"'})
        if request.method == "POST" and path.startswith("/mapi/v1/kmip/"):
            _check_csrf(sessions, settings)
        return None


def _check_csrf(sessions: CsrfSessions, settings: Settings) -> None:
    if settings.faults.take_csrf_expiry():
        sessions.expire_all()
    header = request.headers.get(XSRF_HEADER, "")
    if not header:
        raise ApiError(403, CSRF_MISSING)
    if not sessions.matches(request.cookies.get(SESSION_COOKIE), header):
        raise ApiError(403, CSRF_INVALID)
