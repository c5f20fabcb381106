"""A loopback HTTP/1.1 proxy for tests that loses answers on purpose (stdlib only).

It sits on 127.0.0.1 in front of one HTTP or HTTPS upstream (a simulator) and, for chosen requests,
lets the upstream process the request completely and then loses the answer. That is how a test
proves the provider leaves no orphan object when an appliance commits a request whose answer never
reaches the client::

    with FaultProxy(upstream_url=server.url) as proxy:            # listens on a free port at once
        proxy.add_rule(method="POST", path=r"^/api/security/key-managers$", action="reset", times=1)
        ...  # point the client at proxy.url ("http://127.0.0.1:<port>")
        assert proxy.rules_fired() == [("POST", "/api/security/key-managers", "reset")]

Actions (``add_rule(method=None, path=None, action="reset", times=None, delay_seconds=0.0)``):

``pass``
    forward the response (the default for a request no rule matches).
``reset``
    read the upstream's complete response, then close the client connection with an RST
    (SO_LINGER on, linger 0) without sending a byte of it: the client sees "connection reset".
``withhold``
    read the upstream's complete response, send nothing and keep the client connection open
    until the client closes it (a client with a read timeout sees a timeout, after which
    ``requests``/urllib3 close the connection) or the proxy stops (it then closes the connection
    with a FIN: a client without a read timeout sees "connection closed without response").
``drop_before``
    close the client connection with an RST as soon as the request head is read, without
    forwarding anything: the request provably never reached the upstream.
``error``
    answer ``status`` (default 500) with a small JSON body without forwarding anything, as a
    failing front end of the appliance would (``add_rule(..., action="error", status=503)``).

``delay_seconds`` holds the upstream's complete response that long before the action
(``pass``: forward it late; ``reset``: reset late); it is ignored by ``drop_before``.

Rules are tried in the order they were added; the first one that matches a request and has times
left fires (``times`` counts down across all connections; ``None`` means forever; ``rule.times``
shows what is left). ``method`` compares with the request method (``None``: any); ``path`` is a
regular expression searched (``re.search``) in the request path without its query string
(``None``: any). Every request of a kept-alive connection is matched on its own.

Inspection (all thread-safe, each returns a copy):

``proxy.url``           the proxy's URL: the upstream URL with the host 127.0.0.1 and the proxy's port.
``proxy.rules_fired()`` ``(method, path_without_query, action)`` in the order rules fired.
``proxy.requests``      ``(method, path_with_query, upstream_status_or_None)`` for every request seen,
                        in arrival order (``None``: no answer from the upstream, e.g. ``drop_before``).
``proxy.errors``        short descriptions of failures (bad framing, upstream unreachable or closing
                        before answering); never contains headers or bodies.
``proxy.clear_rules()`` removes every rule (the history above stays).
``proxy.stop()``        stops listening, closes every connection and joins every thread (within a
                        few seconds at most; safe to call twice). ``FaultProxy`` is also a context
                        manager that stops on exit.

Behaviour worth knowing:

* Requests are forwarded byte for byte (Host header included). Each client connection gets its own
  upstream connection, opened at its first request and reopened before a request if the upstream
  closed it meanwhile. A request is never sent twice: if the upstream closes the connection
  without answering, the proxy closes the client connection (FIN) and notes it in ``errors``;
  if the upstream cannot be reached at all, likewise.
* Framing: request bodies by Content-Length or chunked (forwarded as is, trailers included);
  responses by Content-Length, chunked or the end of the connection; no body for HEAD, 1xx, 204
  and 304. ``Connection: close`` (or HTTP/1.0 without keep-alive) on either side closes both
  connections after the exchange. Interim 1xx answers are forwarded with the final answer;
  ``101 Switching Protocols`` is not supported (the connection is closed). For
  ``Expect: 100-continue`` the proxy itself answers ``100 Continue`` to the client (before any
  rule action other than ``drop_before``) and drops the upstream's own ``100 Continue``.
* HTTPS: ``FaultProxy(upstream_url="https://…", ca_cert_file=CA, certificate=(cert, key))`` verifies the
  upstream by ``ca_cert_file`` and serves TLS to its clients with ``certificate`` (PEM files); the proxy's URL
  is then https too. TLS ends at the proxy: it forwards the decrypted bytes.
* One thread per client connection (names ``faultproxy-<port>-accept`` and
  ``faultproxy-<port>-conn-<n>``, daemon threads). Nothing is logged; bodies and headers are only
  held while a request is being forwarded.
"""

