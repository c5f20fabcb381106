"""A kept-alive connection the server may be closing is not reused: a POST after an idle pause is answered.

The server here closes, without an answer, a connection on which a request arrives after it was idle for its
``idle_timeout`` (:data:`SERVER_IDLE_TIMEOUT`): what a request written just as a real server closes an idle
connection meets.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from keyform.client import AnswerLost, ClientConfig, RestClient, keepalive

SERVER_IDLE_TIMEOUT = 0.4


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    answered_at: float = 0.0

    def parse_request(self) -> bool:
        idle_timeout = self.server.idle_timeout  # type: ignore[attr-defined]
        if self.answered_at and time.monotonic() - self.answered_at > idle_timeout:
            self.server.dropped += 1  # type: ignore[attr-defined]
            self.close_connection = True
            return False  # closed unanswered, as a server closing its idle connection
        return super().parse_request()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.ports.append(self.client_address[1])  # type: ignore[attr-defined]
        body = b'{"ok": true}'
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.answered_at = time.monotonic()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.ports, httpd.dropped, httpd.idle_timeout = [], 0, SERVER_IDLE_TIMEOUT  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _client(httpd: ThreadingHTTPServer) -> RestClient:
    return RestClient(ClientConfig(base_url=f"http://127.0.0.1:{httpd.server_address[1]}", retry_max=2,
                                   retry_backoff_seconds=0.01))


def test_a_post_after_an_idle_pause_goes_on_a_new_connection(server, monkeypatch):
    monkeypatch.setattr(keepalive, "MAX_IDLE_SECONDS", SERVER_IDLE_TIMEOUT / 4)
    client = _client(server)
    client.request("POST", "/api/things", {"name": "a"}, expected=(201,))
    time.sleep(SERVER_IDLE_TIMEOUT * 1.5)
    assert client.request("POST", "/api/things", {"name": "b"}, expected=(201,)).status == 201
    assert server.dropped == 0 and len(set(server.ports)) == 2


def test_calls_close_together_share_one_connection(server):
    server.idle_timeout = 30.0  # a slow machine's pauses between the calls are not this test's subject
    client = _client(server)
    for name in "abc":
        client.request("POST", "/api/things", {"name": name}, expected=(201,))
    assert len(server.ports) == 3 and len(set(server.ports)) == 1


def test_without_the_idle_limit_the_post_is_lost_and_not_sent_again(server, monkeypatch):
    """What the limit prevents: the reused connection closes under the POST, which is not re-sent."""
    monkeypatch.setattr(keepalive, "MAX_IDLE_SECONDS", 3600.0)
    client = _client(server)
    client.request("POST", "/api/things", {"name": "a"}, expected=(201,))
    time.sleep(SERVER_IDLE_TIMEOUT * 1.5)
    with pytest.raises(AnswerLost):
        client.request("POST", "/api/things", {"name": "b"}, expected=(201,))
    assert server.dropped == 1 and len(server.ports) == 1
