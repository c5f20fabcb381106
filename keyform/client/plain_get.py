"""Reads sent the quick way: one HTTP/1.1 GET on a kept connection, or None to send it the usual way.
Collection reads (:meth:`PlainGets.get`) and the provider's other GETs (:meth:`PlainGets.read`, through
:func:`keyform.client.paging.read`: an object read back after a create or an update, or read in a refresh).

A plan of 500 ONTAP key servers reads 125 collections, an apply of 500 reads each object back. Through requests
and urllib3 each such GET cost the provider ~1.8-2.3 ms of CPU, through ``http.client`` ~0.4 ms, sent as bytes
made here and parsed by ``httptools`` (llhttp, the parser of Node.js) ~0.15 ms (measured on one kept TLS
connection to the ONTAP simulator). ``http.client`` parses a header block with the ``email`` package and
validates every header it sends in Python; the answer's framing (length, chunks, keep-alive) is llhttp's here.

Only the plain case is sent here, and anything else answers None, so the caller sends the same GET through
:class:`~keyform.client.session.RestClient` (retries, renewed credentials, pages, its errors): no proxy for the
host, no client certificate, no cookie in the session, no credentials in the URL, a URL of plain characters,
headers a request may carry as they are, a 200 answer of JSON without a next page. A GET changes nothing, so
one the quick way does not take (a 404, a 5xx, stale credentials) is sent again the usual way. It sends what
RestClient would: the session's headers and basic auth, the current credentials' headers, and it verifies the
server as RestClient does (the CA file, else requests' CA bundle; none with ``insecure``). A kept connection the
server has closed meanwhile is replaced once, as urllib3 does; a new connection that fails in any way (refused,
reset, timed out, TLS, an answer llhttp cannot parse) stops these GETs for the client: its first GET waits at
most until a call would be reported slow (:func:`.slow.after_seconds`), so a hanging appliance costs one such
wait per process before the usual path takes over.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import ssl
import threading
import time
from typing import TYPE_CHECKING, Any, Optional
from urllib.parse import urlsplit

import httptools
from requests.auth import _basic_auth_str
from requests.structures import CaseInsensitiveDict

from keyform.client import header_fields, slow
from keyform.client.errors import parse_body, safe_url
from keyform.client.keepalive import MAX_IDLE_SECONDS
from keyform.client.paging import next_href

if TYPE_CHECKING:
    from keyform.client.session import Response, RestClient

log = logging.getLogger("keyform.client")

_PLAIN_TARGET = re.compile(r"[A-Za-z0-9\-._~%/!$&'()*+,;=:@?]*")
"""A path and query of URL characters only (no space, no control character, nothing to quote)."""
READ_SIZE = 65536
_HEADER_BLOCKS_KEPT = 8
_CLOSED_MEANWHILE = (ConnectionError, ssl.SSLEOFError, ssl.SSLZeroReturnError)
"""How a kept connection the server closed while it was idle fails (reset, broken pipe, TLS or TCP end)."""


class _Answer:
    """One answer as llhttp parses it (its callbacks, by name)."""

    __slots__ = ("headers", "chunks", "complete", "messages", "parser", "keep_alive", "headers_done")

    def __init__(self) -> None:
        self.headers: list[tuple[str, str]] = []
        self.chunks: list[bytes] = []
        self.complete = False
        self.messages = 0
        self.parser: Optional[httptools.HttpResponseParser] = httptools.HttpResponseParser(self)
        self.keep_alive = False
        """Whether the connection may carry the next request: llhttp knows it only until the answer is over."""
        self.headers_done = False

    def on_message_begin(self) -> None:
        self.messages += 1
        if self.messages > 1:  # an interim (1xx) answer and its final one, or bytes nobody asked for
            raise ValueError("more than one answer to one request")

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name.decode("latin-1"), value.decode("latin-1")))

    def on_headers_complete(self) -> None:
        self.headers_done = True

    def ends_with_the_connection(self) -> bool:
        """Its headers are in and give no length: its body is what came until the server closed the connection
        (httptools cannot tell llhttp that the connection ended)."""
        names = {name.lower() for name, _ in self.headers}
        return self.headers_done and "content-length" not in names and "transfer-encoding" not in names

    def on_body(self, body: bytes) -> None:
        self.chunks.append(body)

    def on_message_complete(self) -> None:
        self.complete = True
        assert self.parser is not None
        self.keep_alive = self.parser.should_keep_alive()


class _Wire:
    """One kept HTTP/1.1 connection: a request's bytes out, its answer parsed by llhttp."""

    def __init__(self, sock: socket.socket):
        self.sock = sock

    def exchange(self, request: bytes) -> tuple[int, list[tuple[str, str]], bytes, bool]:
        """Status, headers, body, and whether the connection may carry the next request. OSError when the
        connection ends before the whole answer; httptools' HttpParserError when it is not one HTTP/1.1 answer."""
        self.sock.sendall(request)
        answer = _Answer()
        parser = answer.parser
        assert parser is not None
        while not answer.complete:
            data = self.sock.recv(READ_SIZE)
            if not data:
                if not answer.ends_with_the_connection():
                    raise ConnectionResetError("the connection ended before the whole answer")
                answer.parser = None
                return parser.get_status_code(), answer.headers, b"".join(answer.chunks), False
            parser.feed_data(data)
        answer.parser = None  # the parser holds the answer: no cycle left for the garbage collector
        return parser.get_status_code(), answer.headers, b"".join(answer.chunks), answer.keep_alive

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


