"""Serve a simulator app on loopback in a background thread (werkzeug's threaded WSGI server)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from keyform.simulators.common.settings import Settings

AppFactory = Callable[[Settings], Flask]


@dataclass
class RunningServer:
    settings: Settings
    server: BaseWSGIServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        return self.settings.url

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


class _QuietHandler(WSGIRequestHandler):
    """werkzeug's own access log prints query strings; the app logs method, path and status instead."""

    def log_request(self, code="-", size="-"):
        pass


def _placeholder_app(environ, start_response):  # pragma: no cover - replaced before serving
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]


def serve(factory: AppFactory, settings: Settings) -> RunningServer:
    """Bind first (port 0 picks a free port), then build the app knowing its own URL, then serve."""
    server = make_server(
        settings.host, settings.port, _placeholder_app, threaded=True, request_handler=_QuietHandler
    )
    settings.port = server.server_port
    settings.url = f"http://{settings.host}:{settings.port}"
    server.app = factory(settings)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"sim-{settings.name}", daemon=True)
    thread.start()
    return RunningServer(settings, server, thread)
