"""TLS options of the client against a real HTTPS server on loopback: CA file, insecure, client certificate."""

from __future__ import annotations

import datetime
import re
import ssl
import threading
from contextlib import contextmanager

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import Flask, jsonify
from werkzeug.serving import make_server

from keyform.client import ClientConfig, RestClient, TransportError


def _cert(name: str, issuer_key=None, issuer_name=None, ca=False, san=None):
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name or subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if san:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(__import__("ipaddress").ip_address(san))]), critical=False)
    cert = builder.sign(issuer_key or key, hashes.SHA256())
    return key, cert


def _write(path, key, cert):
    path.with_suffix(".key").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                           serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))
    path.with_suffix(".pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path.with_suffix(".pem"), path.with_suffix(".key")


@pytest.fixture
def pki(tmp_path):
    ca_key, ca_cert = _cert("keyform test CA", ca=True)
    server_key, server_cert = _cert("127.0.0.1", ca_key, ca_cert.subject, san="127.0.0.1")
    client_key, client_cert = _cert("keyform client", ca_key, ca_cert.subject)
    files = {"ca": _write(tmp_path / "ca", ca_key, ca_cert)[0]}
    files["server_cert"], files["server_key"] = _write(tmp_path / "server", server_key, server_cert)
    files["client_cert"], files["client_key"] = _write(tmp_path / "client", client_key, client_cert)
    return files


@contextmanager
def _serving(pki, require_client_cert: bool):
    """An HTTPS API on loopback with the test PKI's server certificate; its base URL while open."""
    app = Flask("tls-test")
    app.add_url_rule("/api/ping", "ping", lambda: jsonify({"pong": True}))
    app.add_url_rule("/api/bye", "bye", lambda: (jsonify({"bye": True}), 200, {"Connection": "close"}))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki["server_cert"], pki["server_key"])
    if require_client_cert:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(pki["ca"])
    server = make_server("127.0.0.1", 0, app, threaded=True, ssl_context=context)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_port}/api"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def https(pki):
    with _serving(pki, require_client_cert=False) as url:
        yield url


@pytest.fixture
def mtls(pki):
    with _serving(pki, require_client_cert=True) as url:
        yield url


def test_unknown_ca_is_refused_with_a_clear_reason(https):
    with pytest.raises(TransportError, match=r"GET https://127.0.0.1:\d+/api/ping: no answer \(TLS certificate verify "
                                             r"failed: unable to get local issuer certificate; set ca_cert_file"):
        RestClient(ClientConfig(https, retry_max=0)).request("GET", "/ping")


def test_ca_cert_file_trusts_the_appliance(https, pki):
    client = RestClient(ClientConfig(https, ca_cert_file=str(pki["ca"]), retry_max=0))
    assert client.request("GET", "/ping").body == {"pong": True}


def test_insecure_skips_verification(https):
    assert RestClient(ClientConfig(https, insecure=True, retry_max=0)).request("GET", "/ping").body == {"pong": True}


def test_client_certificate_for_mutual_tls(mtls, pki):
    with pytest.raises(TransportError):
        RestClient(ClientConfig(mtls, ca_cert_file=str(pki["ca"]), retry_max=0)).request("GET", "/ping")
    client = RestClient(ClientConfig(mtls, ca_cert_file=str(pki["ca"]), client_cert_file=str(pki["client_cert"]),
                                     client_key_file=str(pki["client_key"]), retry_max=0))
    assert client.request("GET", "/ping").body == {"pong": True}


def test_a_ca_file_removed_while_the_client_runs_is_named_at_the_next_connection(https, pki):
    """The TLS files are looked up once per pool; a connection made after the CA file is gone says which file."""
    client = RestClient(ClientConfig(https, ca_cert_file=str(pki["ca"]), retry_max=0))
    assert client.request("GET", "/bye").body == {"bye": True}  # the server closes this connection
    pki["ca"].unlink()
    with pytest.raises(OSError, match=f"invalid path: {re.escape(str(pki['ca']))}"):
        client.request("GET", "/ping")
