"""DR primary endpoints.

Supported:
- POST /v1/sys/replication/dr/primary/enable            {primary_cluster_addr} -> 204
- POST /v1/sys/replication/dr/primary/demote            -> 204
- POST /v1/sys/replication/dr/primary/disable           -> 204
- POST /v1/sys/replication/dr/primary/secondary-token   {id, ttl="30m"} -> 200, token in ``wrap_info``
  (also ``GET ...?id=us-east-1&ttl=30m`` as in the API doc's sample)
- POST /v1/sys/replication/dr/primary/revoke-secondary  {id} -> 204

All need an ``X-Vault-Token`` allowed there (:mod:`.auth`; ``secondary-token`` also needs ``sudo``);
Vault accepts PUT wherever it accepts POST.
"""

from __future__ import annotations

from flask import Flask

from keyform.simulators.vault import auth, params
from keyform.simulators.vault.cluster import Cluster, rfc3339
from keyform.simulators.vault.envelope import VaultError, no_content, respond

PREFIX = "/v1/sys/replication/dr/primary"
WRITE = ["POST", "PUT"]
DEFAULT_TTL = "30m"


def register(app: Flask, cluster: Cluster) -> None:

    @app.route(f"{PREFIX}/enable", methods=WRITE)
    def primary_enable():
        auth.require(cluster)
        data = params.body()
        cluster.enable_primary(params.string(data, "primary_cluster_addr"))
        return no_content()

    @app.route(f"{PREFIX}/demote", methods=WRITE)
    def primary_demote():
        auth.require(cluster)
        params.body()
        cluster.demote()
        return no_content()

    @app.route(f"{PREFIX}/disable", methods=WRITE)
    def primary_disable():
        auth.require(cluster)
        params.body()
        cluster.disable_primary()
        return no_content()

    @app.route(f"{PREFIX}/secondary-token", methods=["GET", *WRITE])
    def primary_secondary_token():
        auth.require(cluster)
        data = params.body()
        secondary_id = params.string(data, "id").strip()
        if not secondary_id:
            raise VaultError("missing required parameter 'id'")
        ttl = params.duration(data.get("ttl") or DEFAULT_TTL)
        if ttl == 0:
            ttl = params.duration(DEFAULT_TTL)
        issued = cluster.issue_activation_token(secondary_id, ttl)
        wrap_info = {
            "token": issued["token"],
            "accessor": issued["accessor"],
            "ttl": issued["ttl"],
            "creation_time": rfc3339(issued["created_at"]),
            "creation_path": "sys/replication/dr/primary/secondary-token",
            "wrapped_accessor": "",
        }
        return respond(None, wrap_info=wrap_info, request_id="")

    @app.route(f"{PREFIX}/revoke-secondary", methods=WRITE)
    def primary_revoke_secondary():
        auth.require(cluster)
        data = params.body()
        secondary_id = params.string(data, "id").strip()
        if not secondary_id:
            raise VaultError("missing required parameter 'id'")
        cluster.revoke_secondary(secondary_id)
        return no_content()
