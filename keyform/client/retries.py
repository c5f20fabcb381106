"""When a request is sent again, and how long the client waits before it does.

The rule that keeps appliances free of duplicates and orphans: a call is sent again only when
sending it again cannot do anything the first attempt did not.

- An **idempotent** call (GET, HEAD, OPTIONS, PUT, DELETE, and reads a caller marks so, such as
  VSP One Object's ``POST get_server``) is retried on 429, 500, 502, 503, 504, on connection
  errors and on a lost answer.
- Any other call is retried only when it provably never reached the server
  (:class:`~keyform.client.errors.NotSent`: connection refused, name not found, connect timeout)
  or when the server refused it without acting on it (429 Too Many Requests). After a lost
  answer or a 5xx the caller must first look at the appliance (see ``may_have_committed``).

Waits grow exponentially from ``backoff_seconds`` (capped); a ``Retry-After`` header wins.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from keyform.client.errors import AnswerLost, NotSent, TransportError, redact

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
MAX_WAIT_SECONDS = 30.0


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int
    backoff_seconds: float

    def retries_status(self, status: int, idempotent: bool, attempt: int) -> bool:
        """Whether an answer with ``status`` is retried (``attempt`` retries made so far)."""
        return attempt < self.max_retries and status in RETRY_STATUSES and (idempotent or status == 429)

    def retries_error(self, error: TransportError, idempotent: bool, attempt: int, retryable: bool) -> bool:
        return attempt < self.max_retries and retryable and (idempotent or not error.sent)

    def wait(self, attempt: int, retry_after: Optional[str] = None) -> float:
        """Seconds to wait before retry number ``attempt + 1``."""
        given = _retry_after_seconds(retry_after)
        if given is not None:
            return min(given, MAX_WAIT_SECONDS)
        return min(self.backoff_seconds * (2.0 ** attempt), MAX_WAIT_SECONDS)

    def sleep(self, attempt: int, retry_after: Optional[str] = None) -> None:
        time.sleep(self.wait(attempt, retry_after))

    def attempts(self) -> int:
        """How many times a call is sent at most."""
        return self.max_retries + 1

    def longest(self, timeout: float, attempt: int) -> float:
        """The longest a call that is retried to the end can take from the start of attempt ``attempt``
        (0-based): ``timeout`` for each attempt left and the backoff between them (unless a ``Retry-After``
        asks for other waits)."""
        left = self.max_retries - attempt
        return timeout * (left + 1) + sum(self.wait(i) for i in range(attempt, self.max_retries))


def _retry_after_seconds(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    from email.utils import parsedate_to_datetime  # here: the schema and validation processes never need it

    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def transport_error(method: str, url: str, exc: Exception, secrets: Iterable[str],
                    timeout: Optional[float] = None) -> tuple[TransportError, bool]:
    """The error for a request that got no answer, and whether trying again could help.

    A failure to connect (refused, DNS, connect timeout) means the request never left; a reset,
    a read timeout or a broken answer means it was sent and may have been carried out. A TLS
    failure never left either, but it is a configuration problem: it is not retried. A time-out
    says how long it waited (``timeout``, the request's timeout in seconds).
    """
    import requests

    reason = redact(describe(exc), secrets)
    if timeout is not None and reason.startswith("timed out"):
        reason = f"{reason} after {timeout:g} s"
    if isinstance(exc, requests.exceptions.SSLError) or _refused_before_sending(exc):
        return NotSent(method, url, reason), False
    if isinstance(exc, requests.exceptions.ConnectTimeout) or _never_connected(exc):
        return NotSent(method, url, reason), True
    return AnswerLost(method, url, reason), True


def _refused_before_sending(exc: Exception) -> bool:
    """requests refused to make the request at all (a header value with a line break, a URL it cannot send): it
    never left, and sending it again would be refused again."""
    import requests

    return isinstance(exc, (requests.exceptions.InvalidHeader, requests.exceptions.InvalidURL,
                            requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema))


def _never_connected(exc: Exception) -> bool:
    from urllib3.exceptions import NameResolutionError, NewConnectionError

    return any(isinstance(cause, (NewConnectionError, NameResolutionError)) for cause in _causes(exc))


def _causes(exc: Optional[BaseException]) -> Iterator[BaseException]:
    """``exc`` and what it wraps: urllib3's ``reason``, an exception passed as first argument, the cause."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = _wrapped(exc) or exc.__cause__ or exc.__context__


def _wrapped(exc: BaseException) -> Optional[BaseException]:
    """The exception ``exc`` wraps as its ``reason`` or first argument, if any."""
    reason: object = getattr(exc, "reason", None)
    if isinstance(reason, BaseException):
        return reason
    first: object = exc.args[0] if exc.args else None
    return first if isinstance(first, BaseException) else None


def describe(exc: Exception) -> str:
    """The innermost cause in a few words, without urllib3's object reprs."""
    import requests

    if isinstance(exc, requests.exceptions.InvalidHeader):  # its text quotes the value: a secret, often
        return ("not sent: a header cannot go as it is (a name that is not an HTTP token, or a value with a line "
                "break or control character)")
    causes = list(_causes(exc))
    text = str(causes[-1]) if causes else str(exc)
    whole = " ".join(str(c) for c in causes)
    if "CERTIFICATE_VERIFY_FAILED" in whole or "certificate verify failed" in whole:
        detail = whole.split("certificate verify failed:", 1)[-1].split("(_ssl", 1)[0].strip(" :")
        return (f"TLS certificate verify failed: {detail}; set ca_cert_file to the CA that signed the appliance's "
                "certificate (insecure = true only for tests)")
    if "Connection refused" in whole or "Errno 111" in whole:
        return "connection refused"
    if "Name or service not known" in whole or "Temporary failure in name resolution" in whole \
            or "Failed to resolve" in whole:
        return "host name not found"
    if "Read timed out" in whole:
        return "timed out waiting for the answer"
    if "connect timeout" in whole:
        return "timed out connecting"
    if "timed out" in whole.lower():
        return "timed out"
    if "reset by peer" in whole or "Errno 104" in whole:
        return "connection reset by the server"
    if "RemoteDisconnected" in whole or "closed connection without response" in whole:
        return "the server closed the connection without an answer"
    return text.split(": ", 1)[-1][:200]
