"""The HTTPS material of one simulator: its server certificate, issued by the run's CA.

``Settings.ca`` is the run's CA (:class:`RunCa`); a simulator started without one gets this process's own,
made once in a fresh temporary directory (``settings.ca.certificate_path`` says where).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading

from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.common.settings import Settings

_lock = threading.Lock()
_process_ca: RunCa | None = None


def temporary_ca_directory() -> str:
    """A fresh directory for a CA kept only while this process runs (removed when it exits)."""
    directory = tempfile.mkdtemp(prefix="keyform-simulators-ca-")
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return directory


def process_ca() -> RunCa:
    """This process's CA for simulators started without one (kept in a temporary directory)."""
    global _process_ca
    with _lock:
        if _process_ca is None:
            _process_ca = RunCa.load_or_create(temporary_ca_directory())
        return _process_ca


def ca_directory(ca: RunCa) -> str:
    """Where ``ca`` is kept (saved to a temporary directory first when it is held only in memory)."""
    if ca.certificate_path is None:
        ca.save(temporary_ca_directory())
    assert ca.certificate_path is not None
    return os.path.dirname(ca.certificate_path)


def server_certificate(settings: Settings) -> tuple[str, str]:
    """Issue the simulator's HTTPS certificate (loopback names) and write it beside the CA as
    ``<name>-https.pem`` and ``<name>-https-key.pem`` (0600); their paths."""
    if settings.ca is None:
        settings.ca = process_ca()
    hosts = ["localhost", "127.0.0.1", "::1"]
    if settings.host not in hosts and settings.host not in ("0.0.0.0", "::"):
        hosts.append(settings.host)
    issued = settings.ca.issue_server(settings.name, hosts)
    return issued.write(ca_directory(settings.ca), f"{settings.name}-https")
