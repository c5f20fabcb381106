"""Installed certificates (read-only). Supported: GET /api/security/certificates, GET /api/security/certificates/{uuid}.

Pre-installed, cluster-scoped and usable by any key manager: client certificates "kmip-client",
"kmip-client-renewed" (same key pair as "kmip-client", so a key manager may switch to it) and
"kmip-client-other" (another key pair: switching to it is 65536850); server CA certificates
"kmip-ca" and "kmip-ca-2". The collection shows ``uuid, name, type, _links`` per record.
"""

from __future__ import annotations

from flask import Flask, jsonify

from keyform.simulators.ontap import records
from keyform.simulators.ontap.errors import OntapError
from keyform.simulators.ontap.store import Store


def certificate_record(cert: dict) -> dict:
    record = {k: cert[k] for k in ("uuid", "name", "type", "common_name", "serial_number", "expiry_time", "key_size")}
    record.update(scope="cluster", ca="KMIP Test CA" if cert["type"] == "client" else cert["common_name"],
                  _links=records.link(f"{records.API}/security/certificates/{cert['uuid']}"))
    return record


def register(app: Flask, store: Store) -> None:
    @app.get(f"{records.API}/security/certificates")
    def list_certificates():
        fields = records.requested_fields()
        with store.lock:
            found = [certificate_record(c) for c in store.certificates()]
        found = [r for r in found if records.matches_filters(r)]
        return jsonify(records.collection(
            [records.project(r, fields, ["uuid", "name", "type"], False) for r in found]))

    @app.get(f"{records.API}/security/certificates/<uuid>")
    def get_certificate(uuid: str):
        with store.lock:
            cert = store.certificate(uuid=uuid)
        if cert is None:
            raise OntapError(4, target="uuid")
        return jsonify(records.project(certificate_record(cert), records.requested_fields(), ["uuid"], True))
