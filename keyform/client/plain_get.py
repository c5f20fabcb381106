"""Reads sent the quick way: one ``http.client`` GET on a kept connection, or None to send it the usual way.
Collection reads (:meth:`PlainGets.get`) and the provider's other GETs (:meth:`PlainGets.read`, through
:func:`keyform.client.paging.read`: an object read back after a create or an update, or read in a refresh).

A plan of 500 ONTAP key servers reads 125 collections. Through requests and urllib3 each such GET cost the
provider ~1.8-2.3 ms of CPU (a quarter to a third of its planning process), on http.client ~0.9-1.2 ms
(measured in warm plans of 500: the collection reads' CPU went from 0.21-0.31 s to 0.11-0.15 s a plan).
Fewer layers run less Python, and make fewer system calls, each of which hands the interpreter to the
provider's other thread and has to win it back.

Only the plain case is sent here, and anything else answers None, so the caller sends the same GET through
:class:`~keyform.client.session.RestClient` (retries, renewed credentials, pages, its errors): no proxy for the
host, no client certificate, no cookie in the session, a URL of plain characters, a 200 answer of JSON without
a next page. A GET changes nothing, so one the quick way does not take (a 404, a 5xx, stale credentials) is
sent again the usual way. It sends what RestClient would: the session's headers and basic auth, the current
credentials' headers, and it verifies the server as RestClient does (the CA file, else requests' CA bundle; none
with ``insecure``). A connection that fails in any way (refused, reset, timed out, TLS) stops these GETs for the
client: its first GET waits at most until a call would be reported slow (:func:`.slow.after_seconds`), so a
hanging appliance costs one such wait per process before the usual path takes over.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import ssl
import threading
import time
from typing import TYPE_CHECKING, Any, Optional
from urllib.parse import urlsplit

from requests.auth import _basic_auth_str

from keyform.client import slow
from keyform.client.errors import parse_body, safe_url
from keyform.client.keepalive import MAX_IDLE_SECONDS
from keyform.client.paging import next_href

if TYPE_CHECKING:
    from keyform.client.session import Response, RestClient

log = logging.getLogger("keyform.client")

_PLAIN_TARGET = re.compile(r"[A-Za-z0-9\-._~%/!$&'()*+,;=:@?]*")
"""A path and query of URL characters only (no space, no control character, nothing to quote)."""
_Connection = http.client.HTTPConnection


class PlainGets:
    """The quick GETs of one client, over connections of their own (at most the client's pool size kept)."""

    def __init__(self, client: RestClient):
        self.client = client
        self.stopped = False
        """Set after a connection failed: every GET then goes the usual way."""
        self._idle: list[tuple[_Connection, float]] = []
        self._lock = threading.Lock()
        self._context: Optional[ssl.SSLContext] = None

    def get(self, path: str) -> Optional[Any]:
        """The JSON body of ``GET path`` answered 200 with a whole collection, or None: send it the usual way."""
        answered = self.read(path)
        if answered is None:
            return None
        document = answered.body
        if not isinstance(document, dict) or not isinstance(document.get("records"), list):
            return None  # not a collection
        return document

    def read(self, path: str, allow_not_found: bool = False) -> Optional[Response]:
        """``GET path`` as the usual call answers it (200 with JSON that is not a page of a longer collection: an
        object, or a whole collection; 404 with ``allow_not_found``), or None: send it the usual way. An object's
        read (after a create or an update, or in a refresh no collection serves) costs ~1 ms of CPU less than
        through requests."""
        client = self.client
        if self.stopped or client.config.client_cert_file or len(client.session.cookies):
            return None
        url = client.url_for(path)
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.scheme not in ("http", "https") or not _PLAIN_TARGET.fullmatch(target) or client._proxies_for(url):
            return None
        headers, _ = client.auth.current()  # a failed log-in raises the usual path's error
        sent = {**client.session.headers, **headers, "Accept-Encoding": "identity"}
        if client.session.auth:  # requests' own header, its encoding included
            sent["Authorization"] = _basic_auth_str(*client.session.auth)  # type: ignore[misc]
        client._limiter.wait()
        started = time.monotonic()
        connection = self._connection(parts.scheme, parts.hostname or "", parts.port)
        try:
            connection.request("GET", target, headers=sent)
            answer = connection.getresponse()
            body = answer.read()
        except Exception as exc:  # noqa: BLE001 - refused, reset, timed out, TLS, a header http.client refuses
            connection.close()
            self.stopped = True
            log.debug("GET %s: %s on a quick read: every read now goes the usual way", safe_url(url),
                      type(exc).__name__)
            return None
        log.debug("GET %s -> %s (%.0f ms)", safe_url(url), answer.status, (time.monotonic() - started) * 1000)
        if answer.will_close:
            connection.close()
        else:
            with self._lock:
                if len(self._idle) < client.config.pool_size:
                    self._idle.append((connection, time.monotonic()))
        if answer.getheader("Content-Encoding", "identity") != "identity":
            return None
        if answer.status == 404 and allow_not_found:
            document = parse_body(body.decode("utf-8", "replace"))
        elif answer.status == 200:
            try:
                document = json.loads(body)
            except ValueError:
                return None
            if next_href(document):
                return None  # not all of a collection: the usual path reads every page
        else:
            return None
        from requests.structures import CaseInsensitiveDict

        from keyform.client.session import Response

        return Response(answer.status, document, CaseInsensitiveDict(answer.getheaders()), url)

    def _connection(self, scheme: str, host: str, port: Optional[int]) -> _Connection:
        """A kept connection idle no longer than :data:`~.keepalive.MAX_IDLE_SECONDS`, else a new one."""
        with self._lock:
            while self._idle:
                connection, since = self._idle.pop()
                if time.monotonic() - since <= MAX_IDLE_SECONDS:
                    return connection
                connection.close()
        timeout = slow.after_seconds(self.client.config.timeout_seconds)
        if scheme == "http":
            return http.client.HTTPConnection(host, port, timeout=timeout)
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=self._tls())

    def _tls(self) -> ssl.SSLContext:
        if self._context is None:
            config = self.client.config
            if config.insecure:
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            else:
                from requests.utils import DEFAULT_CA_BUNDLE_PATH

                where = config.ca_cert_file or DEFAULT_CA_BUNDLE_PATH
                context = (ssl.create_default_context(capath=where) if os.path.isdir(where)
                           else ssl.create_default_context(cafile=where))
            self._context = context
        return self._context
