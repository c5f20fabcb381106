"""The cluster's check of its key servers: KMIP Discover Versions over mutual TLS (seeds 001, 004).

Adding key servers, creating an external key manager with servers, and changing its client or server CA
certificates make the cluster connect to each primary key server with the SVM's client certificate (and its
private key) and the key manager's server CA certificates, and ask for the supported KMIP versions
(:func:`keyform.simulators.kmip.probe.discover_versions`). What happened decides the answer: unreachable →
66060341, server certificate not trusted → 66060338, client certificate refused → 66060339, TLS but no KMIP
answer → 65536852. CHOSEN: secondary key servers are not contacted (the seeds' calls check the servers they add;
secondaries are the nodes' failover targets); the servers are probed at once, each within
:data:`PROBE_SECONDS`; the first failure in request order is the answer. The admin switch ``kmip_failure``
(:mod:`.admin`) still answers first, for faults no real peer produces (65536834, 66060340). A call whose seed does
not list the outcome's code (PATCH of a key manager: seed 004 has no 66060341) answers 65536852 (CHOSEN).

The probes take seconds, so they run outside the store lock: an operation asks with :meth:`Connectivity.require`,
which raises :class:`ProbeFirst` until the results of exactly that check are known; :mod:`.jobs` then probes and
runs the operation again.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Iterable, Optional

from keyform.simulators.kmip.probe import Outcome, ProbeResult, discover_versions
from keyform.simulators.ontap import validation as v
from keyform.simulators.ontap.errors import OntapError
from keyform.simulators.ontap.store import Store

PROBE_SECONDS = 2.0
"""How long the cluster waits for one key server."""
QUERY_FAILED = 65536852
OUTCOME_CODES = {Outcome.UNREACHABLE: 66060341, Outcome.SERVER_UNTRUSTED: 66060338,
                 Outcome.CLIENT_REFUSED: 66060339, Outcome.NOT_KMIP: 65536852}


@dataclass(frozen=True)
class Check:
    """The key servers to contact and the credentials to contact them with."""

    servers: tuple[str, ...]
    client_certificate_pem: str
    client_key_pem: Optional[str]
    server_ca_pems: tuple[str, ...]


class ProbeFirst(Exception):
    """Raised under the store lock: run :meth:`Connectivity.probe` (without the lock), then the operation again."""

    def __init__(self, connectivity: "Connectivity", check: Check):
        super().__init__("key servers to probe first")
        self.connectivity = connectivity
        self.check = check


def split_server(server: str) -> tuple[str, int]:
    """``host`` and ``port`` of a normalized ``host:port`` (``[v6]:port``)."""
    host, _, port = server.rpartition(":")
    return host.strip("[]"), int(port)


def _probe_one(server: str, check: Check, results: dict) -> None:
    host, port = split_server(server)
    results[server] = discover_versions(host, port, client_certificate_pem=check.client_certificate_pem,
                                        client_key_pem=check.client_key_pem, server_ca_pems=check.server_ca_pems,
                                        timeout=PROBE_SECONDS)


def probe_all(check: Check) -> Optional[int]:
    """Probe every server at once; the error code of the first that fails (request order), None when all answer.
    A probe still running after :data:`PROBE_SECONDS` (and a little) counts as unreachable."""
    results: dict[str, ProbeResult] = {}
    threads = [threading.Thread(target=_probe_one, args=(server, check, results), daemon=True,
                                name=f"ontap-kmip-probe-{server}") for server in check.servers]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + PROBE_SECONDS + 0.5
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    for server in check.servers:
        result = results.get(server)
        if result is None:
            return OUTCOME_CODES[Outcome.UNREACHABLE]
        if not result.ok:
            return OUTCOME_CODES[result.outcome]
    return None


class Connectivity:
    """One request's key-server checks and their results, kept across the runs of its operation."""

    def __init__(self) -> None:
        self.results: dict[Check, Optional[int]] = {}
        self.inline = False
        """Probe under the lock instead of raising :class:`ProbeFirst` (the last run, see :mod:`.jobs`)."""

    def probe(self, check: Check) -> None:
        self.results[check] = probe_all(check)

    def require(self, store: Store, conditions: dict, allowed: Iterable[int], servers: Iterable[dict],
                client_certificate_uuid: str, server_ca_certificate_uuids: Iterable[str], target: str) -> None:
        """Refuse with the injected failure (``allowed`` codes), else with what probing ``servers`` gave."""
        allowed = tuple(allowed)
        v.check_kmip(conditions, allowed)
        names = tuple(entry["server"] for entry in servers)
        if not names:
            return
        client = store.certificate(uuid=client_certificate_uuid) or {}
        cas = (store.certificate(uuid=uuid) or {} for uuid in server_ca_certificate_uuids)
        check = Check(names, client.get("public_certificate", ""), client.get("private_key"),
                      tuple(ca.get("public_certificate", "") for ca in cas))
        if check not in self.results:
            if not self.inline:
                raise ProbeFirst(self, check)
            self.probe(check)
        code = self.results[check]
        if code is not None:
            raise OntapError(code if code in allowed else QUERY_FAILED, target=target)
