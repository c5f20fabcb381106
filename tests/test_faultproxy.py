"""The fault proxy of tests/faultproxy.py, in front of a real simulator server (cheroot, keep-alive)."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from flask import Flask, Response, jsonify, request

from keyform.simulators.common import Settings, serve
from tests.conftest import CA_CERT_FILE, SESSION_CA, proxy_tls
from tests.faultproxy import FaultProxy

TIMEOUT = 10


def _factory(settings: Settings) -> Flask:
    app = Flask("upstream")
    store: list = []
    bodies: list = []

    @app.post("/items")
    def create():
        store.append(request.get_json())
        return jsonify({"n": len(store)}), 201

    @app.get("/items")
    def list_():
        return jsonify(store)

    @app.delete("/items")
    def clear():
        store.clear()
        return "", 204

    @app.get("/stream")
    def stream():
        def chunks():
            for i in range(50):
                yield f"part-{i:03d};".encode() * 100

        return Response(chunks(), mimetype="text/plain")

    @app.post("/echo")
    def echo():
        data = request.get_data()
        bodies.append(data)
        return Response(data, mimetype="application/octet-stream")

    @app.get("/slow")
    def slow():
        time.sleep(0.3)
        return jsonify({"ok": True})

    app.config["STORE"] = store
    app.config["BODIES"] = bodies
    return app


@pytest.fixture
def upstream():
    server = serve(_factory, Settings(name="upstream", tls=False))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def proxy(upstream):
    fault_proxy = FaultProxy(upstream_url=upstream.url)
    try:
        yield fault_proxy
    finally:
        fault_proxy.stop()


def _proxy_threads(proxy: FaultProxy) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(f"faultproxy-{proxy.port}-") and t.is_alive()]


def _connection_threads(proxy: FaultProxy) -> list[threading.Thread]:
    return [t for t in _proxy_threads(proxy) if "-conn-" in t.name]


def _wait_for(condition, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _connections(session: requests.Session, url: str) -> int:
    pools = session.get_adapter(url).poolmanager.pools
    return sum(pools[key].num_connections for key in pools.keys())


def test_url_is_the_upstream_url_with_the_proxy_port(proxy, upstream):
    assert proxy.url == f"http://127.0.0.1:{proxy.port}"
    assert proxy.port != upstream.settings.port
    with pytest.raises(ValueError):
        FaultProxy(upstream_url="https://127.0.0.1:1")


def test_passes_requests_through_on_one_kept_alive_connection(proxy, upstream):
    with requests.Session() as session:
        created = [session.post(f"{proxy.url}/items", json={"name": f"k{i}"}, timeout=TIMEOUT) for i in range(3)]
        listed = session.get(f"{proxy.url}/items?verbose=1", timeout=TIMEOUT)
        head = session.head(f"{proxy.url}/items", timeout=TIMEOUT)
        cleared = session.delete(f"{proxy.url}/items", timeout=TIMEOUT)
        after = session.get(f"{proxy.url}/items", timeout=TIMEOUT)
        assert _connections(session, proxy.url) == 1

    assert [r.status_code for r in created] == [201, 201, 201]
    assert [r.json() for r in created] == [{"n": 1}, {"n": 2}, {"n": 3}]
    assert listed.json() == [{"name": "k0"}, {"name": "k1"}, {"name": "k2"}]
    assert head.status_code == 200 and head.content == b""
    assert cleared.status_code == 204
    assert after.json() == []
    assert proxy.requests == [
        ("POST", "/items", 201), ("POST", "/items", 201), ("POST", "/items", 201),
        ("GET", "/items?verbose=1", 200), ("HEAD", "/items", 200), ("DELETE", "/items", 204), ("GET", "/items", 200),
    ]
    assert proxy.rules_fired() == []
    assert proxy.errors == []


def test_reset_loses_the_answer_of_a_committed_request(proxy, upstream):
    proxy.add_rule(method="POST", path=r"^/items$", action="reset", times=1)
    with requests.Session() as session:
        assert session.get(f"{proxy.url}/items", timeout=TIMEOUT).json() == []  # same connection, not matched
        with pytest.raises(requests.exceptions.ConnectionError) as raised:
            session.post(f"{proxy.url}/items", json={"name": "lost"}, timeout=TIMEOUT)
        assert "reset" in str(raised.value).lower()
        # times=1: the next one passes
        again = session.post(f"{proxy.url}/items", json={"name": "second"}, timeout=TIMEOUT)

    assert again.status_code == 201
    assert upstream.app.config["STORE"] == [{"name": "lost"}, {"name": "second"}]
    assert proxy.rules_fired() == [("POST", "/items", "reset")]
    assert proxy.requests == [("GET", "/items", 200), ("POST", "/items", 201), ("POST", "/items", 201)]


def test_reset_sends_an_rst_and_no_byte_of_the_answer(proxy, upstream):
    proxy.add_rule(path=r"^/items$", action="reset")
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT) as raw:
        body = b'{"name": "raw"}'
        raw.sendall(b"POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        with pytest.raises(ConnectionResetError):
            raw.recv(1)
    assert upstream.app.config["STORE"] == [{"name": "raw"}]


def test_withhold_makes_the_client_time_out_after_the_commit(proxy, upstream):
    proxy.add_rule(method="POST", path=r"^/items$", action="withhold", times=1)
    with requests.Session() as session:
        started = time.monotonic()
        with pytest.raises(requests.exceptions.ReadTimeout):
            session.post(f"{proxy.url}/items", json={"name": "late"}, timeout=(TIMEOUT, 0.5))
        assert time.monotonic() - started < 3
        # The client gave up and closed the connection: the thread that held it ends.
        assert _wait_for(lambda: not _connection_threads(proxy))
        assert session.get(f"{proxy.url}/items", timeout=TIMEOUT).json() == [{"name": "late"}]

    assert proxy.requests == [("POST", "/items", 201), ("GET", "/items", 200)]
    assert proxy.rules_fired() == [("POST", "/items", "withhold")]


def test_drop_before_never_reaches_the_upstream(proxy, upstream):
    proxy.add_rule(method="POST", path=r"^/items$", action="drop_before", times=1)
    with requests.Session() as session:
        with pytest.raises(requests.exceptions.ConnectionError):
            session.post(f"{proxy.url}/items", json={"name": "never"}, timeout=TIMEOUT)
        assert session.get(f"{proxy.url}/items", timeout=TIMEOUT).json() == []
        assert session.post(f"{proxy.url}/items", json={"name": "then"}, timeout=TIMEOUT).status_code == 201

    assert upstream.app.config["STORE"] == [{"name": "then"}]
    assert proxy.requests == [("POST", "/items", None), ("GET", "/items", 200), ("POST", "/items", 201)]
    assert proxy.rules_fired() == [("POST", "/items", "drop_before")]


def test_rules_match_method_path_and_count_down(proxy, upstream):
    proxy.add_rule(method="GET", path=r"^/items$", action="reset", times=2)
    forever = proxy.add_rule(method="POST", path=r"^/never$", action="reset")
    with requests.Session() as session:
        for _ in range(2):
            with pytest.raises(requests.exceptions.ConnectionError):
                session.get(f"{proxy.url}/items?x=1", timeout=TIMEOUT)  # the query string is not matched
        assert session.get(f"{proxy.url}/items", timeout=TIMEOUT).status_code == 200
        assert session.post(f"{proxy.url}/items", json={}, timeout=TIMEOUT).status_code == 201
        proxy.add_rule(action="reset")  # any method, any path
        proxy.clear_rules()
        assert session.get(f"{proxy.url}/items", timeout=TIMEOUT).status_code == 200

    assert forever.times is None
    assert proxy.rules_fired() == [("GET", "/items", "reset"), ("GET", "/items", "reset")]


def test_delay_holds_the_answer_then_forwards_it(proxy, upstream):
    proxy.add_rule(method="GET", path=r"^/items$", action="pass", delay_seconds=0.5, times=1)
    with requests.Session() as session:
        started = time.monotonic()
        answer = session.get(f"{proxy.url}/items", timeout=TIMEOUT)
        assert time.monotonic() - started >= 0.5
        assert answer.json() == []
    assert proxy.rules_fired() == [("GET", "/items", "pass")]


def test_chunked_answers_and_requests_are_forwarded_intact(proxy, upstream):
    expected = b"".join(f"part-{i:03d};".encode() * 100 for i in range(50))
    payload = [b"a" * 1000, b"b" * 70000, b"c"]
    with requests.Session() as session:
        streamed = session.get(f"{proxy.url}/stream", timeout=TIMEOUT)
        echoed = session.post(f"{proxy.url}/echo", data=iter(payload), timeout=TIMEOUT)  # chunked request
        after = session.get(f"{proxy.url}/items", timeout=TIMEOUT)
        assert _connections(session, proxy.url) == 1

    assert streamed.headers.get("Transfer-Encoding") == "chunked"
    assert streamed.content == expected
    assert echoed.content == b"".join(payload)
    assert upstream.app.config["BODIES"] == [b"".join(payload)]
    assert after.json() == []
    assert proxy.errors == []


def test_twenty_concurrent_connections(proxy, upstream):
    barrier = threading.Barrier(20)

    def call(i: int) -> int:
        barrier.wait(timeout=TIMEOUT)
        with requests.Session() as session:
            return session.get(f"{proxy.url}/slow", timeout=TIMEOUT).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(call, range(20)))
    assert statuses == [200] * 20
    assert len(proxy.requests) == 20


def test_times_counts_down_across_concurrent_connections(proxy, upstream):
    proxy.add_rule(method="POST", path=r"^/items$", action="drop_before", times=3)
    barrier = threading.Barrier(20)

    def call(i: int) -> str:
        barrier.wait(timeout=TIMEOUT)
        try:
            requests.post(f"{proxy.url}/items", json={"i": i}, timeout=TIMEOUT)
            return "ok"
        except requests.exceptions.ConnectionError:
            return "dropped"

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(call, range(20)))
    assert outcomes.count("dropped") == 3
    assert len(upstream.app.config["STORE"]) == 17
    assert proxy.rules_fired() == [("POST", "/items", "drop_before")] * 3


def test_stop_returns_quickly_with_a_withheld_connection_and_leaves_no_thread(upstream):
    proxy = FaultProxy(upstream_url=upstream.url)
    outcome: list = []
    try:
        proxy.add_rule(method="POST", action="withhold")

        def client() -> None:
            try:
                requests.post(f"{proxy.url}/items", json={"name": "held"}, timeout=TIMEOUT)
                outcome.append("answered")
            except requests.exceptions.RequestException as exc:
                outcome.append(type(exc).__name__)

        caller = threading.Thread(target=client, name="test-client")
        caller.start()
        assert _wait_for(lambda: proxy.requests == [("POST", "/items", 201)])
        assert _connection_threads(proxy)
        started = time.monotonic()
        proxy.stop()
        assert time.monotonic() - started < 2
        proxy.stop()  # twice is fine
        assert _proxy_threads(proxy) == []
        caller.join(timeout=TIMEOUT)
        assert not caller.is_alive()
        # The proxy closed the withheld connection: the client saw it end without an answer.
        assert outcome == ["ConnectionError"]
        assert upstream.app.config["STORE"] == [{"name": "held"}]
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get(f"{proxy.url}/items", timeout=TIMEOUT)
    finally:
        proxy.stop()


def test_context_manager_stops(upstream):
    with FaultProxy(upstream_url=upstream.url) as proxy:
        assert requests.get(f"{proxy.url}/items", timeout=TIMEOUT).status_code == 200
    assert _proxy_threads(proxy) == []


class _RawUpstream:
    """An upstream that answers each connection's first request with fixed bytes, then closes it."""

    def __init__(self, answer: bytes):
        self.answer = answer
        self.connections = 0
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._thread = threading.Thread(target=self._run, name="raw-upstream", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                try:
                    conn, _ = self._listener.accept()
                except TimeoutError:
                    continue
                with conn:
                    conn.settimeout(TIMEOUT)
                    self.connections += 1
                    received = b""
                    while b"\r\n\r\n" not in received:
                        data = conn.recv(4096)
                        if not data:
                            break
                        received += data
                    conn.sendall(self.answer)
        finally:
            self._listener.close()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=TIMEOUT)


