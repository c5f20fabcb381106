"""Hitachi VSP One Object: KMIP servers in a group with exactly one primary.

Supported: POST /mapi/v1/kmip/{add_server,get_server,update_server,delete_server,promote_server} (seed 000).
The declared primary is created first and the others after it, so on a fresh system it is
primary from the start (the first server added becomes primary). Changing which server is
primary plans a ``promote_server`` call, not a delete and re-create; on destroy the primary
goes last, because only secondaries can be deleted. Servers are found by name after a lost
answer or an "already exists" refusal; the promotion is read back (``get_server``), so a server
promoted outside the stack shows in the plan as the promotion that restores the declared primary;
promoting an offline server is refused at plan. With ``adopt=True`` the servers the system already holds
are imported (found by name while Terraform plans) and the promotion too: its read-back then says whether
the declared primary already is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from constructs import Construct

from keyform.appliances import vsp as api
from keyform.cdk import DataRestObject, ObjectResource, Operation, RestProvider
from keyform.constructs.adoption import Expression, declare_import
from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.hosts import host_problem
from keyform.constructs.naming import api_json, attributes, canonical, slug, slug_clash
from keyform.constructs.topology import KMIP_DEFAULT_PORT, Topology

KMIP_PROTOCOLS = api.KMIP_PROTOCOLS
MAX_NAME = api.NAME_MAX


@dataclass(frozen=True)
class KmipServer:
    """A KMIP server of a VSP One Object system.

    ``name`` is unique in the system (at most 63 characters); ``host`` (a DNS name or an IP address) and ``port``
    are where it listens; ``tls12`` enables TLS 1.2; ``protocol`` is its KMIP version (``V1_3``, ``V1_4``,
    ``V2_0``, ``V2_1`` or ``V3_0``); ``ciphers`` lists HTTPS cipher suites, e.g. ``TLS_AES_256_GCM_SHA384``."""

    name: str
    host: str
    port: int = KMIP_DEFAULT_PORT
    tls12: bool = True
    protocol: str = "V1_4"
    ciphers: Sequence[str] = ()

    def data(self) -> dict[str, Any]:
        """The server as the API's ``add_server`` body (``isTLS12Enabled``, ``kmipProtocol``, ``httpsCiphers``)."""
        return api.server_data(self.name, self.host, self.port, self.tls12, self.protocol, self.ciphers)


class VspKmipServers(Construct):
    """The KMIP servers of one VSP One Object system; ``servers`` maps name → resource, ``promotion``
    is the ``promote_server`` call that makes ``primary`` the primary. With ``adopt``, what the system holds
    is imported instead of created."""

    def __init__(self, scope: Construct, id: str, *, provider: RestProvider, servers: Sequence[KmipServer],
                 primary: str, adopt: bool = False):
        super().__init__(scope, id)
        self._validate(self.node.path, servers, primary)
        ordered = sorted(servers, key=lambda s: s.name != primary)  # the primary first
        self.servers: dict[str, ObjectResource] = {}
        first = None
        for server in ordered:
            resource = ObjectResource(
                self, f"kmip_server_{slug(server.name)}", provider=provider, path=api.BASE,
                data=canonical(server.data()), depends_on=[first] if first is not None else None,
                api=api_json(api.server_settings()),
            )
            first = first or resource
            self.servers[server.name] = resource
        self.promotion = Operation(
            self, "promote", provider=provider, depends_on=list(self.servers.values()),
            **attributes(api.promotion(primary)),
        )
        if adopt:
            self._adopt(provider, primary)

    def _adopt(self, provider: RestProvider, primary: str) -> None:
        for name, resource in self.servers.items():
            found = DataRestObject(self, f"kmip_server_found_{slug(name)}", provider=provider, method="POST",
                                   path=api.GET, body=canonical(api.by_name(name)), pick={"id": "uuid"},
                                   allow_missing=True)
            declare_import(self, resource, {"path": api.BASE, "id": Expression("each.value"),
                                            "data": api.by_name(name),  # what its read needs (get_server {name})
                                            "api": api.server_settings()},
                           for_each=f"data.rest_object.{found.friendly_unique_id}.values")
        declare_import(self, self.promotion, {"id": "adopted", **api.promotion(primary)})

    @staticmethod
    def _validate(path: str, servers: Sequence[KmipServer], primary: str) -> None:
        if not servers:
            raise KeyformConfigError(path, "servers", "is empty", "declare at least one KMIP server")
        for i, server in enumerate(servers):
            where = f"servers[{i}]"
            if not server.name or not server.name.strip():
                raise KeyformConfigError(path, f"{where}.name", "is empty", "give each KMIP server a name")
            if len(server.name) > MAX_NAME:
                raise KeyformConfigError(path, f"{where}.name",
                                         f"'{server.name[:20]}...' is {len(server.name)} characters long",
                                         f"use at most {MAX_NAME} characters")
            problem = host_problem(server.host or "")
            if problem:
                raise KeyformConfigError(path, f"{where}.host",
                                         f"'{server.host}' is not a host name or address: {problem}",
                                         "give a DNS name or an IP address, e.g. 'kms1.example.com'")
            if not isinstance(server.port, int) or not 1 <= server.port <= 65535:
                raise KeyformConfigError(path, f"{where}.port", f"{server.port} is out of range",
                                         "use 1-65535 (KMIP: 5696)")
            if server.protocol not in KMIP_PROTOCOLS:
                raise KeyformConfigError(path, f"{where}.protocol",
                                         f"'{server.protocol}' is not a KMIP protocol of VSP One Object",
                                         f"use one of {', '.join(KMIP_PROTOCOLS)}")
            for cipher in server.ciphers:
                if not re.fullmatch(r"[A-Z0-9_]+", cipher):
                    raise KeyformConfigError(path, f"{where}.ciphers", f"'{cipher}' is not a cipher suite name",
                                             "list names like TLS_AES_256_GCM_SHA384, one per item")
        if primary not in {s.name for s in servers}:
            raise KeyformConfigError(path, "primary", f"'{primary}' is not one of the declared servers",
                                     "name one of: " + ", ".join(s.name for s in servers))
        topology = Topology(path)
        for server in servers:
            if server.name == primary:
                topology.add_primary(server.name)
            else:
                topology.add_secondary(server.name)
        names = [s.name for s in servers]
        duplicate = next((n for n in names if names.count(n) > 1), None)
        if duplicate:
            raise KeyformConfigError(path, "servers", f"the name '{duplicate}' is used twice",
                                     "give each KMIP server a unique name")
        clash = slug_clash(names)
        if clash:  # distinct names, one construct id
            raise KeyformConfigError(path, "servers",
                                     f"the names '{clash[0]}' and '{clash[1]}' would get the same resource name",
                                     "make the names differ in letters or digits")
        topology.validate("KMIP server", exactly_one_primary=True)
