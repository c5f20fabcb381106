"""Answer headers are read whatever the case of their names: HTTP header names are case-insensitive, and
proxies such as Envoy write them in lower case."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from keyform.client import ApiError, ClientConfig, RestClient


@pytest.fixture
def busy_once() -> Iterator[str]:
    """An appliance that answers its first GET with 503 and a lower-case ``retry-after: 1``, then 200."""
    answered: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            status = 503 if not answered else 200
            answered.append(status)
            body = json.dumps({"message": "busy"} if status == 503 else {"ok": True}).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            if status == 503:
                self.send_header("retry-after", "1")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/api"
    server.shutdown()
    server.server_close()


def test_lower_case_retry_after_is_waited_for(busy_once: str) -> None:
    started = time.monotonic()
    client = RestClient(ClientConfig(busy_once, retry_backoff_seconds=0.01))
    assert client.request("GET", "/busy").body == {"ok": True}
    assert time.monotonic() - started >= 0.9


def test_lower_case_retry_after_reaches_the_error(busy_once: str) -> None:
    with pytest.raises(ApiError) as caught:
        RestClient(ClientConfig(busy_once, retry_max=0)).request("GET", "/busy")
    assert (caught.value.status, caught.value.retry_after) == (503, "1")