@pytest.fixture
def raw_upstream():
    started: list[_RawUpstream] = []

    def _start(answer: bytes) -> _RawUpstream:
        server = _RawUpstream(answer)
        started.append(server)
        return server

    try:
        yield _start
    finally:
        for server in started:
            server.stop()


def test_reopens_the_upstream_connection_when_the_upstream_closed_it(raw_upstream):
    server = raw_upstream(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")  # closes without saying so
    with FaultProxy(upstream_url=server.url) as proxy, requests.Session() as session:
        answers = []
        for _ in range(3):
            answers.append(session.get(f"{proxy.url}/x", timeout=TIMEOUT).text)
            time.sleep(0.2)  # let the upstream's FIN arrive
        assert _connections(session, proxy.url) == 1
        assert answers == ["ok"] * 3
        assert server.connections == 3
        assert proxy.errors == []


def test_forwards_an_answer_delimited_by_the_end_of_the_connection(raw_upstream):
    body = b"x" * 100000
    server = raw_upstream(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body)
    with FaultProxy(upstream_url=server.url) as proxy, requests.Session() as session:
        first = session.get(f"{proxy.url}/x", timeout=TIMEOUT)
        second = session.get(f"{proxy.url}/x", timeout=TIMEOUT)  # the proxy closed the first connection
        assert first.content == body and second.content == body
        assert proxy.requests == [("GET", "/x", 200), ("GET", "/x", 200)]


def test_upstream_unreachable_closes_the_client_connection(raw_upstream):
    server = raw_upstream(b"")
    server.stop()  # nothing listens there any more
    with FaultProxy(upstream_url=server.url) as proxy:
        with pytest.raises(requests.exceptions.ConnectionError):
            requests.get(f"{proxy.url}/x", timeout=TIMEOUT)
        assert proxy.requests == [("GET", "/x", None)]
        assert proxy.errors == ["GET /x: upstream ConnectionRefusedError"]


def test_expect_continue_and_http_1_0(proxy, upstream):
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT) as raw:
        raw.sendall(b"POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    b"Expect: 100-continue\r\nContent-Length: 7\r\n\r\n")
        assert raw.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        raw.sendall(b'{"a":1}')
        answer = b""
        while not answer.endswith(b"\n"):  # the JSON body ends with a newline
            answer += raw.recv(65536)
        assert answer.startswith(b"HTTP/1.1 201 ") and answer.endswith(b'{"n":1}\n')
        assert b"100 Continue" not in answer  # the upstream's own interim answer is not repeated
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=TIMEOUT) as raw:
        raw.sendall(b"GET /items HTTP/1.0\r\n\r\n")
        received = b""
        while data := raw.recv(65536):  # HTTP/1.0 without keep-alive: the proxy closes after the answer
            received += data
        # the upstream answers with the version it speaks (RFC 9110 6.2: HTTP/1.1 to an HTTP/1.0 request)
        assert received.startswith((b"HTTP/1.0 200 ", b"HTTP/1.1 200 ")) and received.endswith(b'[{"a":1}]\n')
    with pytest.raises(ValueError):
        proxy.add_rule(action="explode")
    with pytest.raises(ValueError):
        proxy.add_rule(action="reset", times=0)


