"""What the importer read, typed: the inventory ``render`` turns into code. It holds no secret.

Each appliance keeps the name it was given on the command line (``ONTAP``, ``VAULT_A``): its
environment variables are ``KEYFORM_<NAME>_*`` and its provider alias is derived from it
(:func:`alias`), so the generated stack reads the same variables the import did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def env_name(name: str) -> str:
    """``vault-a`` → ``VAULT_A``: the ``<NAME>`` of ``KEYFORM_<NAME>_*`` (as the providers derive it)."""
    return "".join(c if c.isalnum() else "_" for c in name.upper())


def env_var(name: str, suffix: str) -> str:
    return f"KEYFORM_{env_name(name)}_{suffix}"


def alias(name: str) -> str:
    """``VAULT_A`` → ``vault-a``: the provider alias whose environment prefix is ``KEYFORM_VAULT_A_``."""
    return name.lower().replace("_", "-")


# ------------------------------------------------------------------------------------------------ ONTAP
@dataclass(frozen=True)
class KeyServerEntry:
    """A primary key server: ``host:port`` as ONTAP stores it, its secondaries as listed."""

    server: str
    secondaries: tuple[str, ...] = ()
    timeout: Optional[int] = None
    username: Optional[str] = None
    left_out: tuple[str, ...] = ()  # what was read but is not declared (e.g. a timeout keyform cannot declare)


@dataclass(frozen=True)
class KeyManagerEntry:
    """A key manager: of an SVM (``svm``) or of the cluster (``svm=None``); external or onboard."""

    svm: Optional[str]
    onboard: bool = False
    client_certificate: Optional[str] = None
    server_ca_certificates: tuple[str, ...] = ()
    key_servers: tuple[KeyServerEntry, ...] = ()


@dataclass(frozen=True)
class OntapCluster:
    name: str  # as given on the command line
    base_url: str
    username: str
    key_managers: tuple[KeyManagerEntry, ...] = ()


# ------------------------------------------------------------------------------------ VSP One Object
@dataclass(frozen=True)
class VspServer:
    name: str
    host: str
    port: int
    primary: bool
    tls12: bool
    protocol: str
    ciphers: tuple[str, ...] = ()


@dataclass(frozen=True)
class VspSystem:
    name: str
    base_url: str
    username: str
    servers: tuple[VspServer, ...] = ()

    @property
    def primary(self) -> Optional[str]:
        return next((s.name for s in self.servers if s.primary), None)


# ---------------------------------------------------------------------------------------- Vault DR
@dataclass(frozen=True)
class VaultMember:
    """A cluster of a DR set: ``name`` is the cluster's name in the set (a secondary's ``node_id``),
    ``api_addr`` the address the set knows it by."""

    cli_name: str
    name: str
    base_url: str
    api_addr: str
    primary: bool


@dataclass(frozen=True)
class VaultSet:
    members: tuple[VaultMember, ...]

    @property
    def primary(self) -> VaultMember:
        return next(m for m in self.members if m.primary)

    @property
    def secondaries(self) -> list[VaultMember]:
        return sorted((m for m in self.members if not m.primary), key=lambda m: m.name)


@dataclass(frozen=True)
class Inventory:
    ontap: tuple[OntapCluster, ...] = ()
    vsp: tuple[VspSystem, ...] = ()
    vault: tuple[VaultSet, ...] = field(default_factory=tuple)
