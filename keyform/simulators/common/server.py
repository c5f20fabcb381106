"""Serve a simulator app on loopback in a background thread, with cheroot: HTTPS by default.

cheroot is a threaded WSGI server with TLS that keeps HTTP/1.1 connections open between requests, as the
appliances do (werkzeug's development server closes every connection). With ``settings.tls`` (the default)
it serves a certificate issued by the run's CA (``settings.ca``; see :mod:`.tls`).
"""

from __future__ import annotations

import logging
import socket
import threading
import traceback as traceback_
from dataclasses import dataclass
from typing import Callable

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
burst (a fresh provider's ten parallel calls open ten connections at once, while cheroot's loop makes one TLS
handshake at a time): each dropped one was sent again by TCP a second later, and its call took a second more."""

KEEP_ALIVE_CONNECTIONS = 64
"""Idle connections kept open (cheroot's default, 10, closes some of Terraform's ten plus the tests' own)."""

LOOP_TURN_SECONDS = 0.05
"""Longest wait of the connection loop for activity, and so the longest a stop waits for it."""

STOP_SECONDS = 5
"""Longest a stop waits for the worker threads to finish what they are answering."""


log = logging.getLogger("keyform.simulators.server")


class _Server(wsgi.Server):
    """cheroot's server, its complaints (a client refusing the certificate, plain HTTP sent to the HTTPS port)
    logged instead of written to stderr."""

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
    server = _Server((settings.host, settings.port), _placeholder_app, numthreads=WORKER_THREADS,
                     server_name="keyform-simulator", shutdown_timeout=STOP_SECONDS,
                     request_queue_size=LISTEN_BACKLOG)
    server.keep_alive_conn_limit = KEEP_ALIVE_CONNECTIONS
    server.expiration_interval = LOOP_TURN_SECONDS
    if settings.tls:
        certificate, key = server_certificate(settings)
        server.ssl_adapter = BuiltinSSLAdapter(certificate, key)
    server.prepare()  # binds and listens; raises OSError when the port is taken
    settings.port = int(server.bind_addr[1])
    scheme = "https" if settings.tls else "http"
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    settings.url = f"{scheme}://{host}:{settings.port}"
    server.wsgi_app = factory(settings)
    thread = threading.Thread(target=server.serve, name=f"sim-{settings.name}", daemon=True)
    thread.start()
    return RunningServer(settings, server, thread)
