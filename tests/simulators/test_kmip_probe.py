"""The KMIP probe against a real PyKMIP server (keyform.simulators.kmip): each outcome an appliance can see."""

from __future__ import annotations

import http.server
import os
import socket
import ssl
import threading

import pytest

from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.kmip.probe import Outcome, ProbeResult, discover_versions
from keyform.simulators.kmip.server import start_kmip_server

PYKMIP_VERSIONS = ("2.0", "1.4", "1.3", "1.2", "1.1", "1.0")


@pytest.fixture(scope="module")
def ca() -> RunCa:
    return RunCa.generate()


@pytest.fixture(scope="module")
def kmip(ca, tmp_path_factory):
    running = start_kmip_server(ca, workdir=str(tmp_path_factory.mktemp("kmip")))
    yield running
    running.stop()


def probe(server_host: str, port: int, client, cas, timeout: float = 3.0):
    return discover_versions(server_host, port, client_certificate_pem=client.certificate_pem if client else None,
                             client_key_pem=client.private_key_pem if client else None,
                             server_ca_pems=[c.certificate_pem for c in cas], timeout=timeout)


class _Https:
    """An HTTPS server (certificate from ``ca``, no client certificate asked): TLS works, KMIP does not."""

    def __init__(self, ca: RunCa, tmp_path, hosts=("127.0.0.1",)):
        cert, key = ca.issue_server("web", hosts).write(str(tmp_path), "web")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def test_discover_versions_over_mutual_tls(ca, kmip):
    result = probe(kmip.host, kmip.port, ca.issue_client("ontap-svm1"), [ca])
    assert result.outcome is Outcome.OK and result.ok
    assert result.versions == PYKMIP_VERSIONS
    assert result.detail == f"127.0.0.1:{kmip.port} speaks KMIP 2.0, 1.4, 1.3, 1.2, 1.1, 1.0"


def test_the_server_answers_the_versions_both_sides_speak(ca, kmip):
    client = ca.issue_client("vsp")
    ask = {"client_certificate_pem": client.certificate_pem, "client_key_pem": client.private_key_pem,
           "server_ca_pems": [ca.certificate_pem], "timeout": 3}
    assert discover_versions(kmip.host, kmip.port, protocol_versions=["3.0", "2.0", "1.4"], **ask).versions == (
        "2.0", "1.4")
    none = discover_versions(kmip.host, kmip.port, protocol_versions=["3.0"], **ask)
    assert (none.outcome, none.versions) == (Outcome.OK, ())
    assert none.detail == f"127.0.0.1:{kmip.port} speaks KMIP none of 3.0"


def test_a_client_offering_tls_1_3_only_gets_no_kmip_from_a_tls_1_2_server(ca, kmip):
    client = ca.issue_client("vsp")
    result = discover_versions(kmip.host, kmip.port, client_certificate_pem=client.certificate_pem,
                               client_key_pem=client.private_key_pem, server_ca_pems=[ca.certificate_pem],
                               minimum_tls=ssl.TLSVersion.TLSv1_3)
    assert result.outcome is Outcome.NOT_KMIP and "PROTOCOL_VERSION" in result.detail


def test_server_keeps_its_database_log_and_certificates_in_the_workdir(ca, kmip):
    probe(kmip.host, kmip.port, ca.issue_client("ontap-svm1"), [ca])
    assert {"server.pem", "server-key.pem", "ca.pem", "pykmip.db", "server.log"} <= set(os.listdir(kmip.workdir))
    assert oct(os.stat(os.path.join(kmip.workdir, "server-key.pem")).st_mode & 0o777) == "0o600"
    with open(kmip.ca_cert_file, encoding="ascii") as handle:
        assert handle.read() == ca.certificate_pem
    with open(os.path.join(kmip.workdir, "server.log"), encoding="utf-8") as handle:
        assert "Starting session" in handle.read()


def test_the_server_speaks_tls_1_2_only(ca, kmip):
    context = ssl.create_default_context(cadata=ca.certificate_pem)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    with socket.create_connection((kmip.host, kmip.port), timeout=3) as raw:
        with pytest.raises(ssl.SSLError):
            context.wrap_socket(raw, server_hostname=kmip.host)


def test_server_certificate_from_another_ca_is_untrusted(ca, kmip):
    result = probe(kmip.host, kmip.port, ca.issue_client("ontap-svm1"), [RunCa.generate()])
    assert result.outcome is Outcome.SERVER_UNTRUSTED
    assert result.detail.startswith("the server certificate is not trusted: ")


