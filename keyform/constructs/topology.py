"""The shared model of a primary/secondary topology, validated before anything is synthesized.

ONTAP key servers (up to 4 primaries, each with up to 3 secondaries), VSP One Object KMIP
servers (exactly one primary) and Vault DR clusters (one primary, any secondaries) are
all members with a role. :meth:`Topology.validate` checks the rules each system declares
and raises :class:`KeyformConfigError` naming the construct path, the field and the fix.
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.hosts import host_problem

KMIP_DEFAULT_PORT = 5696


HOST_FIX = "give a DNS name or an IP address, e.g. 'kms1.example.com:5696' or '[fd00::1]:5696'"


@dataclass(frozen=True)
class Endpoint:
    """``host[:port]``: the port defaults to KMIP's 5696; IPv6 hosts go in brackets. The host is a DNS
    name or an IP literal (see :mod:`.hosts`), normalized as ONTAP stores it: lower case, port added."""

    host: str
    port: int = KMIP_DEFAULT_PORT

    @classmethod
    def parse(cls, text: str, construct_path: str, field_name: str) -> "Endpoint":
        """``text`` as an endpoint; a :class:`KeyformConfigError` naming ``construct_path`` and ``field_name``
        when it is not one."""
        raw = (text or "").strip()
        if not raw:
            raise KeyformConfigError(construct_path, field_name, "is empty",
                                     "give a host name or address, e.g. 'kms1.example.com:5696'")
        host, port = raw, KMIP_DEFAULT_PORT
        if raw.startswith("["):
            end = raw.find("]")
            if end < 0:
                raise KeyformConfigError(construct_path, field_name, f"'{raw}' has an unclosed '['",
                                         "write IPv6 as [addr]:port")
            host, rest = raw[1:end], raw[end + 1 :]
            if rest:
                port = cls._port(rest.lstrip(":"), raw, construct_path, field_name)
            try:
                return cls(f"[{ipaddress.IPv6Address(host).compressed}]", port)
            except ValueError:
                raise KeyformConfigError(construct_path, field_name, f"'{raw}' is not a host[:port]: "
                                         f"'{host}' is not an IPv6 address", HOST_FIX) from None
        if raw.count(":") == 1:
            host, port_text = raw.split(":")
            port = cls._port(port_text, raw, construct_path, field_name)
        elif raw.count(":") > 1:
            raise KeyformConfigError(construct_path, field_name, f"'{raw}' looks like a bare IPv6 address",
                                     "write it as [addr]:port")
        problem = host_problem(host)
        if problem:
            raise KeyformConfigError(construct_path, field_name, f"'{raw}' is not a host[:port]: {problem}", HOST_FIX)
        return cls(host.lower(), port)

    @staticmethod
    def _port(text: str, raw: str, construct_path: str, field_name: str) -> int:
        if not text.isdigit() or not 1 <= int(text) <= 65535:
            raise KeyformConfigError(construct_path, field_name, f"'{raw}' has no valid port",
                                     "use a port between 1 and 65535 (KMIP: 5696)")
        return int(text)

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass
class Member:
    name: str
    role: str  # "primary" | "secondary"
    primary: Optional[str] = None  # for a secondary: the primary it belongs to (None: the group's)


@dataclass
class Topology:
    """Members of one primary/secondary arrangement, checked against a system's limits."""

    construct_path: str
    members: list[Member] = field(default_factory=list)

    def add_primary(self, name: str) -> None:
        """Add ``name`` as a primary."""
        self.members.append(Member(name, "primary"))

    def add_secondary(self, name: str, of: Optional[str] = None) -> None:
        """Add ``name`` as a secondary of the primary ``of`` (None: of the group's one primary)."""
        self.members.append(Member(name, "secondary", of))

    @property
    def primaries(self) -> list[str]:
        """The primaries' names, in the order they were added."""
        return [m.name for m in self.members if m.role == "primary"]

    def secondaries_of(self, primary: Optional[str]) -> list[str]:
        """The secondaries of ``primary`` (None: those added without one)."""
        return [m.name for m in self.members if m.role == "secondary" and m.primary == primary]

    def validate(
        self,
        what: str,
        max_primaries: Optional[int] = None,
        max_secondaries_per_primary: Optional[int] = None,
        exactly_one_primary: bool = False,
        secondaries_unique_per_primary_only: bool = False,
    ) -> None:
        """Check the members against a system's limits, ``what`` naming a member in the messages (``"key
        server"``); raises :class:`KeyformConfigError` at the first rule broken: a primary declared twice, not
        exactly one primary where ``exactly_one_primary``, more primaries or more secondaries per primary than
        allowed, a member in both roles, a secondary listed twice for one primary or (unless
        ``secondaries_unique_per_primary_only``) under two primaries."""
        path = self.construct_path
        primaries = self.primaries
        duplicates = [n for n, c in Counter(primaries).items() if c > 1]
        if duplicates:
            raise KeyformConfigError(path, what, f"{duplicates[0]} is declared twice", f"declare each {what} once")
        if exactly_one_primary and len(primaries) != 1:
            raise KeyformConfigError(path, "primary", f"{len(primaries)} primaries declared",
                                     f"mark exactly one {what} as primary")
        if max_primaries is not None and len(primaries) > max_primaries:
            raise KeyformConfigError(
                path, what, f"{len(primaries)} primary {what}s declared, at most {max_primaries} are allowed",
                f"remove {len(primaries) - max_primaries} of them, or make some secondaries of another",
            )
        for member in self.members:
            if member.role != "secondary":
                continue
            if member.name in primaries:
                raise KeyformConfigError(path, f"{what} {member.name}", "is declared both primary and secondary",
                                         "declare it in one role only")
        for primary in [None, *primaries]:
            secondaries = self.secondaries_of(primary)
            owner = f"{what} {primary}" if primary else what
            repeated = [n for n, c in Counter(secondaries).items() if c > 1]
            if repeated:
                raise KeyformConfigError(path, f"{owner} secondaries", f"{repeated[0]} is listed twice",
                                         "list each secondary once")
            if max_secondaries_per_primary is not None and len(secondaries) > max_secondaries_per_primary:
                raise KeyformConfigError(
                    path, f"{owner} secondaries",
                    f"{len(secondaries)} secondaries declared, "
                    f"at most {max_secondaries_per_primary} are allowed per primary",
                    f"keep at most {max_secondaries_per_primary}",
                )
        if not secondaries_unique_per_primary_only:
            all_secondaries = [m.name for m in self.members if m.role == "secondary"]
            repeated = [n for n, c in Counter(all_secondaries).items() if c > 1]
            if repeated:
                raise KeyformConfigError(path, "secondaries", f"{repeated[0]} is a secondary of more than one primary",
                                         "give each secondary one primary")
