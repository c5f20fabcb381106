"""Shared fixtures: simulators served on loopback over HTTPS for the duration of a test.

One run CA per test session (:data:`SESSION_CA`) issues every simulator's certificate. ``requests`` in the
test process trusts it beside the CAs it trusted before (``REQUESTS_CA_BUNDLE``), so a test's own read-back
verifies the simulators' certificates; keyform's client ignores that variable and trusts only its ``ca_cert_file``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

from keyform.simulators.__main__ import build_settings, start
from keyform.simulators.common import Faults
from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.kmip.server import start_kmip_server
from tests.sigterm import pytest_configure  # noqa: F401 - a run stopped by SIGTERM tears its fixtures down

_SESSION_CA_DIR = tempfile.mkdtemp(prefix="keyform-tests-ca-")
atexit.register(shutil.rmtree, _SESSION_CA_DIR, ignore_errors=True)  # the session's CA, key and bundle go with it
SESSION_CA = RunCa.load_or_create(_SESSION_CA_DIR)
CA_CERT_FILE: str = SESSION_CA.certificate_path or ""


def _trust_bundle() -> str:
    """The CAs ``requests`` trusted before (``REQUESTS_CA_BUNDLE``, else certifi's) and the session CA, in one file:
    programs the tests run that reach the package index (pip) still trust it."""
    import certifi

    before = os.environ.get("REQUESTS_CA_BUNDLE") or certifi.where()
    bundle = os.path.join(os.path.dirname(CA_CERT_FILE), "bundle.pem")
    with open(before, encoding="ascii", errors="replace") as known, open(bundle, "w", encoding="ascii") as out:
        out.write(known.read().rstrip("\n") + "\n" + SESSION_CA.certificate_pem)
    return bundle


os.environ["REQUESTS_CA_BUNDLE"] = _trust_bundle()
_PROXY_CERTIFICATE = SESSION_CA.issue_server("faultproxy").write(os.path.dirname(CA_CERT_FILE), "faultproxy")


def proxy_tls() -> dict:
    """``FaultProxy``'s TLS arguments in front of an HTTPS simulator: the session CA, a certificate it issued."""
    return {"ca_cert_file": CA_CERT_FILE, "certificate": _PROXY_CERTIFICATE}


@pytest.fixture
def simulator(tmp_path):
    """Start simulators in-process on free ports: ``simulator("ontap")`` or ``simulator("vault", name="vault-b")``;
    HTTPS with a certificate of :data:`SESSION_CA` (``server.ca_cert_file``), ``tls=False`` for plain HTTP.

    Every simulator started is stopped when the test ends.
    """
    running = []

    def _start(kind: str, name: str | None = None, state_path: str | None = None, **credentials):
        settings = build_settings(kind, name or kind, 0, state_path, Faults())
        settings.ca = SESSION_CA
        for key, value in credentials.items():
            setattr(settings, key, value)
        server = start(kind, settings)
        running.append(server)
        return server

    yield _start
    for server in running:
        server.stop()


@pytest.fixture
def kmip_servers():
    """Start real KMIP servers (PyKMIP, mutual TLS) on free loopback ports, their certificates issued by
    :data:`SESSION_CA`: ``kmip_servers(2)`` gives two ``RunningKmipServer`` (``.address`` is ``127.0.0.1:PORT``).
    The ONTAP simulators of :func:`simulator` trust them (their "kmip-ca" is the session CA) and they accept the
    simulators' "kmip-client". Every server started is stopped when the test ends."""
    running = []

    def _start(count: int = 1) -> list:
        started = [start_kmip_server(SESSION_CA) for _ in range(count)]
        running.extend(started)
        return started

    yield _start
    for server in running:
        server.stop()
