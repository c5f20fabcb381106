"""DR replication status.

Supported:
- GET /v1/sys/replication/dr/status -> 200 (authenticated, as the API doc says, on a primary and a
  disabled cluster; a DR secondary, which serves no client token, answers it without one, as
  current Vault answers it everywhere: see :mod:`.auth`)

The ``data`` fields are repeated at the top level next to the envelope, with
``mode`` there spelled ``dr-primary``/``dr-secondary`` (``disabled`` stays), as in
the doc's sample. Before answering, the cluster checks its links: a secondary
sends a heartbeat to its primary, a primary probes its registered secondaries,
so ``connection_status``, ``last_heartbeat`` and ``state`` are current. The
heartbeat also hands over the DR operation-token registrations the primary has not
acknowledged yet and brings back the replication set's operation-token sets and the
primary's replicated document (policies, token roles, mounts, token store), which replaces
the secondary's.
"""

from __future__ import annotations

from flask import Flask

from keyform.simulators.vault import auth, peering
from keyform.simulators.vault.cluster import Cluster, merkle_root, rfc3339
from keyform.simulators.vault.envelope import respond

PATH = "/v1/sys/replication/dr/status"
TOP_LEVEL_MODE = {"primary": "dr-primary", "secondary": "dr-secondary", "disabled": "disabled"}


def status_data(cluster: Cluster) -> dict:
    """The ``data`` of the status answer for the cluster's mode (no network calls)."""
    with cluster.lock:
        s = cluster.state
        if s["mode"] == "primary":
            return {
                "mode": "primary",
                "state": "running",
                "cluster_id": s["cluster_id"],
                "known_secondaries": cluster.known_secondaries(),
                "last_wal": s["last_wal"],
                "merkle_root": merkle_root(s["cluster_id"], s["last_wal"]),
                "primary_cluster_addr": s["primary_cluster_addr"],
                "secondaries": cluster.secondaries_status(),
            }
        if s["mode"] == "secondary":
            link = s.get("link")
            wal = int(s.get("last_remote_wal", 0))
            primaries = []
            if link:
                primaries.append(
                    {
                        "api_address": link["primary_api_addr"],
                        "cluster_address": link["primary_cluster_addr"],
                        "connection_status": "connected" if link["connected"] else "disconnected",
                        "last_heartbeat": rfc3339(link["last_heartbeat"]),
                    }
                )
            return {
                "mode": "secondary",
                "state": ("stream-wals" if link["connected"] else "connecting") if link else "idle",
                "cluster_id": s["cluster_id"],
                "primaries": primaries,
                "secondary_id": link["secondary_id"] if link else "",
                "known_primary_cluster_addrs": list(s["known_primary_cluster_addrs"]),
                "last_remote_wal": wal,
                "merkle_root": merkle_root(s["cluster_id"], wal),
            }
        return {"mode": "disabled"}


def refresh_links(cluster: Cluster) -> None:
    link = cluster.link()
    if link:
        unsent = cluster.unsent_operation_tokens()
        contact = peering.heartbeat(link, cluster.state["cluster_id"], unsent)
        cluster.record_heartbeat(link["secondary_id"], contact, unsent)
    for target in cluster.links_to_check():
        cluster.record_probe(target["secondary_id"], target["link_secret"], peering.probe(target))


def register(app: Flask, cluster: Cluster) -> None:
    @app.get(PATH)
    def replication_dr_status():
        auth.require_unless_secondary(cluster)
        refresh_links(cluster)
        data = status_data(cluster)
        top = {k: v for k, v in data.items() if k != "mode"}
        top = {"mode": TOP_LEVEL_MODE[data["mode"]], **top}
        return respond(data, top_level=top)
