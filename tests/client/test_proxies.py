"""The client honours HTTP(S)_PROXY and NO_PROXY (looked up once per host, not at every request)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from keyform.client import ClientConfig, RestClient


@pytest.fixture
def proxy():
    """A forward proxy that answers every request itself and records the request targets."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            seen.append(self.path)
            body = json.dumps({"via": "proxy"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", seen
    server.shutdown()
    server.server_close()


def test_requests_go_through_the_proxy_named_by_http_proxy(proxy, monkeypatch):
    url, seen = proxy
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    client = RestClient(ClientConfig("http://appliance.example:8443/api"))
    assert client.request("GET", "/cluster").body == {"via": "proxy"}
    assert client.request("GET", "/cluster").body == {"via": "proxy"}
    assert seen == ["http://appliance.example:8443/api/cluster"] * 2


def test_hosts_in_no_proxy_are_reached_directly(proxy, monkeypatch):
    url, seen = proxy
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "appliance.example")
    client = RestClient(ClientConfig("http://appliance.example:1/api", retry_max=0, timeout_seconds=2))
    with pytest.raises(Exception) as raised:
        client.request("GET", "/cluster")  # direct: nothing listens there (and the name does not resolve)
    assert "appliance.example" in str(raised.value)
    assert seen == []
