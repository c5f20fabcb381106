"""Serve a simulator app on loopback in a background thread, with cheroot: HTTPS by default.

cheroot is a threaded WSGI server with TLS that keeps HTTP/1.1 connections open between requests, as the
appliances do (werkzeug's development server closes every connection). With ``settings.tls`` (the default)
it serves a certificate issued by the run's CA (``settings.ca``; see :mod:`.tls`).
"""

from __future__ import annotations

import logging
import socket
import ssl
import threading
import traceback as traceback_
from dataclasses import dataclass
from typing import Callable

from cheroot import server as cheroot_server
from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter
from flask import Flask

from keyform.simulators.common.settings import Settings
from keyform.simulators.common.tls import server_certificate

AppFactory = Callable[[Settings], Flask]

WORKER_THREADS = 16
"""Requests served at once per simulator: more than Terraform's parallelism (10), so that answers
delayed by injected latency do not queue behind each other, as they would not on an appliance."""

LISTEN_BACKLOG = 511
"""Connections the kernel completes and queues before the server accepts them, as an appliance's web server does
(Apache's and nginx's default). cheroot's own default, 5, made the kernel drop the connection requests of a
burst (a fresh provider's ten parallel calls open ten connections at once, faster than cheroot's one accepting
thread took them, while it also made their TLS handshakes): each dropped one was sent again by TCP a second
later, and its call took a second more."""

KEEP_ALIVE_CONNECTIONS = 64
"""Idle connections kept open (cheroot's default, 10, closes some of Terraform's ten plus the tests' own)."""

LOOP_TURN_SECONDS = 0.05
"""Longest wait of the connection loop for activity, and so the longest a stop waits for it."""

STOP_SECONDS = 5
"""Longest a stop waits for the worker threads to finish what they are answering."""


log = logging.getLogger("keyform.simulators.server")

_PLAIN_HTTP_MESSAGE = b"The client sent a plain HTTP request, but this port only speaks HTTPS."
PLAIN_HTTP_REFUSAL = (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                      b"Content-Length: %d\r\n\r\n%s" % (len(_PLAIN_HTTP_MESSAGE), _PLAIN_HTTP_MESSAGE))


class _HandshakeInWorker(BuiltinSSLAdapter):
    """cheroot's TLS, the handshake left to the worker thread that serves the connection
    (:class:`_Connection`), as an appliance's web server does. cheroot's own adapter made each handshake on
    its one accepting thread: a client that connected and said nothing held back every new connection for
    cheroot's whole time-out (10 s)."""

    def wrap(self, sock: socket.socket) -> tuple[ssl.SSLSocket, dict]:
        tls = self.context.wrap_socket(sock, do_handshake_on_connect=False, server_side=True)
        return tls, {"wsgi.url_scheme": "https", "HTTPS": "on"}  # the simulators read no other TLS detail


class _Connection(cheroot_server.HTTPConnection):
    """A connection whose TLS handshake (if any) is made before its first request, on its worker thread."""

    _handshake_done = False

    def communicate(self) -> bool:
        if not self._handshake_done and isinstance(self.socket, ssl.SSLSocket):
            if not self._handshake():
                return False  # closed: no request can follow a failed handshake
        return bool(super().communicate())

    def _handshake(self) -> bool:
        try:
            self.socket.do_handshake()
        except ssl.SSLError as error:
            if "http request" in str(error).lower():  # plain HTTP to the HTTPS port: say so, in plain HTTP
                _send_raw(self.socket, PLAIN_HTTP_REFUSAL)
            log.info("TLS handshake with %s failed: %s", self.remote_addr, error)
            return False
        except OSError as error:  # the client left, or said nothing in time
            log.info("TLS handshake with %s did not complete: %s", self.remote_addr, error)
            return False
        self._handshake_done = True
        return True


def _send_raw(tls: ssl.SSLSocket, data: bytes) -> None:
    """``data`` on the TCP connection under ``tls``, unencrypted (its handshake failed: nothing is encrypted)."""
    try:
        with socket.socket(fileno=socket.dup(tls.fileno())) as raw:
            raw.sendall(data)
    except OSError:
        pass  # the client is gone


class _Server(wsgi.Server):
    """cheroot's server, its complaints logged instead of written to stderr."""

    def error_log(self, msg: str = "", level: int = logging.INFO, traceback: bool = False) -> None:
        log.log(level, "%s%s", msg, "\n" + traceback_.format_exc() if traceback else "")

    @staticmethod
    def bind_socket(socket_: socket.socket, bind_addr: tuple) -> socket.socket:
        """Bind with SO_REUSEADDR on a free port too (cheroot sets it only on a given port). Linux lets a listener
        bind over TIME_WAIT connections only when both had it, and a Vault simulator closes its peers' connections
        first, leaving TIME_WAIT ones on its port: without it, listening again on that port (``--reuse-ports``,
        the main job's second run) failed for a minute and the secondaries' stored primary address went stale."""
        socket_.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        socket_.bind(bind_addr)
        return socket_


@dataclass
class RunningServer:
    settings: Settings
    server: _Server
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.settings.url

    @property
    def app(self) -> Flask:
        """The simulator's Flask app (tests reach its store through ``app.config``)."""
        app: Flask = self.server.wsgi_app
        return app

    @property
    def ca_cert_file(self) -> str | None:
        """The CA certificate a client trusts this server by (None over plain HTTP)."""
        return self.settings.ca_cert_file

    def stop(self) -> None:
        """Stop listening, close every open connection and let the worker threads finish (cheroot's stop)."""
        self.server.stop()
        self.thread.join(timeout=STOP_SECONDS)


def _placeholder_app(environ, start_response):  # pragma: no cover - replaced before serving
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]


def serve(factory: AppFactory, settings: Settings) -> RunningServer:
    """Bind first (port 0 picks a free port), then build the app knowing its own URL, then serve."""
    server = listening(settings)
    settings.port = int(server.bind_addr[1])
    scheme = "https" if settings.tls else "http"
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    settings.url = f"{scheme}://{host}:{settings.port}"
    server.wsgi_app = factory(settings)
    thread = threading.Thread(target=server.serve, name=f"sim-{settings.name}", daemon=True)
    thread.start()
    return RunningServer(settings, server, thread)


def listening(settings: Settings) -> _Server:
    """The server for ``settings``, bound and listening (raises OSError when the port is taken), not yet serving:
    the kernel queues connections to it meanwhile (``LISTEN_BACKLOG``). ``stop()`` closes it."""
    server = _Server((settings.host, settings.port), _placeholder_app, numthreads=WORKER_THREADS,
                     server_name="keyform-simulator", shutdown_timeout=STOP_SECONDS,
                     request_queue_size=LISTEN_BACKLOG)
    server.keep_alive_conn_limit = KEEP_ALIVE_CONNECTIONS
    server.expiration_interval = LOOP_TURN_SECONDS
    server.ConnectionClass = _Connection
    if settings.tls:
        certificate, key = server_certificate(settings)
        server.ssl_adapter = _HandshakeInWorker(certificate, key)
    server.prepare()
    return server
