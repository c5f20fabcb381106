"""What a REST client needs to know: where, how to authenticate, how patient to be."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class CsrfConfig:
    """A session/CSRF flow: GET ``path``, keep the cookies, echo cookie ``cookie`` in header ``header``."""

    path: str
    cookie: str = "XSRF-TOKEN"
    header: str = "X-XSRF-TOKEN"


@dataclass(frozen=True)
class OAuth2Config:
    """An OAuth2 password grant (Keycloak-style) whose access token becomes the bearer token."""

    token_url: str
    client_id: str = ""


@dataclass(frozen=True)
class PollingConfig:
    """How a ``202 Accepted`` with a job reference is followed until the job ends.

    Paths are ``/``-separated paths into JSON documents (see :mod:`keyform.client.jsonpath`).
    The defaults match ONTAP: ``{"job": {"_links": {"self": {"href": ...}}}}`` and a job ``state``.
    """

    href_path: str = "job/_links/self/href"
    state_path: str = "state"
    success_states: tuple[str, ...] = ("success",)
    failure_states: tuple[str, ...] = ("failure", "error")
    message_path: str = "message"
    code_path: str = "code"
    interval_seconds: float = 0.2
    timeout_seconds: float = 300.0


@dataclass(frozen=True)
class ClientConfig:
    base_url: str
    headers: dict[str, str] = field(default_factory=dict)
    username: Optional[str] = None
    password: Optional[str] = None
    bearer_token: Optional[str] = None
    token_header: Optional[str] = None
    token: Optional[str] = None
    csrf: Optional[CsrfConfig] = None
    oauth2: Optional[OAuth2Config] = None
    insecure: bool = False
    ca_cert_file: Optional[str] = None
    client_cert_file: Optional[str] = None
    client_key_file: Optional[str] = None
    timeout_seconds: float = 30.0
    retry_max: int = 4
    retry_backoff_seconds: float = 0.5
    rate_limit_per_second: float = 0.0
    pool_size: int = 16
    slow_request_seconds: Optional[float] = None
    """Log a request still waiting for its answer after this many seconds, and again as often (0: never;
    default: 10 s, or a third of ``timeout_seconds`` when that is shorter)."""

    def secrets(self) -> list[str]:
        """Every secret value this configuration holds, for redaction of messages."""
        values = [self.password, self.bearer_token, self.token, *self.headers.values()]
        return [v for v in values if v]
