"""Cluster-to-cluster endpoints of the simulator (Vault uses its cluster port for this).

Supported (authenticated by the activation token or the link secret in the body,
not by ``X-Vault-Token``):
- POST /v1/sys/replication/dr/internal/activate   {token, secondary, expected_cluster_id} -> 200 package
- POST /v1/sys/replication/dr/internal/heartbeat  {secondary_id, link_secret, cluster_id} -> 200
- POST /v1/sys/replication/dr/internal/probe      {secondary_id, link_secret, cluster_id} -> 200
"""

from __future__ import annotations

from flask import Flask, jsonify

from keyform.simulators.vault import params
from keyform.simulators.vault.cluster import Cluster
from keyform.simulators.vault.peering import INTERNAL_PATH


def _link_args(data: dict) -> tuple[str, str, str]:
    return tuple(params.string(data, k, required=True) for k in ("secondary_id", "link_secret", "cluster_id"))


def register(app: Flask, cluster: Cluster) -> None:
    @app.post(f"{INTERNAL_PATH}/activate")
    def internal_activate():
        data = params.body()
        secondary = data.get("secondary") if isinstance(data.get("secondary"), dict) else {}
        package = cluster.accept_activation(
            params.string(data, "token", required=True), secondary, params.string(data, "expected_cluster_id")
        )
        return jsonify(package)

    @app.post(f"{INTERNAL_PATH}/heartbeat")
    def internal_heartbeat():
        return jsonify(cluster.accept_heartbeat(*_link_args(params.body())))

    @app.post(f"{INTERNAL_PATH}/probe")
    def internal_probe():
        cluster.answer_probe(*_link_args(params.body()))
        return jsonify({"ok": True})