def test_error_answers_the_status_without_forwarding(upstream):
    with FaultProxy(upstream_url=upstream.url) as proxy:
        proxy.add_rule(method="GET", path=r"^/items$", action="error", status=503, times=2)
        with requests.Session() as session:
            statuses = [session.get(proxy.url + "/items", timeout=5).status_code for _ in range(3)]
        assert statuses == [503, 503, 200]
        assert [status for _, _, status in proxy.requests] == [None, None, 200]  # the first two never went upstream


def test_https_upstream_tls_on_both_sides_and_faults_still_fire():
    server = serve(_factory, Settings(name="tls-upstream", ca=SESSION_CA))
    try:
        with FaultProxy(upstream_url=server.url, **proxy_tls()) as tls_proxy, requests.Session() as session:
            session.trust_env = False
            assert tls_proxy.url == f"https://127.0.0.1:{tls_proxy.port}"
            for n in (1, 2):
                answer = session.post(tls_proxy.url + "/items", json={"n": n}, timeout=TIMEOUT, verify=CA_CERT_FILE)
                assert answer.status_code == 201 and answer.json() == {"n": n}
            assert _connections(session, tls_proxy.url) == 1  # kept alive through TLS
            tls_proxy.add_rule(method="POST", path=r"^/items$", action="reset", times=1)
            with pytest.raises(requests.ConnectionError):
                session.post(tls_proxy.url + "/items", json={"n": 3}, timeout=TIMEOUT, verify=CA_CERT_FILE)
            assert len(server.app.config["STORE"]) == 3  # carried out upstream, the answer lost
            assert tls_proxy.rules_fired() == [("POST", "/items", "reset")] and tls_proxy.errors == []
    finally:
        server.stop()

