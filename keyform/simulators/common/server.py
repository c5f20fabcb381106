"""Serve a simulator app on loopback in a background thread, with waitress.

waitress keeps HTTP/1.1 connections open between requests, as the appliances do;
werkzeug's development server closes every connection, which made each request of a
client pay a new TCP connection here and a new thread in the simulator.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable

from flask import Flask
from waitress import wasyncore
from waitress.server import create_server

from keyform.simulators.common.settings import Settings

AppFactory = Callable[[Settings], Flask]

WORKER_THREADS = 16
"""Requests served at once per simulator: more than Terraform's parallelism (10), so that answers
delayed by injected latency do not queue behind each other, as they would not on an appliance."""

LOOP_TURN_SECONDS = 0.05
"""Longest wait of the connection loop for activity, and so the longest a stop waits for it."""

# waitress warns whenever a request waits for a worker thread; with Terraform's parallelism that is
# routine, not a problem. Each app logs method, path and status itself.
logging.getLogger("waitress.queue").setLevel(logging.ERROR)


@dataclass
class RunningServer:
    settings: Settings
    server: object
    thread: threading.Thread
    stopping: threading.Event

    @property
    def url(self) -> str:
        return self.settings.url

    @property
    def app(self) -> Flask:
        """The simulator's Flask app (tests reach its store through ``app.config``)."""
        return self.server.application

    def stop(self) -> None:
        """Let the worker threads finish what they are answering while the loop still runs, then end
        the loop, which closes the listener and every open connection itself (waitress is not
        thread-safe: nothing of it is closed from this thread)."""
        if self.stopping.is_set():
            return
        self.server.task_dispatcher.shutdown(timeout=5)
        self.stopping.set()
        self.thread.join(timeout=5)


def _run(server, socket_map: dict, stopping: threading.Event) -> None:
    """waitress's loop, in short turns so that a stop is seen within one (no wake-up pipe involved)."""
    while not stopping.is_set():
        wasyncore.loop(timeout=LOOP_TURN_SECONDS, map=socket_map, count=1)
    for channel in list(server.active_channels.values()):
        channel.close()
    server.close()


def _placeholder_app(environ, start_response):  # pragma: no cover - replaced before serving
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]


def serve(factory: AppFactory, settings: Settings) -> RunningServer:
    """Bind first (port 0 picks a free port), then build the app knowing its own URL, then serve."""
    socket_map: dict = {}
    server = create_server(_placeholder_app, map=socket_map, host=settings.host, port=settings.port,
                           threads=WORKER_THREADS, clear_untrusted_proxy_headers=False, ident="keyform-simulator")
    settings.port = int(server.effective_port)
    settings.url = f"http://{settings.host}:{settings.port}"
    server.application = factory(settings)
    stopping = threading.Event()
    thread = threading.Thread(target=_run, args=(server, socket_map, stopping), name=f"sim-{settings.name}",
                              daemon=True)
    thread.start()
    return RunningServer(settings, server, thread, stopping)