from __future__ import annotations

import itertools
import re
import select
import socket
import ssl
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit, urlunsplit

ACTIONS = ("pass", "reset", "withhold", "drop_before", "error")

POLL_SECONDS = 0.1
"""Longest a blocked read or write waits before looking whether the proxy is stopping."""

CONNECT_TIMEOUT_SECONDS = 5.0
JOIN_TIMEOUT_SECONDS = 5.0
MAX_HEAD_BYTES = 64 * 1024
"""Longest request or response head (and chunk-size line, and trailer section) accepted."""

_CRLF_LINES = (b"\r\n", b"\n")


class _Stopped(Exception):
    """The proxy is stopping."""


class _Closed(Exception):
    """The peer closed the connection in the middle of a message."""


class _ProtocolError(Exception):
    """A message the proxy cannot frame (the text never quotes the message)."""


@dataclass
class Rule:
    """One fault rule; ``times`` is what is left (``None``: forever)."""

    method: Optional[str]
    path: Optional[str]
    action: str
    times: Optional[int]
    delay_seconds: float = 0.0
    status: int = 500
    pattern: Optional[re.Pattern] = field(default=None, repr=False)

    def matches(self, method: str, path: str) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        if self.method is not None and self.method != method:
            return False
        return self.pattern is None or self.pattern.search(path) is not None


class _Stream:
    """A socket with a read buffer; every wait is cut in POLL_SECONDS turns that check ``stopping``."""

    def __init__(self, sock: socket.socket, stopping: threading.Event):
        self.sock = sock
        self.stopping = stopping
        self.buf = bytearray()
        sock.settimeout(POLL_SECONDS)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def recv_more(self) -> bool:
        """Append what arrives to the buffer; False at the end of the stream."""
        while True:
            if self.stopping.is_set():
                raise _Stopped()
            try:
                data = self.sock.recv(65536)
            except TimeoutError:
                continue
            except (ssl.SSLEOFError, ssl.SSLZeroReturnError):
                return False
            if not data:
                return False
            self.buf += data
            return True

    def send_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            if self.stopping.is_set():
                raise _Stopped()
            try:
                sent = self.sock.send(view)
            except TimeoutError:
                continue
            view = view[sent:]

    def read_line(self, limit: int = MAX_HEAD_BYTES) -> bytes:
        searched = 0
        while True:
            end = self.buf.find(b"\n", searched)
            if end >= 0:
                line = bytes(self.buf[: end + 1])
                del self.buf[: end + 1]
                return line
            searched = len(self.buf)
            if searched > limit:
                raise _ProtocolError("line too long")
            if not self.recv_more():
                raise _Closed()

    def read_exact(self, size: int) -> bytes:
        while len(self.buf) < size:
            if not self.recv_more():
                raise _Closed()
        data = bytes(self.buf[:size])
        del self.buf[:size]
        return data

    def read_to_end(self) -> bytes:
        while self.recv_more():
            pass
        data = bytes(self.buf)
        self.buf.clear()
        return data

    def read_head(self) -> Optional[bytes]:
        """A message head up to its blank line; None if the stream ends before a message starts."""
        head = bytearray()
        while True:
            if not head and not self.buf and not self.recv_more():
                return None
            line = self.read_line()
            if not head and line in _CRLF_LINES:
                continue  # empty lines before a request line are allowed (RFC 9112 2.2)
            head += line
            if len(head) > MAX_HEAD_BYTES:
                raise _ProtocolError("head too long")
            if line in _CRLF_LINES:
                return bytes(head)

    def idle_and_open(self) -> bool:
        """Whether the connection can carry a new request: nothing buffered, nothing to read, not closed."""
        if self.buf:
            return False
        if isinstance(self.sock, ssl.SSLSocket):  # no MSG_PEEK through TLS: readable means data or the end
            try:
                return not self.sock.pending() and not select.select([self.sock], [], [], 0)[0]
            except (OSError, ValueError):
                return False
        try:
            self.sock.setblocking(False)
            try:
                self.sock.recv(1, socket.MSG_PEEK)
            finally:
                self.sock.settimeout(POLL_SECONDS)
        except BlockingIOError:
            return True
        except OSError:
            return False
        return False  # end of stream, or bytes nobody asked for

    def close(self) -> None:
        self.sock.close()

    def reset(self) -> None:
        """Close with an RST instead of a FIN."""
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        self.sock.close()