def _header_block(netloc: str, sent: dict[str, Any]) -> Optional[bytes]:
    """A GET's header lines and the blank line that ends them; None when a header is not one to send as it is."""
    lines = [f"Host: {netloc}"]
    for name, value in sent.items():
        if value is None:  # requests leaves out a header set to None
            continue
        value = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        if not (header_fields.NAME.fullmatch(name) and header_fields.VALUE.fullmatch(value)):
            return None  # left to the usual path, which refuses it with its own error
        lines.append(f"{name}: {value}")
    try:
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    except UnicodeEncodeError:
        return None


class PlainGets:
    """The quick GETs of one client, over connections of their own (at most the client's pool size kept)."""

    def __init__(self, client: RestClient):
        self.client = client
        self.stopped = False
        """Set after a new connection failed: every GET then goes the usual way."""
        self._idle: dict[tuple[str, str], list[tuple[_Wire, float]]] = {}  # (scheme, host[:port]) -> kept
        self._lock = threading.Lock()
        self._context: Optional[ssl.SSLContext] = None
        self._direct_hosts: dict[tuple[str, str], bool] = {}
        self._header_blocks: dict[tuple[Any, ...], Optional[bytes]] = {}  # the header lines, by what they hold

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
        object, or a whole collection; 404 with ``allow_not_found``), or None: send it the usual way."""
        client = self.client
        if self.stopped or client.config.client_cert_file or len(client.session.cookies):
            return None
        url = client.url_for(path)
        scheme, netloc, url_path, query, _ = urlsplit(url)
        target = url_path + (f"?{query}" if query else "")
        if not (self._direct(scheme, netloc, url) and _PLAIN_TARGET.fullmatch(target)):
            return None
        request = self._request(target, netloc, client)
        if request is None:
            return None
        client._limiter.wait()
        started = time.monotonic()
        try:
            status, headers, body = self._exchange(scheme, netloc, request)
        except Exception as exc:  # noqa: BLE001 - refused, reset, timed out, TLS, not HTTP/1.1
            self.stopped = True
            log.debug("GET %s: %s on a quick read: every read now goes the usual way", safe_url(url),
                      type(exc).__name__)
            return None
        if log.isEnabledFor(logging.DEBUG):
            log.debug("GET %s -> %s (%.0f ms)", safe_url(url), status, (time.monotonic() - started) * 1000)
        found = CaseInsensitiveDict(headers)
        if found.get("Content-Encoding", "identity") != "identity":
            return None
        if status == 404 and allow_not_found:
            document = parse_body(body.decode("utf-8", "replace"))
        elif status == 200:
            try:
                document = json.loads(body)
            except ValueError:
                return None
            if next_href(document):
                return None  # not all of a collection: the usual path reads every page
        else:
            return None
        from keyform.client.session import Response  # session imports this module

        return Response(status, document, found, url)

    def _direct(self, scheme: str, netloc: str, url: str) -> bool:
        """Whether URLs of this scheme and host may go the quick way: HTTP(S), no credentials in the URL, no proxy
        (looked up once per host)."""
        direct = self._direct_hosts.get((scheme, netloc))
        if direct is None:
            direct = (scheme in ("http", "https") and "@" not in netloc
                      and not self.client._proxies_for(url))
            self._direct_hosts[(scheme, netloc)] = direct
        return direct

    def _request(self, target: str, netloc: str, client: RestClient) -> Optional[bytes]:
        """The GET's bytes, with what RestClient would send; None when a header is not one to send as it is."""
        headers, _ = client.auth.current()  # a failed log-in raises the usual path's error
        sent = {**client.session.headers, **headers, "Accept-Encoding": "identity"}
        if client.session.auth:  # requests' own header, its encoding included
            sent["Authorization"] = _basic_auth_str(*client.session.auth)  # type: ignore[misc]
        key = (netloc, *sent.items())
        block = self._header_blocks.get(key)
        if block is None:
            block = _header_block(netloc, sent)
            if len(self._header_blocks) >= _HEADER_BLOCKS_KEPT:  # credentials renewed many times: start again
                self._header_blocks.clear()
            self._header_blocks[key] = block
        return None if block is None else b"GET " + target.encode("ascii") + b" HTTP/1.1\r\n" + block

    def _exchange(self, scheme: str, netloc: str, request: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        """The answer (status, headers, body) on a kept connection, or on a new one when the kept one fails before
        its answer (the server closed it while it was idle: a GET sent again does nothing twice)."""
        wire = self._kept(scheme, netloc)
        if wire is not None:
            try:
                return self._on(wire, scheme, netloc, request)
            except _CLOSED_MEANWHILE:
                pass  # not a timeout: that would be waited for twice
        return self._on(self._connect(scheme, netloc), scheme, netloc, request)

    def _on(self, wire: _Wire, scheme: str, netloc: str, request: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        """The answer on ``wire``, which is then kept for the next GET if the answer allows, else closed."""
        try:
            status, headers, body, keep = wire.exchange(request)
        except BaseException:
            wire.close()
            raise
        self._keep(scheme, netloc, wire, keep and status >= 200)
        return status, headers, body

    def _kept(self, scheme: str, netloc: str) -> Optional[_Wire]:
        """A kept connection idle no longer than :data:`~.keepalive.MAX_IDLE_SECONDS`, or None."""
        with self._lock:
            kept = self._idle.get((scheme, netloc))
            while kept:
                wire, since = kept.pop()
                if time.monotonic() - since <= MAX_IDLE_SECONDS:
                    return wire
                wire.close()
        return None

    def _keep(self, scheme: str, netloc: str, wire: _Wire, reusable: bool) -> None:
        with self._lock:
            kept = self._idle.setdefault((scheme, netloc), [])
            if reusable and len(kept) < self.client.config.pool_size:
                kept.append((wire, time.monotonic()))
                return
        wire.close()

    def _connect(self, scheme: str, netloc: str) -> _Wire:
        split = urlsplit(f"{scheme}://{netloc}")
        host, port = split.hostname or "", split.port or (443 if scheme == "https" else 80)
        sock = socket.create_connection((host, port), timeout=slow.after_seconds(self.client.config.timeout_seconds))
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if scheme == "https":
                sock = self._tls().wrap_socket(sock, server_hostname=host)
        except BaseException:
            sock.close()
            raise
        return _Wire(sock)

    def close(self) -> None:
        """Close the kept connections."""
        with self._lock:
            kept, self._idle = self._idle, {}
        for wires in kept.values():
            for wire, _ in wires:
                wire.close()

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
