"""SVMs (seeded: "svm1", "svm2", or the runner's ``--svm`` names; stable uuids).
Supported: GET /api/svm/svms, GET /api/svm/svms/{uuid}.

The collection shows ``uuid, name, _links`` per record; filters such as ``name=svm1`` apply.
"""

from __future__ import annotations

from flask import Flask, jsonify

from keyform.simulators.ontap import records
from keyform.simulators.ontap.store import Store


def svm_record(svm: dict) -> dict:
    return {"uuid": svm["uuid"], "name": svm["name"], "state": "running", "subtype": "default",
            "_links": records.link(f"{records.API}/svm/svms/{svm['uuid']}")}


def register(app: Flask, store: Store) -> None:
    @app.get(f"{records.API}/svm/svms")
    def list_svms():
        fields = records.requested_fields()
        with store.lock:
            found = [svm_record(s) for s in store.svms()]
        found = [r for r in found if records.matches_filters(r)]
        return jsonify(records.collection([records.project(r, fields, ["uuid", "name"], False) for r in found]))

    @app.get(f"{records.API}/svm/svms/<uuid>")
    def get_svm(uuid: str):
        with store.lock:
            svm = store.require_svm(uuid)
        return jsonify(records.project(svm_record(svm), records.requested_fields(), ["uuid"], True))
