"""The REST client: one ``requests.Session`` per provider instance, shared by its threads.

What a call goes through: a safe path (:func:`~keyform.client.errors.check_path`), the
request-rate limit, the authentication headers (:mod:`.auth`), the retry policy (:mod:`.retries`:
idempotent calls are retried, others only when they provably never arrived), one renewal of stale
credentials, the expected status, and a job followed to its end (:mod:`.jobs`).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Mapping, Optional
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
from requests.cookies import extract_cookies_to_jar
from requests.structures import CaseInsensitiveDict
from urllib3.util.retry import Retry

from keyform.client import jobs, jsonpath, slow, waiting
from keyform.client.auth import STALE_RENEWALS, Authenticator
from keyform.client.config import ClientConfig, PollingConfig
from keyform.client.errors import ApiError, api_message, check_path, parse_body, redact, safe_url
from keyform.client.adapter import ClientAdapter
from keyform.client.plain_get import PlainGets
from keyform.client.retries import IDEMPOTENT_METHODS, RETRY_STATUSES, RetryPolicy, transport_error

log = logging.getLogger("keyform.client")


@dataclass
class Response:
    """An answer: its status, its body parsed as JSON (else its text, ``None`` when empty), its headers (names in
    any case) and how many times the call was sent again before it."""

    status: int
    body: Any
    headers: Mapping[str, str]
    url: str
    retries: int = 0


class _RateLimiter:
    """At most ``per_second`` requests a second across all threads (0 = no limit)."""

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.lock = threading.Lock()
        self.next_at = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            delay = self.next_at - now
            self.next_at = max(now, self.next_at) + self.interval
        if delay > 0:
            time.sleep(delay)


class RestClient:
    def __init__(self, config: ClientConfig):
        self.config = config
        self.base_url = config.base_url.rstrip("/")
        self.policy = RetryPolicy(config.retry_max, config.retry_backoff_seconds)
        self._limiter = _RateLimiter(config.rate_limit_per_second)
        self._proxies: dict[tuple[str, str], dict[str, str]] = {}
        after = config.slow_request_seconds
        self._slow = slow.SlowRequests(slow.after_seconds(config.timeout_seconds) if after is None else after)
        self.session = self._new_session()
        self.auth = Authenticator(config, self.session, self._fetch_for_auth, self.url_for)
        self.plain_gets = PlainGets(self)
        """Collection reads sent the quick way when nothing but the plain case applies (:mod:`.plain_get`)."""

    # ----------------------------------------------------------------- set-up
    def _new_session(self) -> requests.Session:
        c = self.config
        session = requests.Session()
        # requests re-reads the whole environment at every call (~20 % of a read's CPU): here proxies
        # are looked up once per host (_proxies_for), no .netrc is consulted (auth is the provider's)
        # and CA bundles are passed per request (_send_once).
        session.trust_env = False
        # urllib3 retries nothing: whether a call may be sent again is decided in _send (see retries).
        adapter = ClientAdapter(max_retries=Retry(total=0, redirect=0, raise_on_status=False),
                                pool_connections=c.pool_size, pool_maxsize=c.pool_size)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers.update({"Accept": "application/json", **c.headers})
        if c.username and c.password is not None and not c.oauth2:
            session.auth = (c.username, c.password)
        if c.bearer_token:
            session.headers["Authorization"] = f"Bearer {c.bearer_token}"
        if c.token_header and c.token:
            session.headers[c.token_header] = c.token
        if c.insecure:
            import urllib3

            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # asked for explicitly
        if c.client_cert_file:
            session.cert = (c.client_cert_file, c.client_key_file) if c.client_key_file else c.client_cert_file
        return session

    def url_for(self, path: str) -> str:
        """``path`` relative to the base URL; an absolute href (``/api/cluster/jobs/..``) already under
        the base URL's path, or a full URL, is used as is. A path that would address another resource
        ('.', '..', an empty segment) is refused."""
        if path.startswith(("http://", "https://")):
            url = path
        else:
            base_path = urlsplit(self.base_url).path.rstrip("/")
            if base_path and path.startswith(base_path + "/"):
                url = urljoin(self.base_url + "/", path)
            else:
                url = f"{self.base_url}/{path.lstrip('/')}"
        check_path(urlsplit(url).path)
        return url

    def secrets(self) -> list[str]:
        return [*self.config.secrets(), *self.auth.secrets()]

    def _proxies_for(self, url: str) -> dict[str, str]:
        """HTTP(S)_PROXY/NO_PROXY as they apply to ``url``'s host, looked up once per host."""
        host = urlsplit(url)[:2]
        proxies = self._proxies.get(host)
        if proxies is None:
            proxies = self._proxies[host] = requests.utils.get_environ_proxies(url)
        return proxies

    # --------------------------------------------------------------- requests
    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        expected: Optional[tuple[int, ...]] = None,
        polling: Optional[PollingConfig] = None,
        allow_not_found: bool = False,
        idempotent: Optional[bool] = None,
    ) -> Response:
        """Send one call with the configured auth; follow a 202 job when ``polling`` is given.

        ``idempotent`` (default: by method) says whether the call may be sent again after a lost
        answer or a 5xx; pass True for reads made with POST. Raises :class:`ApiError` for an
        unexpected status (404 is returned as is with ``allow_not_found``), a TransportError
        subclass when no answer came, JobFailed when the job failed.
        """
        waiting.check()  # before anything is sent: a call tried where it must not wait runs again where it may
        method = method.upper()
        idempotent = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        url = self.url_for(path)
        response = self._authenticated(method, url, body, idempotent)
        if response.status == 404 and allow_not_found:
            return response
        ok = response.status in expected if expected else 200 <= response.status < 300
        if not ok:
            raise self._error(method, url, response, idempotent)
        if response.status == 202 and polling is not None:
            href = jsonpath.lookup(response.body, polling.href_path, None)
            if isinstance(href, str):
                return jobs.follow(self._get, method, url, self.url_for(href), polling, self._redact)
        return response

    def _get(self, url: str) -> Response:
        return self._authenticated("GET", url, None, True)

    def _authenticated(self, method: str, url: str, body: Any, idempotent: bool) -> Response:
        """The call with the current credentials; sent again after renewing them each time they went stale, at
        most :data:`~.auth.STALE_RENEWALS` times (a stale-credential refusal means the appliance did nothing)."""
        headers, generation = self.auth.current()
        response = self._send(method, url, body, headers, idempotent)
        for _ in range(STALE_RENEWALS):
            if not self.auth.stale(response.status):
                break
            log.debug("%s from %s: renewing credentials", response.status, safe_url(url))
            self.auth.refresh(generation)
            headers, generation = self.auth.current()
            response = self._send(method, url, body, headers, idempotent)
        return response

    def _fetch_for_auth(self, method: str, url: str, data: Optional[Mapping[str, str]] = None,
                        headers: Optional[Mapping[str, str]] = None) -> Response:
        # Token and CSRF fetches have no effect to duplicate: retried like reads.
        return self._send(method, url, None, headers or {}, True, data=data)

    def _send(self, method: str, url: str, json_body: Any, headers: Mapping[str, str], idempotent: bool,
              data: Optional[Mapping[str, str]] = None) -> Response:
        attempt = 0
        started = time.monotonic()
        while True:
            try:
                response = self._send_once(method, url, json_body, headers, data, attempt, idempotent)
            except requests.exceptions.RequestException as exc:
                error, retryable = transport_error(method, url, exc, self.secrets(), self.config.timeout_seconds)
                if self.policy.retries_error(error, idempotent, attempt, retryable):
                    self._retrying(method, url, f"no answer ({error.reason})", attempt)
                    self.policy.sleep(attempt)
                    attempt += 1
                    continue
                if attempt:
                    retries = "1 retry" if attempt == 1 else f"{attempt} retries"
                    error.args = (f"{error} after {retries}, {slow.seconds(time.monotonic() - started)} s in all",)
                    log.warning("gave up: %s", error)
                raise error from None
            if self.policy.retries_status(response.status, idempotent, attempt):
                retry_after = response.headers.get("Retry-After")
                self._retrying(method, url, f"answered {response.status}", attempt, retry_after)
                self.policy.sleep(attempt, retry_after)
                attempt += 1
                continue
            response.retries = attempt
            return response

    def _retrying(self, method: str, url: str, what: str, attempt: int, retry_after: Optional[str] = None) -> None:
        if not log.isEnabledFor(logging.WARNING):
            return
        wait = self.policy.wait(attempt, retry_after)
        left = wait + self.policy.longest(self.config.timeout_seconds, attempt + 1)
        log.warning("%s %s: attempt %d of %d: %s; retrying in %g s; gives up %s", method, safe_url(url),
                    attempt + 1, self.policy.attempts(), what, wait, slow.gives_up(left))

    def _send_once(self, method: str, url: str, json_body: Any, headers: Mapping[str, str],
                   data: Optional[Mapping[str, str]], attempt: int = 0, idempotent: bool = True) -> Response:
        self._limiter.wait()
        started = time.monotonic()
        prepared = self._prepared(method, url, json_body, data, headers)
        watched = self._watch(method, url, attempt, idempotent) if self._slow.enabled() else None
        try:
            raw = self._transmit(prepared, url)
        finally:
            if watched is not None:
                self._slow.done(watched)
        log.debug("%s %s -> %s (%.0f ms)", method, safe_url(url), raw.status_code, (time.monotonic() - started) * 1000)
        # A copy that stays case-insensitive: dict(raw.headers) would miss a "retry-after".
        return Response(raw.status_code, parse_body(raw.text), CaseInsensitiveDict(raw.headers), url)

    def _prepared(self, method: str, url: str, json_body: Any, data: Optional[Mapping[str, str]],
                  headers: Mapping[str, str]) -> requests.PreparedRequest:
        """The call as ``Session.prepare_request`` makes it, without its per-call copies: the session's headers
        under the call's, the session's basic auth over both, its cookies, no params or hooks."""
        merged = CaseInsensitiveDict(self.session.headers)
        merged.update(headers)
        prepared = requests.PreparedRequest()
        prepared.prepare(method=method, url=url, headers=merged, json=json_body, data=data, auth=self.session.auth,
                         cookies=self.session.cookies)
        if prepared.url is not None:  # set by every prepare
            prepared.url = _dots_encoded(prepared.url)
        return prepared

    def _transmit(self, prepared: requests.PreparedRequest, url: str) -> requests.Response:
        """What ``Session.send`` does for a call that follows no redirect and has no hooks: the adapter's send,
        the cookies it set kept, the body read. (Its merges and copies were a quarter of a GET's CPU.)"""
        session = self.session
        # verify is passed per call: requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override a session's.
        raw = session.get_adapter(url).send(
            prepared, stream=False, timeout=self.config.timeout_seconds, cert=session.cert,
            verify=self.config.ca_cert_file or not self.config.insecure, proxies=self._proxies_for(url),
        )
        if "set-cookie" in raw.headers or "set-cookie2" in raw.headers:
            extract_cookies_to_jar(session.cookies, prepared, raw.raw)
        raw.content  # noqa: B018 - read whole, so the connection goes back to its pool
        return raw

    def _watch(self, method: str, url: str, attempt: int, idempotent: bool) -> int:
        """Log this attempt while it waits long for its answer (see :mod:`.slow`)."""
        timeout, attempts = self.config.timeout_seconds, self.policy.attempts()
        # A read is sent again after a time-out; a write that may have arrived is not.
        longest = self.policy.longest(timeout, attempt) if idempotent else timeout
        shown = safe_url(url)

        def describe(waited: float) -> str:
            left = max(0.0, longest - waited)
            return (f"{method} {shown}: no answer yet after {slow.seconds(waited)} s (attempt {attempt + 1} of "
                    f"{attempts}, each waits up to {timeout:g} s); gives up {slow.gives_up(left)}")

        return self._slow.watch(describe)

    def _redact(self, text: str) -> str:
        return redact(text, self.secrets())

    def _error(self, method: str, url: str, response: Response, idempotent: bool) -> ApiError:
        text = self._redact(api_message(response.body, str(response.body or "")))
        if response.status in RETRY_STATUSES and response.retries:
            text += f" (still {response.status} after {response.retries} retries)"
        return ApiError(method, url, response.status, text, response.body, idempotent,
                        response.headers.get("Retry-After"))


def _dots_encoded(url: str) -> str:
    """``url`` with every path segment that is exactly ``.`` or ``..`` percent-encoded again.

    requests un-escapes ``%2E`` (an unreserved character) when it prepares a URL, which would turn an
    id ``..`` back into a dot segment that servers and proxies resolve to another resource. Literal dot
    segments are refused before (:func:`~keyform.client.errors.check_path`), so any found here came
    from an encoded value.
    """
    parts = urlsplit(url)
    segments = parts.path.split("/")
    if not any(segment in (".", "..") for segment in segments):
        return url
    path = "/".join("%2E" * len(segment) if segment in (".", "..") else segment for segment in segments)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))