def test_server_certificate_for_another_name_is_untrusted(ca, tmp_path):
    web = _Https(ca, tmp_path, hosts=["kms9.example.com"])
    try:
        result = probe("127.0.0.1", web.port, ca.issue_client("c"), [ca])
    finally:
        web.stop()
    assert result.outcome is Outcome.SERVER_UNTRUSTED
    assert "127.0.0.1" in result.detail


def test_client_certificate_from_another_ca_is_refused(ca, kmip):
    result = probe(kmip.host, kmip.port, RunCa.generate().issue_client("intruder"), [ca])
    assert result.outcome is Outcome.CLIENT_REFUSED
    assert result.detail == "the server refused the client certificate (TLSV1_ALERT_UNKNOWN_CA)"


def test_no_client_certificate_is_refused(ca, kmip):
    assert probe(kmip.host, kmip.port, None, [ca]).outcome is Outcome.CLIENT_REFUSED


def test_client_certificate_without_client_auth_usage_is_refused(ca, kmip):
    result = probe(kmip.host, kmip.port, ca.issue_server("not-a-client"), [ca])
    assert result.outcome is Outcome.CLIENT_REFUSED


def test_closed_port_is_unreachable(ca):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = probe("127.0.0.1", port, ca.issue_client("c"), [ca])
    assert result.outcome is Outcome.UNREACHABLE
    assert result.detail.startswith(f"cannot connect to 127.0.0.1:{port}: ")


def test_unknown_name_is_unreachable(ca):
    result = probe("kms.invalid", 5696, ca.issue_client("c"), [ca])
    assert result.outcome is Outcome.UNREACHABLE
    assert result.detail.startswith("kms.invalid does not resolve")


def test_silent_listener_is_unreachable_after_the_timeout(ca):
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts TCP (backlog), never speaks TLS
        result = probe("127.0.0.1", silent.getsockname()[1], ca.issue_client("c"), [ca], timeout=0.5)
    assert result.outcome is Outcome.UNREACHABLE
    assert result.detail == "no TLS handshake in time"


def test_https_server_is_not_kmip(ca, tmp_path):
    web = _Https(ca, tmp_path)
    try:
        result = probe("127.0.0.1", web.port, ca.issue_client("c"), [ca], timeout=1.0)
    finally:
        web.stop()
    assert result.outcome is Outcome.NOT_KMIP
    assert result.detail == "no KMIP answer in time after the TLS handshake"  # it waits for the request's line end


def _probe_one_answer(ca, answer) -> ProbeResult:
    """Probe a listener that takes one connection and hands it to ``answer``."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve_once() -> None:
        connection, _ = listener.accept()
        answer(connection)

    thread = threading.Thread(target=serve_once, daemon=True)
    thread.start()
    try:
        return probe("127.0.0.1", listener.getsockname()[1], ca.issue_client("c"), [ca])
    finally:
        thread.join(timeout=5)
        listener.close()


def test_https_error_page_is_not_kmip(ca, tmp_path):
    cert, key = ca.issue_server("web").write(str(tmp_path), "web")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def answer_bad_request(raw: socket.socket) -> None:
        with context.wrap_socket(raw, server_side=True) as connection:
            connection.recv(1024)
            connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    result = _probe_one_answer(ca, answer_bad_request)
    assert result.outcome is Outcome.NOT_KMIP
    assert result.detail == "the answer is not a KMIP response (it starts b'HTTP/1.1')"


def test_plain_tcp_service_is_not_kmip(ca):
    def answer_plain_text(connection: socket.socket) -> None:
        with connection:
            connection.recv(1024)
            connection.sendall(b"220 smtp.example.com ESMTP\r\n")

    result = _probe_one_answer(ca, answer_plain_text)
    assert result.outcome is Outcome.NOT_KMIP
    assert result.detail.startswith("no TLS with a KMIP server")


def test_stopped_server_is_unreachable_and_its_port_free(ca):
    running = start_kmip_server(ca)
    client = ca.issue_client("c")
    assert probe(running.host, running.port, client, [ca]).ok
    running.stop()
    assert probe(running.host, running.port, client, [ca]).outcome is Outcome.UNREACHABLE
    with socket.create_server(("127.0.0.1", running.port)):
        pass


def test_two_servers_on_one_ca_each_answer(ca):
    first, second = start_kmip_server(ca, name="kms-a"), start_kmip_server(ca, name="kms-b")
    try:
        client = ca.issue_client("vsp")
        assert probe(first.host, first.port, client, [ca]).ok
        assert probe(second.host, second.port, client, [ca]).ok
    finally:
        first.stop()
        second.stop()
