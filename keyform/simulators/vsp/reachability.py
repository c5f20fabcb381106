"""``isOnline``: whether VSP One Object can talk KMIP with a configured server right now.

As the system does, the simulator connects to the server's ``host:port`` over mutual TLS — presenting its own
client certificate, issued by the run's CA, and trusting the run's CA — and asks for its KMIP protocol versions
(Discover Versions; see :mod:`keyform.simulators.kmip.probe`). The server is online when a KMIP answer comes back.
``isTLS12Enabled`` false allows TLS 1.3 only (a TLS 1.2-only server is then offline). CHOSEN: reachability, as the
guide defines ``isOnline``, not compatibility: ``kmipProtocol`` is not matched against the versions answered, and
``httpsCiphers`` is kept and answered but not imposed on the connection (its names mix TLS 1.3 and RSA suites that
a TLS 1.2 ECDSA peer cannot take; the system's own cipher list is used).

Each server is probed within ``settings.extra["reachability_timeout"]`` (1 s by default), all servers of one
answer concurrently. Name resolution is not bounded by that timeout, so the whole check has a deadline
(``settings.extra["reachability_deadline"]``, 3 s by default); past it the request fails with 504 "Internal error -
request timed out.".
"""

from __future__ import annotations

import ssl
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Callable, Iterable, Optional

from keyform.simulators.common.run_ca import Issued, RunCa
from keyform.simulators.kmip.probe import discover_versions
from keyform.simulators.vsp.errors import TIMED_OUT, ApiError

PROBE_TIMEOUT = 1.0
DEADLINE = 3.0
MAX_WORKERS = 16
CLIENT_NAME = "vsp-one-object-{name}"
"""The common name of the system's KMIP client certificate."""


def _probe(server: dict, ca: RunCa, client: Issued, timeout: float) -> bool:
    result = discover_versions(server["host"], server["port"], client_certificate_pem=client.certificate_pem,
                               client_key_pem=client.private_key_pem, server_ca_pems=[ca.certificate_pem],
                               timeout=timeout, minimum_tls=ssl.TLSVersion.TLSv1_2 if server["isTLS12Enabled"]
                               else ssl.TLSVersion.TLSv1_3)
    return result.ok


class Reachability:
    """Probes KMIP servers as the system ``name`` (its client certificate is issued by the CA ``ca()`` names, once)."""

    def __init__(self, ca: Callable[[], RunCa], name: str, probe_timeout: float = PROBE_TIMEOUT,
                 deadline: float = DEADLINE):
        self._ca = ca
        self._name = name
        self.probe_timeout = probe_timeout
        self.deadline = deadline
        self._identity: Optional[tuple[RunCa, Issued]] = None
        self._lock = threading.Lock()

    def identity(self) -> tuple[RunCa, Issued]:
        """The CA trusted and the client certificate presented (issued at the first probe)."""
        with self._lock:
            if self._identity is None:
                ca = self._ca()
                self._identity = (ca, ca.issue_client(CLIENT_NAME.format(name=self._name)))
            return self._identity

    def online(self, servers: Iterable[dict]) -> list[bool]:
        """Probe each server (its ``host``, ``port``, ``isTLS12Enabled``) concurrently; the
        answers in the same order."""
        servers = list(servers)
        if not servers:
            return []
        ca, client = self.identity()
        pool = ThreadPoolExecutor(max_workers=min(MAX_WORKERS, len(servers)), thread_name_prefix="vsp-probe")
        try:
            futures = [pool.submit(_probe, server, ca, client, self.probe_timeout) for server in servers]
            _, pending = wait(futures, timeout=self.deadline)
            if pending:
                raise ApiError(504, TIMED_OUT)
            return [future.result() for future in futures]
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