class _Head:
    def __init__(self, raw: bytes):
        self.raw = raw
        lines = raw.decode("latin-1").split("\n")
        self.first = lines[0].rstrip("\r")
        self.headers: list[tuple[str, str]] = []
        for line in lines[1:]:
            line = line.rstrip("\r")
            if not line:
                continue
            name, sep, value = line.partition(":")
            if not sep or not name or name != name.strip():
                raise _ProtocolError("malformed header line")
            self.headers.append((name.lower(), value.strip()))

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key == name]

    def tokens(self, name: str) -> list[str]:
        return [t.strip().lower() for value in self.values(name) for t in value.split(",") if t.strip()]


def _keep_alive(version: str, head: _Head) -> bool:
    tokens = head.tokens("connection")
    if "close" in tokens:
        return False
    if version.upper() == "HTTP/1.1":
        return True
    return "keep-alive" in tokens


def _read_chunked(stream: _Stream) -> bytes:
    raw = bytearray()
    while True:
        line = stream.read_line()
        raw += line
        size_text = line.split(b";", 1)[0].strip()
        if not size_text or any(c not in b"0123456789abcdefABCDEF" for c in size_text):
            raise _ProtocolError("bad chunk size")
        size = int(size_text, 16)
        if size == 0:
            trailers = 0
            while True:
                line = stream.read_line()
                raw += line
                trailers += len(line)
                if trailers > MAX_HEAD_BYTES:
                    raise _ProtocolError("trailers too long")
                if line in _CRLF_LINES:
                    return bytes(raw)
        raw += stream.read_exact(size)
        end = stream.read_line()
        if end not in _CRLF_LINES:
            raise _ProtocolError("chunk not followed by CRLF")
        raw += end


def _read_body(stream: _Stream, head: _Head, *, request: bool) -> tuple[bytes, bool]:
    """The body as sent (chunk framing included) and whether it was delimited by the end of the stream."""
    codings = head.tokens("transfer-encoding")
    if codings:
        if codings[-1] == "chunked":
            return _read_chunked(stream), False
        if request:
            raise _ProtocolError("request transfer-encoding does not end with chunked")
        return stream.read_to_end(), True
    lengths = {v.strip() for value in head.values("content-length") for v in value.split(",")}
    if lengths:
        if len(lengths) != 1:
            raise _ProtocolError("conflicting content-length")
        (length,) = lengths
        if not length.isdigit():
            raise _ProtocolError("bad content-length")
        return stream.read_exact(int(length)), False
    if request:
        return b"", False
    return stream.read_to_end(), True


