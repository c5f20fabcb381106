"""One place that turns HTTP failures into errors a user can act on, and says what they mean
for the appliance: whether the request may have taken effect.

::

    ClientError                  anything the client reports
    ├── UnsafePath               a path that would address another resource ('.', '..', empty segment)
    ├── TransportError           no HTTP answer
    │   ├── NotSent              the request never left: connection refused, DNS, TLS, connect timeout
    │   └── AnswerLost           it was sent, but no complete answer came: reset, read timeout
    ├── ApiError                 an HTTP answer with an unexpected status
    └── JobFailed                an asynchronous job ended in failure
        └── JobOutcomeUnknown    ...or its end could not be learned before the polling timeout

:func:`may_have_committed` is the one rule callers use before they decide anything: an
:class:`AnswerLost`, a :class:`JobOutcomeUnknown` and a 5xx/408 answer to a non-idempotent call
leave the appliance's state unknown (the call may have committed); everything else is a definite
"not done". Messages name the method, the URL without credentials, the status and the API's own
error text: ONTAP ``error.code``/``error.message``, Vault ``errors[]``, VSP One Object ``message``,
OAuth2 ``error_description``. They never contain a secret.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Optional
from urllib.parse import urlsplit, urlunsplit

# Answers after which a call that is not idempotent may or may not have been carried out.
UNCERTAIN_STATUSES = frozenset({408, 500, 502, 503, 504})


class ClientError(Exception):
    """Base of every error the client raises."""


class UnsafePath(ClientError):
    def __init__(self, path: str, segment: str):
        self.path, self.segment = path, segment
        shown = "an empty segment" if segment == "" else f"a '{segment}' segment"
        super().__init__(f"refused to call '{path}': it has {shown}, which would address another resource "
                         "(ids in paths are percent-encoded by templates; check the id or the path)")


class TransportError(ClientError):
    sent = True

    def __init__(self, method: str, url: str, reason: str):
        self.method, self.url, self.reason = method, safe_url(url), reason
        super().__init__(f"{method} {self.url}: no answer ({reason})")


class NotSent(TransportError):
    """The request provably never reached the server."""

    sent = False


class AnswerLost(TransportError):
    """The request was sent; the answer was lost (reset, timed out): it may have been carried out."""


class ApiError(ClientError):
    def __init__(self, method: str, url: str, status: int, api_message: str, body: Any = None,
                 idempotent: bool = True, retry_after: Optional[str] = None):
        self.method, self.url, self.status, self.api_message = method, safe_url(url), status, api_message
        self.body, self.idempotent, self.retry_after = body, idempotent, retry_after
        text = f": {api_message}" if api_message else ""
        super().__init__(f"{method} {self.url} answered {status}{text}")


class JobFailed(ClientError):
    def __init__(self, method: str, url: str, job_url: str, message: str):
        self.method, self.url, self.job_url, self.job_message = method, safe_url(url), safe_url(job_url), message
        super().__init__(f"{method} {self.url}: job {self.job_url} failed: {message}")


class JobOutcomeUnknown(JobFailed):
    """The job was accepted, but whether it succeeded could not be learned before the polling timeout."""

    def __init__(self, method: str, url: str, job_url: str, message: str):
        super().__init__(method, url, job_url, message)
        self.args = (f"{method} {self.url}: job {self.job_url}: outcome unknown: {message}",)


def may_have_committed(exc: BaseException) -> bool:
    """Whether the failed call may still have taken effect on the appliance."""
    if isinstance(exc, (AnswerLost, JobOutcomeUnknown)):
        return True
    if isinstance(exc, ApiError):
        return not exc.idempotent and exc.status in UNCERTAIN_STATUSES
    return False


def safe_url(url: str) -> str:
    """The URL without user:password and without a query string (query values may carry secrets)."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def check_path(path: str) -> None:
    """Refuse a URL path with a '.' or '..' segment or an empty inner segment (``a//b``)."""
    segments = path.split("/")
    for index, segment in enumerate(segments):
        if segment in (".", ".."):
            raise UnsafePath(path, segment)
        if segment == "" and 0 < index < len(segments) - 1:
            raise UnsafePath(path, segment)


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
            value = body.get(key)
            if isinstance(value, str):
                return value
    if isinstance(body, str):
        return body
    return fallback_text.strip()[:300]


def parse_body(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return text


def redact(text: str, secrets: Iterable[Optional[str]]) -> str:
    """Replace every known secret value in ``text`` (longest first) with ``***``: as it is, and as ``repr`` and
    JSON quote it when that differs (a value with a line break or a quote, quoted escaped in an exception's text
    or an API's JSON error, would otherwise pass as it is not the secret's text)."""
    forms = {form for secret in secrets if secret and len(secret) >= 3 for form in _quoted_forms(secret)}
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


def _quoted_forms(secret: str) -> set[str]:
    """``secret`` and its escaped forms inside quotes (``repr``; JSON with and without ASCII escapes)."""
    forms = {secret}
    if not (secret.isascii() and secret.isprintable()) or '"' in secret or "'" in secret or "\\" in secret:
        forms.update((repr(secret)[1:-1], json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]))
    return forms
