"""Settings of one simulator instance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from keyform.simulators.common.faults import Faults


@dataclass
class Settings:
    """How one simulated appliance runs.

    ``url`` is filled in by :func:`keyform.simulators.common.server.serve` once the
    port is bound, so an app can tell peers where it listens (Vault embeds its
    address in secondary activation tokens).
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
