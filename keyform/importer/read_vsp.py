"""A live VSP One Object system → :class:`VspSystem`: its KMIP servers, one of them primary.

Reads ``POST /v1/kmip/list_servers`` (a read, though a POST) → ``{"servers": {name: server}}``.
"""

from __future__ import annotations

from keyform.appliances import vsp as api
from keyform.importer.connect import Access, client, reading
from keyform.importer.errors import ImportFailed
from keyform.importer.model import VspServer, VspSystem


def read(access: Access) -> VspSystem:
    with reading(access, "its KMIP servers"):
        listed = client(access).request("POST", api.LIST, idempotent=True).body or {}
        found = listed.get("servers") or {}
        servers = sorted((_server(s) for s in (found.values() if isinstance(found, dict) else found)),
                         key=lambda s: s.name)
    primaries = [s.name for s in servers if s.primary]
    if servers and len(primaries) != 1:
        state = f"{len(primaries)} are primary ({', '.join(primaries)})" if primaries else "none is primary"
        raise ImportFailed(f"{access}: of its KMIP servers {', '.join(s.name for s in servers)}, {state}: "
                           "keyform declares exactly one; promote one (promote_server), then import again")
    return VspSystem(access.name, access.base_url, access.username, tuple(servers))


def _server(record: dict) -> VspServer:
    ciphers = record.get("httpsCiphers") or ""
    if isinstance(ciphers, str):
        ciphers = ciphers.split(",")
    return VspServer(
        name=record["name"], host=record["host"], port=int(record.get("port") or api.DEFAULT_PORT),
        primary=bool(record.get("isPrimary")), tls12=bool(record.get("isTLS12Enabled", True)),
        protocol=record.get("kmipProtocol") or api.DEFAULT_PROTOCOL,
        ciphers=tuple(c.strip() for c in ciphers if c and c.strip()),
    )
