"""The unauthenticated status endpoints every Vault client probes: health and seal status.

Supported:
- GET|HEAD /v1/sys/health -> the status code tells the node's state (HEAD: no body)
  ``?standbyok, perfstandbyok`` (booleans), ``?activecode, standbycode, drsecondarycode,
  performancestandbycode, sealedcode, uninitcode`` (integers) override the codes
- GET /v1/sys/seal-status -> 200

Health codes, in Vault's order of precedence: 501 not initialised, 503 sealed, 472 DR
secondary (``drsecondarycode``), 473 performance standby (unless ``perfstandbyok``), 429
standby (unless ``standbyok``), else 200 (``activecode``). A simulated cluster is one node,
initialised and unsealed from the start and always active, so it answers 200 or 472; the other
overrides are read and checked all the same. A value that does not parse (``activecode=abc``,
``standbyok=maybe``) is 400 with ``{"errors": []}``, as Vault's handler answers it; so is a
code outside 200-999 (Vault cannot write it and drops the connection). The body
(GET) is bare, not enveloped: ``initialized, sealed, standby, performance_standby,
replication_performance_mode`` (``disabled``: no performance replication here),
``replication_dr_mode`` (``disabled``, ``primary``, ``secondary``), ``server_time_utc``
(epoch seconds), ``version, cluster_name, cluster_id`` (the local cluster's, not the
replication set's ``cluster_id``). Both are answered on a DR secondary too, as Vault does.

Seal status (GET only: HEAD is 405, as Vault's handler answers it): ``type: "shamir"``,
``t``/``n`` the cluster's unseal key threshold and share count (a DR secondary's are its
primary's, adopted at activation), ``progress: 0`` and ``nonce: ""`` (no unseal attempt: never
sealed), ``recovery_seal: false``, ``storage_type: "raft"``, ``migration: false``.
``cluster_name`` is ``settings.extra["cluster_name"]`` or, like Vault's default,
``vault-cluster-`` and the first 8 characters of the local cluster ID.
"""

from __future__ import annotations

import re
import time

from flask import Flask, jsonify, request

from keyform.simulators.vault.cluster import Cluster
from keyform.simulators.vault.envelope import VaultError

VERSION = "1.15.6+ent"
BUILD_DATE = "2024-02-28T17:07:34Z"
STORAGE_TYPE = "raft"
# Go's net/http refuses to write a status outside 100-999 (Vault's connection drops); the
# simulator answers 400 for those and for 1xx (not a final answer) instead.
MIN_CODE, MAX_CODE = 200, 999
DEFAULT_CODES = {
    "activecode": 200,
    "standbycode": 429,
    "drsecondarycode": 472,
    "performancestandbycode": 473,
    "sealedcode": 503,
    "uninitcode": 501,
}
_TRUE = ("1", "t", "T", "true", "TRUE", "True")  # Go's strconv.ParseBool
_FALSE = ("0", "f", "F", "false", "FALSE", "False")
_INTEGER = re.compile(r"[+-]?[0-9]+")  # Go's strconv.Atoi


def cluster_identity(cluster: Cluster) -> tuple[str, str]:
    """``(cluster_name, cluster_id)`` of the local cluster."""
    with cluster.lock:
        local_id = cluster.state["local_cluster_id"]
    name = (cluster.settings.extra or {}).get("cluster_name") or f"vault-cluster-{local_id[:8]}"
    return str(name), local_id


def _flag(name: str) -> bool:
    """A boolean query parameter as Go's ``strconv.ParseBool`` reads it; present and empty is an error."""
    if name not in request.args:
        return False
    value = request.args.get(name, "")
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise VaultError("", 400)


def _code(name: str) -> int:
    if name not in request.args:
        return DEFAULT_CODES[name]
    value = request.args.get(name, "")
    if not _INTEGER.fullmatch(value) or not MIN_CODE <= int(value) <= MAX_CODE:
        raise VaultError("", 400)
    return int(value)


def health_code(cluster: Cluster) -> tuple[int, dict]:
    """The status code and body of ``sys/health`` for the request's parameters."""
    standby_ok = _flag("standbyok")
    perf_standby_ok = _flag("perfstandbyok")
    codes = {name: _code(name) for name in DEFAULT_CODES}
    initialized, sealed, standby, perf_standby = True, False, False, False
    mode = cluster.mode
    if not initialized:
        status = codes["uninitcode"]
    elif sealed:
        status = codes["sealedcode"]
    elif mode == "secondary":
        status = codes["drsecondarycode"]
    elif perf_standby:
        status = codes["activecode"] if perf_standby_ok else codes["performancestandbycode"]
    elif standby:
        status = codes["activecode"] if standby_ok else codes["standbycode"]
    else:
        status = codes["activecode"]
    name, cluster_id = cluster_identity(cluster)
    body = {
        "initialized": initialized,
        "sealed": sealed,
        "standby": standby,
        "performance_standby": perf_standby,
        "replication_performance_mode": "disabled",
        "replication_dr_mode": mode,
        "server_time_utc": int(time.time()),
        "version": VERSION,
        "cluster_name": name,
        "cluster_id": cluster_id,
    }
    return status, body


def seal_status(cluster: Cluster) -> dict:
    key_set = cluster.key_set()
    name, cluster_id = cluster_identity(cluster)
    return {
        "type": "shamir",
        "initialized": True,
        "sealed": False,
        "t": int(key_set["threshold"]),
        "n": len(key_set["keys_base64"]),
        "progress": 0,
        "nonce": "",
        "version": VERSION,
        "build_date": BUILD_DATE,
        "migration": False,
        "cluster_name": name,
        "cluster_id": cluster_id,
        "recovery_seal": False,
        "storage_type": STORAGE_TYPE,
    }


def register(app: Flask, cluster: Cluster) -> None:
    @app.get("/v1/sys/health")  # Flask answers HEAD with the GET's status and headers, no body
    def sys_health():
        status, body = health_code(cluster)
        response = jsonify(body)
        response.status_code = status
        return response

    @app.get("/v1/sys/seal-status")
    def sys_seal_status():
        if request.method != "GET":  # Flask adds HEAD to GET routes; Vault's handler takes GET only
            raise VaultError("", 405)
        return jsonify(seal_status(cluster))
