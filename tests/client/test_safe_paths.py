"""No value can make a URL path address another resource: dot segments, empty values, query and fragment
characters are encoded or refused before anything is sent."""

from __future__ import annotations

import pytest

from keyform.client import ClientConfig, RestClient, UnsafePath
from keyform.client.templates import TemplateError, render_path


@pytest.mark.parametrize("value, segment", [
    ("..", "%2E%2E"), (".", "%2E"), ("?x", "%3Fx"), ("#y", "%23y"), ("a/b", "a%2Fb"),
    ("a/../b", "a%2F..%2Fb"), ("kms1.example.com:5696", "kms1.example.com:5696"), ("é", "%C3%A9"),
    ("%2E%2E", "%252E%252E"),
])
def test_a_value_becomes_exactly_one_segment(value, segment):
    assert render_path("/key-servers/{id}", {"id": value}) == f"/key-servers/{segment}"


def test_an_empty_value_is_refused():
    with pytest.raises(TemplateError, match=r"puts '\{id\}' into the path, but it is empty"):
        render_path("{path}/{id}", {"path": "/things", "id": ""})


@pytest.mark.parametrize("path, segment", [
    ("/security/key-managers/../key-servers", ".."), ("/a/./b", "."), ("/a//b", ""), ("/things/..", ".."),
])
def test_the_client_refuses_paths_with_dot_or_empty_segments_before_sending(path, segment):
    client = RestClient(ClientConfig("http://127.0.0.1:9/api", retry_max=0))
    with pytest.raises(UnsafePath) as caught:
        client.request("GET", path)
    assert caught.value.segment == segment
    assert "would address another resource" in str(caught.value)


def test_encoded_dots_are_left_alone():
    client = RestClient(ClientConfig("http://127.0.0.1:9/api", retry_max=0))
    assert client.url_for("/things/%2E%2E") == "http://127.0.0.1:9/api/things/%2E%2E"


@pytest.mark.parametrize("value, on_the_wire", [("..", "/api/things/%2E%2E"), (".", "/api/things/%2E"),
                                                ("?x", "/api/things/%3Fx"), ("#y", "/api/things/%23y")])
def test_the_encoded_segment_is_what_goes_on_the_wire(value, on_the_wire):
    """requests un-escapes %2E when it prepares a URL; the client sends the segment as encoded."""
    import socket
    import threading

    seen = []
    with socket.create_server(("127.0.0.1", 0)) as server:
        def answer():
            connection, _ = server.accept()
            with connection:
                seen.append(connection.recv(65536).split(b"\r\n")[0].decode())
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")

        thread = threading.Thread(target=answer)
        thread.start()
        client = RestClient(ClientConfig(f"http://127.0.0.1:{server.getsockname()[1]}/api", retry_max=0))
        client.request("GET", render_path("/things/{id}", {"id": value}))
        thread.join(timeout=10)
    assert seen == [f"GET {on_the_wire} HTTP/1.1"]
