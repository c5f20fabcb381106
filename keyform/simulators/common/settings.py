"""Settings of one simulator instance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from keyform.simulators.common.faults import Faults
from keyform.simulators.common.run_ca import RunCa


@dataclass
class Settings:
    """How one simulated appliance runs.

    ``url`` is filled in by :func:`keyform.simulators.common.server.serve` once the
    port is bound, so an app can tell peers where it listens (Vault embeds its
    address in secondary activation tokens).

    ``tls`` (the default) serves HTTPS with a certificate issued by ``ca``, the run's CA (one CA object can
    issue the KMIP servers' certificates too); off, plain HTTP (``--http``).
    """

    name: str
    host: str = "127.0.0.1"
    port: int = 0
    state_path: Optional[str] = None
    username: str = "admin"
    password: str = ""
    token: str = ""
    faults: Faults = field(default_factory=Faults)
    url: str = ""
    extra: dict = field(default_factory=dict)
    ontap_version: Optional[str] = None
    """ONTAP only: the release profile to answer as (``--ontap-version``; None: the seeds' release)."""
    tls: bool = True
    ca: Optional[RunCa] = None
    """The run's CA (None with ``tls``: this process's own, made when serving starts)."""

    @property
    def ca_cert_file(self) -> Optional[str]:
        """The CA certificate clients trust this simulator by (None over plain HTTP)."""
        return self.ca.certificate_path if self.tls and self.ca else None
