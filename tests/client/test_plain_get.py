"""Collection reads sent the quick way (keyform.client.plain_get) against a real HTTPS server on loopback: what
they send, which answers they take, and that every other case is left to the usual path, which then sends it."""

from __future__ import annotations

import json
import logging
import socket
import ssl
import threading
import time
from contextlib import contextmanager

import pytest
from flask import Flask, jsonify, request
from werkzeug.serving import make_server

from keyform.client import ApiError, ClientConfig, RestClient, TransportError, paging, waiting
from tests.client.test_tls import pki  # noqa: F401  (the test PKI: a CA, and the server's certificate from it)

PASSWORD = "plain-get-päss-3171"  # not ASCII: sent as requests encodes it
RECORDS = [{"uuid": "u1", "name": "a"}, {"uuid": "u2", "name": "b"}]


@contextmanager
def _serving(pki):  # noqa: F811
    """An HTTPS API with the routes below; its base URL and the requests it got (path, headers) while open."""
    app = Flask("plain-get-test")
    seen: list[tuple[str, dict]] = []

    @app.before_request
    def record():
        seen.append((request.full_path.rstrip("?"), dict(request.headers)))

    app.add_url_rule("/api/things", "things", lambda: jsonify({"records": RECORDS, "num_records": 2}))
    app.add_url_rule("/api/things/u1", "thing", lambda: jsonify(RECORDS[0]))
    app.add_url_rule("/api/paged", "paged", lambda: jsonify(
        {"records": RECORDS[:1], "num_records": 1, "_links": {"next": {"href": "/api/things?page=2"}}}))
    app.add_url_rule("/api/broken", "broken", lambda: (jsonify({"error": {"message": "busy"}}), 503))
    app.add_url_rule("/api/text", "text", lambda: "not json")
    app.add_url_rule("/api/slow", "slow", lambda: (time.sleep(1.2), jsonify({"records": RECORDS}))[1])
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki["server_cert"], pki["server_key"])
    server = make_server("127.0.0.1", 0, app, threaded=True, ssl_context=context)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_port}/api", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def served(pki):  # noqa: F811
    with _serving(pki) as found:
        yield found


def _client(url, pki, **settings):  # noqa: F811
    settings.setdefault("ca_cert_file", str(pki["ca"]))
    return RestClient(ClientConfig(url, username="admin", password=PASSWORD, retry_max=0,
                                   headers={"X-Team": "storage"}, **settings))


def test_a_collection_is_read_the_quick_way_with_what_the_usual_call_sends(served, pki):  # noqa: F811
    url, seen = served
    client = _client(url, pki)
    assert client.plain_gets.get("/things?fields=*") == {"records": RECORDS, "num_records": 2}
    assert client.request("GET", "/things?fields=*").body == {"records": RECORDS, "num_records": 2}
    (quick_path, quick), (usual_path, usual) = seen
    assert quick_path == usual_path == "/api/things?fields=*"
    for name in ("Authorization", "Accept", "X-Team", "User-Agent"):
        assert quick[name] == usual[name], name
    assert quick["Authorization"].startswith("Basic ")
    assert client.plain_gets.get("/things") is not None and len(seen) == 3  # its connection is kept and used again


@pytest.mark.parametrize("path", ["/paged", "/broken", "/text", "/missing"])
def test_an_answer_that_is_not_a_whole_collection_is_left_to_the_usual_call(served, pki, path):  # noqa: F811
    url, seen = served
    client = _client(url, pki)
    assert client.plain_gets.get(path) is None
    assert not client.plain_gets.stopped  # the appliance answered: the next collection is tried again
    assert [p for p, _ in seen] == [f"/api{path}"]


def test_what_the_quick_way_does_not_handle_is_not_sent_by_it(served, pki, monkeypatch):  # noqa: F811
    url, seen = served
    with_cookie = _client(url, pki)
    with_cookie.session.cookies.set("session", "s1")
    client_cert = _client(url, pki, client_cert_file=str(pki["client_cert"]), client_key_file=str(pki["client_key"]))
    for client in (with_cookie, client_cert):
        assert client.plain_gets.get("/things") is None
    assert _client(url, pki).plain_gets.get("/things with space") is None
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert _client(url, pki).plain_gets.get("/things") is None
    assert seen == []


def test_a_server_the_client_does_not_trust_is_not_read_the_quick_way_either(served, pki, caplog):  # noqa: F811
    url, seen = served
    caplog.set_level(logging.DEBUG, logger="keyform.client")
    client = RestClient(ClientConfig(url, username="admin", password=PASSWORD, retry_max=0))  # no CA file
    assert client.plain_gets.get("/things") is None
    assert client.plain_gets.stopped and seen == []
    with pytest.raises(TransportError, match="certificate verify failed"):
        client.request("GET", "/things")
    assert any("SSLCertVerificationError on a quick read" in r.getMessage() for r in caplog.records)
    assert all(PASSWORD not in r.getMessage() for r in caplog.records)
    assert _client(url, pki, ca_cert_file=None, insecure=True).plain_gets.get("/things") is not None


def test_an_appliance_slow_to_answer_is_waited_for_until_a_call_would_be_called_slow_then_left(served, pki):  # noqa: F811
    url, _ = served
    client = _client(url, pki, timeout_seconds=1.5)  # reported slow (and the quick way given up) after 0.5 s
    started = time.monotonic()
    assert client.plain_gets.get("/slow") is None
    assert 0.4 < time.monotonic() - started < 1.1 and client.plain_gets.stopped
    assert client.plain_gets.get("/things") is None  # stopped for this client
    assert client.request("GET", "/slow").body == {"records": RECORDS}  # the usual call waits its whole timeout


