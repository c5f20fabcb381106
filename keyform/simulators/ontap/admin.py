"""Cluster conditions that make the seeds' environment-dependent errors reproducible.

Supported: GET|PUT /_admin/ontap (no auth, never faulted, like ``/_admin/faults``). Keys:

- ``ontap_version`` ("9.13.1", from ``--ontap-version``/``Settings.ontap_version``): the release profile
  (:mod:`.profile`) the API answers as, and the version ``GET /api/cluster`` reports;
- ``cluster_version`` ("9.14.1"): below 9.6, SVM-scoped key management answers 65536822;
- ``metrocluster`` (false): SVM-scoped key management answers 65536824; onboard ``status`` shows
  the MetroCluster synchronize message (code 346758);
- ``cc_mode`` (false): Common Criteria mode, passphrases need 64-256 characters (65536802);
- ``kmip_failure`` (null): one of 65536834, 65536852, 66060338-66060341: operations that contact key
  servers (adding servers, creating an external key manager with servers, changing certificates) fail with it
  before connecting (they connect for real otherwise, :mod:`.connectivity`: this is for faults no peer produces);
- ``passphrase_update_failure`` (null): 65536406, 65536407 or 65536408 for onboard passphrase changes.

Initial values may come from ``settings.extra``. They are not persisted.
"""

from __future__ import annotations

from flask import Flask, jsonify

from keyform.simulators.common import json_body
from keyform.simulators.ontap.errors import KMIP_FAILURES, PASSPHRASE_UPDATE_FAILURES
from keyform.simulators.ontap.profile import DEFAULT_VERSION, parse as parse_profile

DEFAULTS = {
    "ontap_version": DEFAULT_VERSION,
    "cluster_version": "9.14.1",
    "metrocluster": False,
    "cc_mode": False,
    "kmip_failure": None,
    "passphrase_update_failure": None,
}
_CHOICES = {"kmip_failure": KMIP_FAILURES, "passphrase_update_failure": PASSPHRASE_UPDATE_FAILURES}


def validate(changes: dict) -> dict:
    unknown = set(changes) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown condition(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(DEFAULTS))}")
    for key, value in changes.items():
        if key in _CHOICES and value is not None and value not in _CHOICES[key]:
            raise ValueError(f"{key} must be null or one of {list(_CHOICES[key])}")
        if key in ("metrocluster", "cc_mode") and not isinstance(value, bool):
            raise ValueError(f"{key} must be true or false")
        if key == "ontap_version" and not isinstance(value, str):
            raise ValueError("ontap_version must look like 9.14.1")
        if key == "ontap_version":
            parse_profile(value)
        if key == "cluster_version" and not (isinstance(value, str) and value.replace(".", "").isdigit()):
            raise ValueError("cluster_version must look like 9.14.1")
    return changes


def register(app: Flask, conditions: dict) -> None:
    @app.get("/_admin/ontap")
    def get_conditions():
        return jsonify(conditions)

    @app.put("/_admin/ontap")
    def put_conditions():
        try:
            conditions.update(validate(json_body()))
        except ValueError as exc:
            return jsonify({"message": str(exc)}), 400
        return jsonify(conditions)
