"""DR secondary endpoints.

Supported:
- POST /v1/sys/replication/dr/secondary/enable          {token, primary_api_addr, ca_file, ca_path} -> 204
- POST /v1/sys/replication/dr/secondary/promote         {dr_operation_token, primary_cluster_addr, force} -> 200
- POST /v1/sys/replication/dr/secondary/update-primary  {dr_operation_token, token, primary_api_addr,
  ca_file, ca_path} -> 204 (``token: ""`` forgets the primary)
- POST /v1/sys/replication/dr/secondary/disable         {dr_operation_token} -> 204
- POST /v1/sys/replication/dr/secondary/merkle-check    {dr_operation_token} -> 200, data
  ``{merkle_corruption_report: {corrupted_root: false, corrupted_tree_map: {},
  last_corruption_check_epoch: "<now, RFC 3339>"}}`` (read-only: it changes nothing)

Vault accepts PUT wherever it accepts POST. ``enable`` needs a token of the cluster's own
token store with ``X-Vault-Token`` (see :mod:`.auth`), which the enable wipes: from then on the
cluster holds its primary's token store, and its own root token is refused (403 ``permission
denied``) wherever a client token is checked. A DR secondary serves no client token: the four
others are authorised by ``dr_operation_token`` alone and do not look at ``X-Vault-Token``; on a
cluster that is not a DR secondary they check ``X-Vault-Token`` as any path does, then answer 400
``... this cluster is not a DR secondary`` before looking at the DR operation token.
``dr_operation_token`` is either an operation token generated on
any secondary of the replication set (see :mod:`.operation_token`), valid on every
endpoint, or a batch token made on a member of the set (see :mod:`.tokens`) whose
policies grant ``update`` (or ``sudo``) on the endpoint's path, e.g.
``sys/replication/dr/secondary/promote``; a missing, unknown, forged, foreign or expired
one is 400 ``invalid DR operation token``, a valid batch token without the capability 403
``permission denied``; nothing changes then. The secondary adopts the primary's
operation-token sets and replicated document (its token store included) at activation and
update-primary; enabling wipes the cluster's own document and tokens. Activation calls the primary over
HTTP (see :mod:`.peering`); ``ca_file``/``ca_path`` are accepted and ignored (the
simulators talk plain HTTP on loopback). The simulator's merkle trees are never corrupt,
and merkle-check answers only ``data`` (not repeated at the top level: a newer endpoint
than the doc's, answered like Vault's current ones).
"""

from __future__ import annotations

import time

from flask import Flask

from keyform.simulators.vault import auth, keys, operation_token, params, peering
from keyform.simulators.vault.cluster import Cluster, rfc3339
from keyform.simulators.vault.envelope import VaultError, no_content, respond

PREFIX = "/v1/sys/replication/dr/secondary"
POLICY_PATH = "sys/replication/dr/secondary"
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


def _authorised(cluster: Cluster, endpoint: str, doing: str) -> dict:
    """The request body of a DR-operation-token endpoint once its checks passed: a DR secondary (elsewhere a
    client token first), and a DR operation token (generated or batch) allowed on ``endpoint``."""
    auth.require_unless_secondary(cluster)
    data = params.body()
    cluster.require_mode("secondary", f"error {doing}: this cluster is not a DR secondary")
    cluster.check_operation_token(params.string(data, "dr_operation_token"), f"{POLICY_PATH}/{endpoint}")
    return data


def register(app: Flask, cluster: Cluster) -> None:
    @app.route(f"{PREFIX}/enable", methods=WRITE)
    def secondary_enable():
        auth.require(cluster)
        data = params.body()
        params.string(data, "token", required=True)
        cluster.check_can_enable_secondary()
        package, primary_api_addr = _handshake(cluster, data)
        cluster.become_secondary(package, primary_api_addr, wipe=True)
        return no_content()

    @app.route(f"{PREFIX}/promote", methods=WRITE)
    def secondary_promote():
        data = _authorised(cluster, "promote", "promoting DR secondary")
        params.boolean(data, "force")
        cluster.promote(params.string(data, "primary_cluster_addr"))
        progress = {"complete": True, "progress": 0, "required": 0}
        return respond(progress, top_level=progress)

    @app.route(f"{PREFIX}/update-primary", methods=WRITE)
    def secondary_update_primary():
        data = _authorised(cluster, "update-primary", "updating primary")
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
        _authorised(cluster, "disable", "disabling DR secondary")
        cluster.disable_secondary()
        return no_content()

    @app.route(f"{PREFIX}/merkle-check", methods=WRITE)
    def secondary_merkle_check():
        _authorised(cluster, "merkle-check", "checking merkle tree")
        report = {"corrupted_root": False, "corrupted_tree_map": {},
                  "last_corruption_check_epoch": rfc3339(time.time())}
        return respond({"merkle_corruption_report": report})
