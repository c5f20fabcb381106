"""DR secondary endpoints.

Supported:
- POST /v1/sys/replication/dr/secondary/enable          {token, primary_api_addr, ca_file, ca_path} -> 204
- POST /v1/sys/replication/dr/secondary/promote         {dr_operation_token, primary_cluster_addr, force} -> 200
- POST /v1/sys/replication/dr/secondary/update-primary  {dr_operation_token, token, primary_api_addr,
  ca_file, ca_path} -> 204 (``token: ""`` forgets the primary)
- POST /v1/sys/replication/dr/secondary/disable         -> 204

All need ``X-Vault-Token``. ``dr_operation_token`` is any operation token of the
replication set (generated on any of its secondaries, see :mod:`.operation_token`);
the secondary adopts the primary's operation-token sets at activation and
update-primary. Activation calls the primary over HTTP (see
:mod:`.peering`); ``ca_file``/``ca_path`` are accepted and ignored (the
simulators talk plain HTTP on loopback).
"""

from __future__ import annotations

from flask import Flask

from keyform.simulators.vault import keys, operation_token, params, peering
from keyform.simulators.vault.cluster import Cluster
from keyform.simulators.vault.envelope import VaultError, no_content, respond

PREFIX = "/v1/sys/replication/dr/secondary"
WRITE = ["POST", "PUT"]


def _handshake(cluster: Cluster, data: dict, expected_cluster_id: str = "") -> tuple[dict, str]:
    token = params.string(data, "token", required=True)
    public = keys.read_activation_token(token)
    primary_api_addr = params.string(data, "primary_api_addr") or public["addr"]
    params.string(data, "ca_file")
    params.string(data, "ca_path")
    me = {"api_address": cluster.api_address, "cluster_address": cluster.cluster_address}
    package = peering.activate(primary_api_addr, token, me, expected_cluster_id)
    expected = {"cluster_id", "primary_cluster_addr", "secondary_id", "link_secret", "key_set", "last_wal"}
    missing = expected - set(package)
    if missing:
        raise VaultError("error fetching secondary bootstrap package: the primary's answer is incomplete", 500)
    return package, primary_api_addr


def register(app: Flask, cluster: Cluster) -> None:
    settings = cluster.settings

    @app.route(f"{PREFIX}/enable", methods=WRITE)
    def secondary_enable():
        params.require_token(settings)
        data = params.body()
        params.string(data, "token", required=True)
        cluster.check_can_enable_secondary()
        package, primary_api_addr = _handshake(cluster, data)
        cluster.become_secondary(package, primary_api_addr, wipe=True)
        return no_content()

    @app.route(f"{PREFIX}/promote", methods=WRITE)
    def secondary_promote():
        params.require_token(settings)
        data = params.body()
        cluster.require_mode("secondary", "error promoting DR secondary: this cluster is not a DR secondary")
        cluster.check_operation_token(params.string(data, "dr_operation_token"))
        params.boolean(data, "force")
        cluster.promote(params.string(data, "primary_cluster_addr"))
        progress = {"complete": True, "progress": 0, "required": 0}
        return respond(progress, top_level=progress)

    @app.route(f"{PREFIX}/update-primary", methods=WRITE)
    def secondary_update_primary():
        params.require_token(settings)
        data = params.body()
        cluster.require_mode("secondary", "error updating primary: this cluster is not a DR secondary")
        cluster.check_operation_token(params.string(data, "dr_operation_token"))
        if "token" not in data:
            raise VaultError("missing required parameter 'token'")
        if params.string(data, "token") == "":
            cluster.clear_primary()
            return no_content()
        package, primary_api_addr = _handshake(cluster, data, expected_cluster_id=cluster.state["cluster_id"])
        cluster.become_secondary(package, primary_api_addr, wipe=False)
        # Hand the new primary what this cluster generated or deleted that no primary acknowledged.
        operation_token.share_with_primary(cluster)
        return no_content()

    @app.route(f"{PREFIX}/disable", methods=WRITE)
    def secondary_disable():
        params.require_token(settings)
        params.body()
        cluster.disable_secondary()
        return no_content()
