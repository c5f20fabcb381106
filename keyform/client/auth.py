"""Authentication headers per request, and their refresh when the appliance says they went stale.

Static schemes (HTTP basic, a bearer token, a token header such as ``X-Vault-Token``) are set
once on the session. Two flows are renewed at run time:

- an OAuth2 password grant (Keycloak-style) whose access token becomes the bearer token, renewed
  on a 401;
- a CSRF session (``GET csrf_path`` sets a cookie whose value is echoed in a header), renewed on a
  403 and after every new access token.

Terraform makes ten calls at once and they share one session, so a stale token is typically met
by several calls together. The refresh is **single-flight**: every request remembers the
generation of the credentials it was sent with; the first caller to report that generation stale
fetches new ones, the others wait on the lock and find a newer generation already there. Each
caller then sends its request again with the new credentials, and does so again should those go stale
while it is under way (:data:`STALE_RENEWALS`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Callable, Mapping, Optional, Protocol

from keyform.client.config import ClientConfig, CsrfConfig, OAuth2Config
from keyform.client.errors import ApiError

STALE_RENEWALS = 2
"""How many times one call renews stale credentials and is sent again. Twice: the credentials a call is re-sent
with can go stale while it is under way (the session expires again, or another call's new access token opens a
new CSRF session); a refusal that outlives that is the appliance's answer, reported, not a loop."""

if TYPE_CHECKING:
    import requests

    from keyform.client.session import Response


class Fetch(Protocol):
    """Sends a token or CSRF request (a form ``data``, extra ``headers``) without the renewable credentials'
    checks; returns the client's Response."""

    def __call__(self, method: str, url: str, data: Optional[Mapping[str, str]] = None,
                 headers: Optional[Mapping[str, str]] = None) -> Response: ...


class Authenticator:
    def __init__(self, config: ClientConfig, session: requests.Session, fetch: Fetch, url_for: Callable[[str], str]):
        self.config = config
        self.session = session
        self._fetch = fetch
        self._url_for = url_for
        self._lock = threading.Lock()
        self._generation = 0
        self._headers: dict[str, str] = {}
        self._ready = not (config.oauth2 or config.csrf)

    @property
    def renews(self) -> bool:
        return bool(self.config.oauth2 or self.config.csrf)

    def current(self) -> tuple[dict[str, str], int]:
        """The renewable headers to send now, and their generation (log in on first use)."""
        if not self._ready:
            self.refresh(None)
        with self._lock:
            return dict(self._headers), self._generation

    def secrets(self) -> list[str]:
        """The access and CSRF tokens in use, for redaction: they are secrets too. Without the lock: a log
        line written while a refresh holds it is redacted too (``_headers`` is replaced, never changed)."""
        headers = self._headers
        return [v.split(" ", 1)[-1] for v in headers.values()]

    def stale(self, status: int) -> bool:
        """Whether an answer says the renewable credentials went stale."""
        return (status == 401 and bool(self.config.oauth2)) or (status == 403 and bool(self.config.csrf))

    def refresh(self, seen_generation: Optional[int]) -> None:
        """New credentials, unless someone renewed them since generation ``seen_generation``."""
        with self._lock:
            if seen_generation is not None and seen_generation != self._generation:
                return
            if self._ready and seen_generation is None:
                return
            headers: dict[str, str] = {}
            if self.config.oauth2:
                headers["Authorization"] = f"Bearer {self._access_token(self.config.oauth2)}"
            if self.config.csrf:
                headers[self.config.csrf.header] = self._csrf_token(self.config.csrf, headers)
            self._headers = headers
            self._generation += 1
            self._ready = True

    def _access_token(self, oauth2: OAuth2Config) -> str:
        c = self.config
        url = self._url_for(oauth2.token_url)
        form = {"grant_type": "password", "username": c.username or "", "password": c.password or ""}
        if oauth2.client_id:
            form["client_id"] = oauth2.client_id
        response = self._fetch("POST", url, data=form)
        token = isinstance(response.body, dict) and response.body.get("access_token")
        if response.status != 200 or not token:
            raise self._refused("POST", url, response)
        return str(token)

    def _csrf_token(self, csrf: CsrfConfig, headers: Mapping[str, str]) -> str:
        url = self._url_for(csrf.path)
        response = self._fetch("GET", url, headers=headers)
        if response.status >= 400:
            raise self._refused("GET", url, response)
        token = self.session.cookies.get(csrf.cookie)
        if not token:
            raise ApiError("GET", url, response.status, f"no '{csrf.cookie}' cookie was set; check csrf_cookie")
        return token

    def _refused(self, method: str, url: str, response: Response) -> ApiError:
        from keyform.client.errors import api_message, redact

        text = redact(api_message(response.body, str(response.body or "")), self.config.secrets())
        return ApiError(method, url, response.status, text, response.body)
