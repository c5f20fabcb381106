"""The REST client: one ``requests.Session`` per provider instance, shared by its threads.

Retries (429/502/503/504 and connection errors, exponential backoff honouring
``Retry-After``) are urllib3's ``Retry``; this module adds what urllib3 cannot know:
the authentication flows (basic, bearer, token header, OAuth2 password grant,
CSRF session), a request-rate limit, job polling and error mapping.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Optional
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from keyform.client import jsonpath
from keyform.client.config import ClientConfig, PollingConfig
from keyform.client.errors import ApiError, JobFailed, TransportError, api_message, parse_body, redact, safe_url

log = logging.getLogger("keyform.client")

RETRY_STATUSES = (429, 502, 503, 504)


@dataclass
class Response:
    status: int
    body: Any
    headers: dict
    url: str


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
        self._auth_lock = threading.Lock()
        self._csrf_token: Optional[str] = None
        self._access_token: Optional[str] = None
        self._limiter = _RateLimiter(config.rate_limit_per_second)
        self._proxies: dict[tuple[str, str], dict] = {}
        self.session = self._new_session()

    # ----------------------------------------------------------------- set-up
    def _new_session(self) -> requests.Session:
        c = self.config
        session = requests.Session()
        # requests re-reads the whole environment at every call (~20 % of a read's CPU): here proxies
        # are looked up once per host (_proxies_for), no .netrc is consulted (auth is the provider's)
        # and CA bundles are passed per request (_send).
        session.trust_env = False
        retry = Retry(
            total=c.retry_max,
            connect=c.retry_max,
            read=c.retry_max,
            status=c.retry_max,
            other=0,
            allowed_methods=None,  # RPC-style APIs mutate with POST; the listed statuses mean "not done"
            status_forcelist=RETRY_STATUSES,
            backoff_factor=c.retry_backoff_seconds,
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_connections=c.pool_size, pool_maxsize=c.pool_size)
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
        the base URL's path, or a full URL, is used as is."""
        if path.startswith(("http://", "https://")):
            return path
        base_path = urlsplit(self.base_url).path.rstrip("/")
        if base_path and path.startswith(base_path + "/"):
            return urljoin(self.base_url + "/", path)
        return f"{self.base_url}/{path.lstrip('/')}"

    # ------------------------------------------------------------- auth flows
    def _ensure_auth(self, force: bool = False) -> None:
        c = self.config
        with self._auth_lock:
            if c.oauth2 and (force or not self._access_token):
                self._access_token = self._fetch_access_token()
                self.session.headers["Authorization"] = f"Bearer {self._access_token}"
                force = True  # a new session needs a new CSRF token
            if c.csrf and (force or not self._csrf_token):
                self._csrf_token = self._fetch_csrf_token()

    def _fetch_access_token(self) -> str:
        c = self.config
        url = self.url_for(c.oauth2.token_url)
        form = {"grant_type": "password", "username": c.username or "", "password": c.password or ""}
        if c.oauth2.client_id:
            form["client_id"] = c.oauth2.client_id
        response = self._send("POST", url, data=form)
        token = isinstance(response.body, dict) and response.body.get("access_token")
        if response.status != 200 or not token:
            raise self._error("POST", url, response)
        return token

    def _fetch_csrf_token(self) -> str:
        c = self.config
        url = self.url_for(c.csrf.path)
        response = self._send("GET", url)
        if response.status >= 400:
            raise self._error("GET", url, response)
        token = self.session.cookies.get(c.csrf.cookie)
        if not token:
            raise ApiError("GET", url, response.status, f"no '{c.csrf.cookie}' cookie was set; check csrf_cookie")
        self.session.headers[c.csrf.header] = token
        return token

    def _proxies_for(self, url: str) -> dict:
        """HTTP(S)_PROXY/NO_PROXY as they apply to ``url``'s host, looked up once per host."""
        host = urlsplit(url)[:2]
        proxies = self._proxies.get(host)
        if proxies is None:
            proxies = self._proxies[host] = requests.utils.get_environ_proxies(url)
        return proxies

    # --------------------------------------------------------------- requests
    def _send(self, method: str, url: str, json_body: Any = None, data: Any = None) -> Response:
        self._limiter.wait()
        started = time.monotonic()
        try:
            # verify is passed per request: requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override a session's.
            raw = self.session.request(
                method, url, json=json_body, data=data, timeout=self.config.timeout_seconds, allow_redirects=False,
                verify=self.config.ca_cert_file or not self.config.insecure, proxies=self._proxies_for(url),
            )
        except requests.exceptions.RetryError as exc:
            raise TransportError(method, url, f"gave up after {self.config.retry_max} retries: {_reason(exc)}") from None
        except requests.exceptions.RequestException as exc:
            raise TransportError(method, url, redact(_reason(exc), self.config.secrets())) from None
        log.debug("%s %s -> %s (%.0f ms)", method, safe_url(url), raw.status_code, (time.monotonic() - started) * 1000)
        return Response(raw.status_code, parse_body(raw.text), dict(raw.headers), url)

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        expected: Optional[tuple[int, ...]] = None,
        polling: Optional[PollingConfig] = None,
        allow_not_found: bool = False,
    ) -> Response:
        """Send one request with the configured auth; follow a 202 job when ``polling`` is given.

        Raises :class:`ApiError` for an unexpected status (404 is returned as is with ``allow_not_found``).
        """
        method = method.upper()
        url = self.url_for(path)
        self._ensure_auth()
        response = self._send(method, url, json_body=body)
        if response.status == 401 and self.config.oauth2:
            self._ensure_auth(force=True)
            response = self._send(method, url, json_body=body)
        if response.status == 403 and self.config.csrf:
            log.debug("403 from %s: fetching a fresh CSRF token once", safe_url(url))
            self._ensure_auth(force=True)
            response = self._send(method, url, json_body=body)
        if response.status == 404 and allow_not_found:
            return response
        ok = response.status in expected if expected else 200 <= response.status < 300
        if not ok:
            raise self._error(method, url, response)
        if response.status == 202 and polling is not None:
            href = jsonpath.lookup(response.body, polling.href_path, None)
            if isinstance(href, str):
                return self._poll(method, url, href, polling)
        return response

    def _poll(self, method: str, url: str, href: str, polling: PollingConfig) -> Response:
        job_url = self.url_for(href)
        deadline = time.monotonic() + polling.timeout_seconds
        while True:
            job = self._send("GET", job_url)
            if job.status >= 400:
                raise self._error("GET", job_url, job)
            state = str(jsonpath.lookup(job.body, polling.state_path, ""))
            if state in polling.success_states:
                return job
            if state in polling.failure_states:
                message = jsonpath.lookup(job.body, polling.message_path, "") or "(no message)"
                code = jsonpath.lookup(job.body, polling.code_path, None)
                text = f"error {code}: {message}" if code not in (None, "", 0) else str(message)
                raise JobFailed(method, url, job_url, redact(text, self.config.secrets()))
            if time.monotonic() > deadline:
                raise JobFailed(method, url, job_url, f"still '{state}' after {polling.timeout_seconds:g} s")
            time.sleep(polling.interval_seconds)

    def _error(self, method: str, url: str, response: Response) -> ApiError:
        text = redact(api_message(response.body, str(response.body or "")), self.config.secrets())
        if response.status in RETRY_STATUSES and self.config.retry_max:
            text += f" (still {response.status} after {self.config.retry_max} retries)"
        return ApiError(method, url, response.status, text, response.body)


def _reason(exc: Exception) -> str:
    """The innermost cause, without the noisy urllib3 object reprs."""
    cause: Any = exc
    while getattr(cause, "__context__", None) is not None or getattr(cause, "reason", None) is not None:
        nxt = getattr(cause, "reason", None) or cause.__context__
        if nxt is None or nxt is cause or isinstance(nxt, str):
            break
        cause = nxt
    text = str(cause)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        detail = text.split("certificate verify failed:", 1)[-1].split("(_ssl", 1)[0].strip(" :")
        return (f"TLS certificate verify failed: {detail}; set ca_cert_file to the CA that signed the appliance's "
                "certificate (insecure = true only for tests)")
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    if "Name or service not known" in text or "Temporary failure in name resolution" in text:
        return "host name not found"
    if "timed out" in text.lower():
        return "timed out"
    return text.split(": ", 1)[-1][:200]