class FaultProxy:
    """See the module docstring."""

    def __init__(self, upstream_url: str, ca_cert_file: Optional[str] = None,
                 certificate: Optional[tuple[str, str]] = None):
        parts = urlsplit(upstream_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("upstream_url must be an http:// or https:// URL with a host")
        self._upstream = (parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        self._upstream_host = parts.hostname
        self._client_tls: Optional[ssl.SSLContext] = None
        self._server_tls: Optional[ssl.SSLContext] = None
        if parts.scheme == "https":
            if not ca_cert_file or not certificate:
                raise ValueError("an https:// upstream needs ca_cert_file and certificate (cert, key)")
            self._client_tls = ssl.create_default_context(cafile=ca_cert_file)
            self._server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._server_tls.load_cert_chain(*certificate)
        self._lock = threading.Lock()
        self._rules: list[Rule] = []
        self._fired: list[tuple[str, str, str]] = []
        self._requests: list[tuple[str, str, Optional[int]]] = []
        self._errors: list[str] = []
        self._threads: set[threading.Thread] = set()
        self._numbers = itertools.count(1)
        self._stopping = threading.Event()
        self._stopped = False

        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self._listener.bind(("127.0.0.1", 0))
            self._listener.listen(128)
            self._listener.settimeout(POLL_SECONDS)
        except BaseException:
            self._listener.close()
            raise
        self.port: int = self._listener.getsockname()[1]
        self.url: str = urlunsplit((parts.scheme, f"127.0.0.1:{self.port}", parts.path, parts.query, parts.fragment))
        self._accept_thread = threading.Thread(
            target=self._accept_loop, name=f"faultproxy-{self.port}-accept", daemon=True
        )
        self._accept_thread.start()

    # -- rules and history -------------------------------------------------------------------------

    def add_rule(self, method: Optional[str] = None, path: Optional[str] = None, action: str = "reset",
                 times: Optional[int] = None, delay_seconds: float = 0.0, status: int = 500) -> Rule:
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {ACTIONS}")
        if times is not None and times < 1:
            raise ValueError("times must be None or at least 1")
        if delay_seconds < 0:
            raise ValueError("delay_seconds must not be negative")
        rule = Rule(method.upper() if method else None, path, action, times, float(delay_seconds), int(status),
                    re.compile(path) if path is not None else None)
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear_rules(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules_fired(self) -> list[tuple[str, str, str]]:
        with self._lock:
            return list(self._fired)

    @property
    def requests(self) -> list[tuple[str, str, Optional[int]]]:
        with self._lock:
            return list(self._requests)

    @property
    def errors(self) -> list[str]:
        with self._lock:
            return list(self._errors)

    def _fire(self, method: str, path: str) -> Optional[Rule]:
        with self._lock:
            for rule in self._rules:
                if rule.matches(method, path):
                    if rule.times is not None:
                        rule.times -= 1
                    self._fired.append((method, path, rule.action))
                    return rule
        return None

    def _note_request(self, method: str, target: str) -> int:
        with self._lock:
            self._requests.append((method, target, None))
            return len(self._requests) - 1

    def _note_status(self, index: int, status: int) -> None:
        with self._lock:
            method, target, _ = self._requests[index]
            self._requests[index] = (method, target, status)

    def _note_error(self, text: str) -> None:
        with self._lock:
            self._errors.append(text)

    # -- lifecycle ---------------------------------------------------------------------------------

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._stopping.set()
        deadline = time.monotonic() + JOIN_TIMEOUT_SECONDS
        self._accept_thread.join(timeout=JOIN_TIMEOUT_SECONDS)
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def __enter__(self) -> "FaultProxy":
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _accept_loop(self) -> None:
        try:
            while not self._stopping.is_set():
                try:
                    sock, _ = self._listener.accept()
                except TimeoutError:
                    continue
                except OSError:
                    time.sleep(POLL_SECONDS)  # e.g. out of file descriptors: try again
                    continue
                thread = threading.Thread(target=self._connection, args=(sock,),
                                          name=f"faultproxy-{self.port}-conn-{next(self._numbers)}", daemon=True)
                with self._lock:
                    self._threads.add(thread)
                try:
                    thread.start()
                except BaseException:
                    with self._lock:
                        self._threads.discard(thread)
                    sock.close()
                    raise
        except Exception as exc:  # never let a thread die with a traceback
            self._note_error(f"accept loop: {type(exc).__name__}")
        finally:
            self._listener.close()

    # -- one client connection ---------------------------------------------------------------------

    def _connection(self, sock: socket.socket) -> None:
        client: Optional[_Stream] = None
        upstream: Optional[_Stream] = None
        where = "client"
        what = "connection"
        try:
            if self._server_tls is not None:
                sock.settimeout(CONNECT_TIMEOUT_SECONDS)
                sock = self._server_tls.wrap_socket(sock, server_side=True)
            client = _Stream(sock, self._stopping)
            while True:
                where = "client"
                raw = client.read_head()
                if raw is None:
                    return
                head = _Head(raw)
                parts = head.first.split(" ")
                if len(parts) != 3 or not parts[2].upper().startswith("HTTP/"):
                    raise _ProtocolError("malformed request line")
                method, target, version = parts
                path = urlsplit(target).path if "://" in target else target.split("?", 1)[0]
                what = f"{method} {path}"
                index = self._note_request(method, target)
                rule = self._fire(method, path)
                action = rule.action if rule else "pass"
                if action == "drop_before":
                    client.reset()
                    return
                has_body = bool(head.tokens("transfer-encoding") or head.values("content-length"))
                send_continue = has_body and "100-continue" in head.tokens("expect")
                if send_continue:
                    client.send_all(b"HTTP/1.1 100 Continue\r\n\r\n")
                body, _ = _read_body(client, head, request=True)
                if action == "error":
                    text = b'{"error": {"code": "%d", "message": "injected by the fault proxy"}}' % rule.status
                    client.send_all(b"HTTP/1.1 %d Injected\r\nContent-Type: application/json\r\n"
                                    b"Content-Length: %d\r\n\r\n%s" % (rule.status, len(text), text))
                    if not _keep_alive(version, head):
                        return
                    continue

                where = "upstream"
                upstream = self._send_upstream(upstream, raw + body)
                response, status, upstream_alive = self._read_response(upstream, method, send_continue)
                self._note_status(index, status)
                if not upstream_alive:
                    upstream.close()
                    upstream = None

                where = "client"
                if rule and rule.delay_seconds and self._stopping.wait(rule.delay_seconds):
                    return
                if action == "reset":
                    client.reset()
                    return
                if action == "withhold":
                    while client.recv_more():  # until the client gives up (or the proxy stops)
                        client.buf.clear()
                    return
                client.send_all(response)
                if not (upstream_alive and _keep_alive(version, head)):
                    return
        except _Stopped:
            pass
        except (_Closed, OSError) as exc:
            if where == "upstream":
                self._note_error(f"{what}: upstream {type(exc).__name__.lstrip('_')}")
        except _ProtocolError as exc:
            self._note_error(f"{what}: {where} {exc}")
        except Exception as exc:  # never let a thread die with a traceback
            self._note_error(f"{what}: {type(exc).__name__}")
        finally:
            if upstream is not None:
                upstream.close()
            if client is not None:
                client.close()
            else:
                sock.close()
            with self._lock:
                self._threads.discard(threading.current_thread())

    def _send_upstream(self, upstream: Optional[_Stream], data: bytes) -> _Stream:
        """Send a request on the connection if it is still open, else on a new one."""
        if upstream is not None and not upstream.idle_and_open():
            upstream.close()
            upstream = None
        if upstream is not None:
            try:
                upstream.send_all(data)
                return upstream
            except OSError:
                # Not all sent, so not a complete request upstream: send it again on a new connection.
                upstream.close()
        sock = socket.create_connection(self._upstream, timeout=CONNECT_TIMEOUT_SECONDS)
        if self._client_tls is not None:
            try:
                sock = self._client_tls.wrap_socket(sock, server_hostname=self._upstream_host)
            except BaseException:
                sock.close()
                raise
        upstream = _Stream(sock, self._stopping)
        try:
            upstream.send_all(data)
        except BaseException:
            upstream.close()
            raise
        return upstream

    @staticmethod
    def _read_response(upstream: _Stream, method: str, drop_continue: bool) -> tuple[bytes, int, bool]:
        """The complete answer (interim answers first), its final status, whether the connection lives on."""
        answer = bytearray()
        while True:
            raw = upstream.read_head()
            if raw is None:
                raise _Closed()
            head = _Head(raw)
            parts = head.first.split(" ", 2)
            if len(parts) < 2 or not parts[0].upper().startswith("HTTP/") or not parts[1].isdigit():
                raise _ProtocolError("malformed status line")
            version, status = parts[0], int(parts[1])
            if 100 <= status < 200:
                if status == 101:
                    raise _ProtocolError("101 Switching Protocols is not supported")
                if not (drop_continue and status == 100):
                    answer += raw
                continue
            answer += raw
            if method.upper() == "HEAD" or status in (204, 304):
                body, to_end = b"", False
            else:
                body, to_end = _read_body(upstream, head, request=False)
            answer += body
            return bytes(answer), status, not to_end and _keep_alive(version, head)
