"""HTTPS by default: each simulator's certificate chains to the run's CA, kept across restarts in the state
directory and named in the printed output and the endpoints file; ``--http`` serves plain HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import ssl
import stat
import subprocess
import sys
from pathlib import Path

import requests
from cryptography import x509

from tests.conftest import SESSION_CA
from tests.processes import started


def credentials(server) -> tuple[str, str]:
    return server.settings.username, server.settings.password


def peer_certificate(url: str, ca_cert_file: str) -> x509.Certificate:
    """The certificate the server presents, after a handshake that verified it by ``ca_cert_file``."""
    host, port = url.split("://", 1)[1].rsplit(":", 1)
    context = ssl.create_default_context(cafile=ca_cert_file)
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        with context.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    assert der
    return x509.load_der_x509_certificate(der)


def test_a_simulator_answers_https_with_a_certificate_of_the_run_ca(simulator):
    ontap = simulator("ontap")
    assert ontap.url.startswith("https://127.0.0.1:") and ontap.ca_cert_file == SESSION_CA.certificate_path
    certificate = peer_certificate(ontap.url, ontap.ca_cert_file)
    assert certificate.issuer == SESSION_CA.certificate.subject
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert {"localhost"} <= set(names.get_values_for_type(x509.DNSName))
    assert {"127.0.0.1", "::1"} <= {str(a) for a in names.get_values_for_type(x509.IPAddress)}
    answer = requests.get(ontap.url + "/api/cluster", auth=credentials(ontap), verify=ontap.ca_cert_file, timeout=10)
    assert answer.status_code == 200


def test_a_client_without_the_ca_is_refused(simulator):
    ontap = simulator("ontap")
    with requests.Session() as session:
        session.trust_env = False  # not the test session's REQUESTS_CA_BUNDLE: the system's CAs only
        try:
            session.get(ontap.url + "/api/cluster", auth=credentials(ontap), timeout=10)
        except requests.exceptions.SSLError as exc:
            assert "CERTIFICATE_VERIFY_FAILED" in str(exc)
        else:
            raise AssertionError("a certificate of the run CA was trusted without the CA")


def test_the_server_key_is_private(simulator):
    ontap = simulator("ontap", name="ontap-key-mode")
    directory = Path(ontap.ca_cert_file).parent
    assert stat.S_IMODE((directory / "ontap-key-mode-https-key.pem").stat().st_mode) == 0o600
    assert stat.S_IMODE((directory / "ca-key.pem").stat().st_mode) == 0o600


def run_simulators(*args: str, while_running=None) -> str:
    """Run ``python -m keyform.simulators ARGS`` until "ready", call ``while_running(output)``, stop it with
    SIGTERM; what it printed. (``requests`` in the child trusts nothing of the test session's.)"""
    env = {k: v for k, v in os.environ.items() if k != "REQUESTS_CA_BUNDLE"}
    command = [sys.executable, "-m", "keyform.simulators", *args, "--quiet"]
    lines = []
    with started(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env) as process:
        assert process.stdout
        for line in process.stdout:
            lines.append(line)
            if line.strip() == "ready":
                break
        output = "".join(lines)
        assert output.rstrip().endswith("ready"), output
        if while_running:
            while_running(output)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    return output


def test_all_keeps_its_ca_in_the_state_dir_across_restarts(tmp_path):
    state, endpoints_file = tmp_path / "state", tmp_path / "endpoints.json"
    args = ("all", "--port", "0", "--state-dir", str(state), "--endpoints-file", str(endpoints_file))

    def check(output: str) -> None:
        endpoints = json.loads(endpoints_file.read_text())
        assert {entry["ca_cert_file"] for entry in endpoints.values()} == {str(state / "ca.pem")}
        apis = [entry for entry in endpoints.values() if entry["system"] in ("ontap", "vsp", "vault")]
        assert len(apis) == 7 and all(entry["url"].startswith("https://") for entry in apis)
        ontap = endpoints["ontap"]
        answer = requests.get(ontap["url"] + "/cluster", auth=(ontap["username"], ontap["password"]),
                              verify=ontap["ca_cert_file"], timeout=10)
        assert answer.status_code == 200
        assert peer_certificate(endpoints["vault-a"]["url"].removesuffix("/v1"), str(state / "ca.pem"))

    first = run_simulators(*args, while_running=check)
    assert f"CA certificate: {state / 'ca.pem'}" in first
    ca_before = (state / "ca.pem").read_bytes()
    assert stat.S_IMODE((state / "ca-key.pem").stat().st_mode) == 0o600
    assert stat.S_IMODE(endpoints_file.stat().st_mode) == 0o600

    run_simulators(*args, while_running=check)
    assert (state / "ca.pem").read_bytes() == ca_before, "a restart with the same state dir keeps the CA"


def test_one_system_keeps_its_ca_beside_its_state_file(tmp_path):
    output = run_simulators("vsp", "--port", "0", "--state", str(tmp_path / "vsp.json"))
    assert f"CA certificate: {tmp_path / 'ca.pem'}" in output
    assert "https://127.0.0.1:" in output


def test_http_serves_plain_http(tmp_path):
    endpoints_file = tmp_path / "endpoints.json"

    def check(output: str) -> None:
        entry = json.loads(endpoints_file.read_text())["ontap"]
        assert entry["url"].startswith("http://127.0.0.1:") and "ca_cert_file" not in entry
        answer = requests.get(entry["url"] + "/cluster", auth=(entry["username"], entry["password"]), timeout=10)
        assert answer.status_code == 200

    output = run_simulators("ontap", "--http", "--port", "0", "--endpoints-file", str(endpoints_file))
    assert "CA certificate" not in output


def test_a_ca_made_for_one_run_goes_with_it():
    # Without --state the CA lives in a temporary directory: there while the simulator serves, gone after.
    def check(output: str) -> None:
        assert ca_file(output).is_file()

    output = run_simulators("vault", "--port", "0", while_running=check)
    assert not ca_file(output).parent.exists(), "the run's temporary CA directory outlived it"


def ca_file(output: str) -> Path:
    line = next(line for line in output.splitlines() if line.startswith("CA certificate: "))
    return Path(line.removeprefix("CA certificate: ").split(" (")[0])