def test_an_object_read_goes_the_quick_way_and_answers_as_the_usual_call(served, pki):  # noqa: F811
    url, seen = served
    client = _client(url, pki)
    quick = paging.read(client, "GET", "/things/u1", allow_not_found=True)
    usual = client.request("GET", "/things/u1")
    assert (quick.status, quick.body, quick.url) == (usual.status, usual.body, usual.url) == (200, RECORDS[0],
                                                                                            f"{url}/things/u1")
    assert quick.headers["content-type"] == usual.headers["Content-Type"] == "application/json"
    (quick_path, quick_sent), (_, usual_sent) = seen
    assert quick_path == "/api/things/u1" and quick_sent["Authorization"] == usual_sent["Authorization"]
    assert quick_sent["Accept-Encoding"] == "identity" != usual_sent["Accept-Encoding"]  # the quick way sent it


def test_an_object_read_the_quick_way_does_not_answer_is_sent_the_usual_way(served, pki):  # noqa: F811
    url, seen = served
    client = _client(url, pki)
    missing = paging.read(client, "GET", "/missing", allow_not_found=True)  # a 404 the caller takes: as it came
    assert (missing.status, missing.url) == (404, f"{url}/missing")
    with pytest.raises(ApiError, match="404"):  # one it does not take: the usual call's error
        paging.read(client, "GET", "/missing")
    paged = paging.read(client, "GET", "/paged")
    assert paged.body["records"] == RECORDS[:1] + RECORDS and "next" not in paged.body.get("_links", {})
    # the quick way's GET, then the usual way's (a GET does nothing to send again); the next page once
    assert [p for p, _ in seen] == ["/api/missing", "/api/missing", "/api/missing", "/api/paged", "/api/paged",
                                    "/api/things?page=2"]


def test_an_object_read_where_nothing_may_wait_sends_nothing(served, pki):  # noqa: F811
    url, seen = served
    client = _client(url, pki)
    with pytest.raises(waiting.WouldWait), waiting.without_waiting():
        paging.read(client, "GET", "/things/u1")
    assert seen == []


@contextmanager
def _scripted(*answers: bytes):
    """A plain-HTTP server that answers the requests it reads with ``answers`` in turn, as raw bytes; an answer
    of b"" closes the connection instead. Its base URL, and per request the connection it came on."""
    listener = socket.create_server(("127.0.0.1", 0))
    pending, came_on = list(answers), []

    def serve():
        connection_number = 0
        while pending:
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            connection_number += 1
            with connection:
                received = b""
                while pending:
                    while b"\r\n\r\n" not in received:
                        data = connection.recv(65536)
                        if not data:
                            break
                        received += data
                    if b"\r\n\r\n" not in received:
                        break
                    received = received.split(b"\r\n\r\n", 1)[1]
                    came_on.append(connection_number)
                    answer = pending.pop(0)
                    if not answer:
                        break
                    connection.sendall(answer)
                    if b"Connection: close" in answer:
                        break

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/api", came_on
    finally:
        listener.close()
        thread.join(5)


def _json_answer(document, *, chunked=False, close=False) -> bytes:
    body = json.dumps(document).encode()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    if close:
        return head + b"Connection: close\r\n\r\n" + body  # no length: the body ends with the connection
    if chunked:
        middle = len(body) // 2
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:middle], body[middle:]))
        return head + b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"
    return head + b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_answers_in_chunks_or_ended_by_the_connection_are_read_whole(pki):  # noqa: F811
    collection = {"records": RECORDS}
    with _scripted(_json_answer(collection, chunked=True), _json_answer(collection),
                   _json_answer(collection, close=True), _json_answer(collection)) as (url, came_on):
        client = _client(url, pki)
        assert [client.plain_gets.get("/things") for _ in range(4)] == [collection] * 4
        assert came_on == [1, 1, 1, 2]  # kept after a chunked answer; a new connection after one that closed it
        assert not client.plain_gets.stopped
        client.plain_gets.close()


def test_a_kept_connection_the_appliance_closed_meanwhile_is_replaced_and_the_read_answered(pki):  # noqa: F811
    collection = {"records": RECORDS}
    with _scripted(_json_answer(collection), b"", _json_answer(collection)) as (url, came_on):
        client = _client(url, pki)
        assert client.plain_gets.get("/things") == collection
        assert client.plain_gets.get("/things") == collection  # sent on the kept connection, closed: sent again
        assert came_on == [1, 1, 2] and not client.plain_gets.stopped
        client.plain_gets.close()


def test_an_interim_answer_or_one_that_is_not_http_is_left_to_the_usual_way(pki):  # noqa: F811
    interim = b"HTTP/1.1 100 Continue\r\n\r\n" + _json_answer({"records": RECORDS})
    for answer in (interim, b"SSH-2.0-OpenSSH_9.2\r\n\r\n"):
        with _scripted(answer) as (url, came_on):
            client = _client(url, pki)
            assert client.plain_gets.get("/things") is None
            assert came_on == [1] and client.plain_gets.stopped  # every read of this client now goes the usual way


def test_a_header_that_cannot_be_sent_as_it_is_is_left_to_the_usual_call(served, pki):  # noqa: F811
    url, seen = served
    client = RestClient(ClientConfig(url, username="admin", password=PASSWORD, retry_max=0, ca_cert_file=str(
        pki["ca"]), headers={"X-Team": "storage\r\nX-Injected: yes"}))
    assert client.plain_gets.get("/things") is None and seen == []
    with pytest.raises(TransportError):  # requests refuses the header
        client.request("GET", "/things")
    assert all("X-Injected" not in headers for _, headers in seen)
