"""The embedded default's KMIP servers (``python -m keyform.simulators all``).

Three servers, so that every example stack's key servers are real: VSP One Object's kms-a, kms-b, kms-c (servers
1-3) and the site's site-kms-1, site-kms-2 (1-2), ONTAP svm1's two primaries (1-2) and svm2's primary (3); one
KMIP server serves many clients, as a real one does. ONTAP's secondaries stay names: ONTAP does not contact a
secondary when adding a key server. The stacks find them through ``KEYFORM_KMIP_HOST`` and
``KEYFORM_KMIP_PORT_1``-``_3`` (stacks/endpoints.py), whose defaults are these ports.
"""

from __future__ import annotations

import os
from typing import Optional

from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.kmip.server import RunningKmipServer, start_kmip_server

DEFAULT_PORTS = {"kmip-1": 5696, "kmip-2": 5697, "kmip-3": 5698}
"""Name and default port of each server, in the order ``--port BASE`` numbers them (after the simulators)."""
PORT_SETTINGS = {"kmip-1": "KEYFORM_KMIP_PORT_1", "kmip-2": "KEYFORM_KMIP_PORT_2", "kmip-3": "KEYFORM_KMIP_PORT_3"}
"""The stacks' setting that names each server's port."""
SHOWN = "KMIP over mutual TLS: client certificates issued by the run's CA"


def start(name: str, ca: RunCa, host: str, port: int, state_dir: Optional[str]) -> RunningKmipServer:
    """Start server ``name`` (its workdir ``STATE_DIR/<name>``, a temporary one without ``state_dir``)."""
    workdir = os.path.join(state_dir, name) if state_dir else None
    return start_kmip_server(ca, host=host, port=port, workdir=workdir, name=name)


def describe(running: RunningKmipServer) -> dict:
    """The endpoints-file entry of one KMIP server."""
    return {"system": "kmip", "url": f"kmip://{running.address}", "host": running.host, "port": running.port,
            "port_setting": PORT_SETTINGS.get(running.name, ""), "ca_cert_file": running.ca_cert_file}
