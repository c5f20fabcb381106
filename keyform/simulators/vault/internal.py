"""Cluster-to-cluster endpoints of the simulator (Vault uses its cluster port for this).

Supported (authenticated by the activation token or the link secret in the body,
not by ``X-Vault-Token``):
- POST /v1/sys/replication/dr/internal/activate   {token, secondary, expected_cluster_id} -> 200 package
  (cluster ID, key set, WAL, link secret, operation-token sets, ``replicated`` document)
- POST /v1/sys/replication/dr/internal/heartbeat  {secondary_id, link_secret, cluster_id,
  op_tokens_register?, op_tokens_revoke?} -> 200 (with the set's ``op_tokens``, ``op_tokens_revoked``
  and the primary's ``replicated`` document)
- POST /v1/sys/replication/dr/internal/probe      {secondary_id, link_secret, cluster_id} -> 200
- POST /v1/sys/replication/dr/internal/operation-tokens  (to the primary) {secondary_id, link_secret,
  cluster_id, op_tokens_register, op_tokens_revoke} -> 200 {op_tokens, op_tokens_revoked}
- POST /v1/sys/replication/dr/internal/operation-tokens/push  (to a secondary) {secondary_id, link_secret,
  cluster_id, op_tokens, op_tokens_revoked} -> 200

Operation tokens travel as SHA-256 hashes only. When a secondary's registration or
deletion changes the set, the primary pushes the set to its other secondaries.
"""

from __future__ import annotations

from flask import Flask, jsonify

from keyform.simulators.vault import operation_token, params
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

    def _register(link_args: tuple[str, str, str], data: dict) -> dict:
        sets, changed = cluster.accept_operation_tokens(
            *link_args, data.get("op_tokens_register") or [], data.get("op_tokens_revoke") or []
        )
        if changed:
            operation_token.share_with_secondaries(cluster, exclude=link_args[0])
        return sets

    @app.post(f"{INTERNAL_PATH}/heartbeat")
    def internal_heartbeat():
        data = params.body()
        link_args = _link_args(data)
        answer = cluster.accept_heartbeat(*link_args)
        if data.get("op_tokens_register") or data.get("op_tokens_revoke"):
            answer.update(_register(link_args, data))
        return jsonify(answer)

    @app.post(f"{INTERNAL_PATH}/operation-tokens")
    def internal_operation_tokens():
        data = params.body()
        return jsonify(_register(_link_args(data), data))

    @app.post(f"{INTERNAL_PATH}/operation-tokens/push")
    def internal_operation_tokens_push():
        data = params.body()
        cluster.receive_operation_tokens(
            *_link_args(data), data.get("op_tokens") or [], data.get("op_tokens_revoked") or []
        )
        return jsonify({"ok": True})

    @app.post(f"{INTERNAL_PATH}/probe")
    def internal_probe():
        cluster.answer_probe(*_link_args(params.body()))
        return jsonify({"ok": True})
