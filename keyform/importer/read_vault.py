"""The live clusters of one Vault DR set → :class:`VaultSet`.

Reads ``GET /sys/replication/dr/status`` of each cluster named. Exactly one is the primary; every
other named cluster is a DR secondary of it (its ``secondary_id`` among the primary's
``secondaries[].node_id``, the same ``cluster_id``), and every secondary of the primary is named.
A secondary is called by its ``node_id`` (the name keyform's construct gives a cluster), the primary
by its command-line name (``VAULT_A`` → ``vault-a``); each cluster's ``api_addr`` is the address the
set knows it by: the primary's from a secondary's ``primaries[0].api_address``, a secondary's from the
primary's ``secondaries[].api_address``.
"""

from __future__ import annotations

from typing import Sequence

from keyform.appliances import vault as api
from keyform.importer.connect import Access, client, reading
from keyform.importer.errors import ImportFailed
from keyform.importer.model import VaultMember, VaultSet, alias, env_var

REVOKE = f"{api.DR}/primary/revoke-secondary"


def read(accesses: Sequence[Access]) -> VaultSet:
    named = ",".join(a.name for a in accesses)
    where = f"vault={named}"
    status = {a.name: _status(a) for a in accesses}
    for access in accesses:
        if status[access.name].get("mode") not in ("primary", "secondary"):
            raise ImportFailed(
                f"{where}: {access} is in no DR replication set (mode {status[access.name].get('mode')!r}): "
                f"leave {access.name} out of vault=, or make it a DR secondary of the set's primary first")
    primaries = [a for a in accesses if status[a.name]["mode"] == "primary"]
    if len(primaries) > 1:
        raise ImportFailed(f"{where}: {' and '.join(str(a) for a in primaries)} are all DR primaries: a set has one; "
                           "import each set with its own vault= argument")
    if not primaries:
        raise ImportFailed(f"{where}: none of {named} is a DR primary: name the set's primary as well "
                           f"(vault=<PRIMARY>,{named} with KEYFORM_<PRIMARY>_BASE_URL and _TOKEN set)")
    primary = primaries[0]
    pdata = status[primary.name]
    listed = {s.get("node_id"): s for s in pdata.get("secondaries") or []}
    members, known_as = [], set()
    for access in accesses:
        if access is primary:
            continue
        data = status[access.name]
        link = (data.get("primaries") or [{}])[0]
        sid = data.get("secondary_id") or _listed_at(listed, api_addr(access.base_url))
        foreign = data.get("cluster_id") and pdata.get("cluster_id") and data["cluster_id"] != pdata["cluster_id"]
        if not link.get("api_address") or sid not in listed or foreign:
            follows = f"a DR secondary of {link['api_address']}" if link.get("api_address") else \
                "a DR secondary that follows no primary"
            raise ImportFailed(
                f"{where}: {access} is {follows}, not of {primary}: it is not in the set of {primary.name}. "
                f"Leave {access.name} out, or import its own set (vault= naming its primary)")
        known_as.add(link["api_address"].rstrip("/"))
        members.append(VaultMember(access.name, sid, access.base_url, listed[sid]["api_address"].rstrip("/"), False))
    unnamed = sorted(set(listed) - {m.name for m in members}, key=str)
    if unnamed:
        others = ", ".join(f"{n} ({listed[n].get('api_address')})" for n in unnamed)
        raise ImportFailed(
            f"{where}: {primary} is also the DR primary of {others}, not named: name every cluster of the set "
            f"(vault={named},<NAME> with KEYFORM_<NAME>_BASE_URL and _TOKEN set), or revoke a secondary that is "
            f"gone on {primary.name} ({REVOKE})")
    if len(known_as) > 1:
        raise ImportFailed(f"{where}: the secondaries know {primary} by different addresses "
                           f"({', '.join(sorted(known_as))}): re-point them (update-primary) to one, then import again")
    name = alias(primary.name)
    if name in {m.name for m in members}:
        raise ImportFailed(f"{where}: the secondary id of a secondary is '{name}', the name the primary "
                           f"{primary.name} would get: name the primary differently (e.g. {primary.name}_PRIMARY, with "
                           f"{env_var(primary.name + '_PRIMARY', 'BASE_URL')} and _TOKEN)")
    address = known_as.pop() if known_as else api_addr(primary.base_url)
    members.insert(0, VaultMember(primary.name, name, primary.base_url, address, True))
    return VaultSet(tuple(members))


def api_addr(base_url: str) -> str:
    """A cluster's API address from its API base: without the ``/v1`` suffix (as ``stacks.endpoints`` has it)."""
    base = base_url.rstrip("/")
    return base[: -len(api.API_ROOT)] if base.endswith(api.API_ROOT) else base


def _listed_at(listed: dict, address: str):
    """The id under which the primary lists the secondary at ``address`` (a status without ``secondary_id``)."""
    return next((node for node, entry in listed.items() if (entry.get("api_address") or "").rstrip("/") == address),
                None)


def _status(access: Access) -> dict:
    with reading(access, "its DR replication status"):
        body = client(access).request("GET", api.STATUS).body or {}
        data = body.get("data") or {}
        if not isinstance(data, dict):
            raise TypeError("data is not an object")
        return data
