"""The cluster itself. Supported: GET /api/cluster (name, uuid, version per the release profile).

ONTAP clients read ``version`` (``full``, ``generation``, ``major``, ``minor``) to know what the cluster
supports; the simulator reports its release profile (``ontap_version`` condition, :mod:`.profile`).
"""

from __future__ import annotations

from flask import Flask, jsonify

from keyform.simulators.ontap import records
from keyform.simulators.ontap.profile import parse as release
from keyform.simulators.ontap.store import stable_uuid


def register(app: Flask, name: str, conditions: dict) -> None:
    @app.get(f"{records.API}/cluster")
    def get_cluster():
        record = {"name": name, "uuid": stable_uuid("cluster", name),
                  "version": release(conditions.get("ontap_version")).cluster_version(),
                  "_links": records.link(f"{records.API}/cluster")}
        return jsonify(records.project(record, records.requested_fields(), ["name", "uuid"], True))
