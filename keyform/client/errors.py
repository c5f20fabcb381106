"""One place that turns HTTP failures into errors a user can act on.

::

    ClientError                 anything the client reports
    ├── TransportError          no HTTP answer: connection refused, DNS, TLS, timeout
    ├── ApiError                an HTTP answer with an unexpected status
    └── JobFailed               an asynchronous job ended in failure (or timed out)

Messages name the method, the URL without credentials, the status and the API's
own error text: ONTAP ``error.code``/``error.message``, Vault ``errors[]``, VSP One
Object ``message``, OAuth2 ``error_description``. They never contain a secret.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Optional
from urllib.parse import urlsplit, urlunsplit


class ClientError(Exception):
    """Base of every error the client raises."""


class TransportError(ClientError):
    def __init__(self, method: str, url: str, reason: str):
        self.method, self.url, self.reason = method, safe_url(url), reason
        super().__init__(f"{method} {self.url}: no answer ({reason})")


class ApiError(ClientError):
    def __init__(self, method: str, url: str, status: int, api_message: str, body: Any = None):
        self.method, self.url, self.status, self.api_message, self.body = method, safe_url(url), status, api_message, body
        text = f": {api_message}" if api_message else ""
        super().__init__(f"{method} {self.url} answered {status}{text}")


class JobFailed(ClientError):
    def __init__(self, method: str, url: str, job_url: str, message: str):
        self.method, self.url, self.job_url, self.job_message = method, safe_url(url), safe_url(job_url), message
        super().__init__(f"{method} {self.url}: job {self.job_url} failed: {message}")


def safe_url(url: str) -> str:
    """The URL without user:password and without a query string (query values may carry secrets)."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def api_message(body: Any, fallback_text: str = "") -> str:
    """The API's own error text, whatever the appliance's error shape."""
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):  # ONTAP
            code, message = error.get("code"), error.get("message", "")
            target = error.get("target")
            text = f"error {code}: {message}" if code else str(message)
            return f"{text} (target: {target})" if target else text
        errors = body.get("errors")
        if isinstance(errors, list):  # Vault
            return "; ".join(str(e) for e in errors) or "(no error text)"
        if isinstance(error, str):  # OAuth2
            return f"{error}: {body.get('error_description', '')}".rstrip(": ")
        for key in ("message", "errorMessage", "detail", "title"):
            if isinstance(body.get(key), str):
                return body[key]
    if isinstance(body, str):
        return body
    return fallback_text.strip()[:300]


def parse_body(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def redact(text: str, secrets: Iterable[Optional[str]]) -> str:
    """Replace every known secret value in ``text`` (longest first) with ``***``."""
    for secret in sorted((s for s in secrets if s and len(s) >= 3), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text
