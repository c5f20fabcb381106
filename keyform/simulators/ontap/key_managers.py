"""Key managers. Supported: GET|POST /api/security/key-managers, GET|PATCH|DELETE /api/security/key-managers/{uuid}.

External (``external.client_certificate``, ``external.server_ca_certificates``, optional
``external.servers``) or onboard (``onboard.passphrase``). ``svm.name``/``svm.uuid`` makes the key
manager SVM-scoped; without them it is the cluster's. CHOSEN where the seeds are silent:

- one key manager per SVM and one for the cluster: a second one is refused with 409,
  code 65536823 "A key manager is already configured for SVM "svm1"." (or "... for the cluster.");
- the Onboard Key Manager exists only at cluster scope: ``onboard`` with ``svm`` is 262186;
- ``external.servers`` cannot be patched here (262179): key servers are managed under ``.../key-servers``;
- onboard settings patched on an external key manager: 65537301 "The Onboard Key Manager is not enabled.";
- creating an external key manager with ``servers``, and changing its client or server CA certificates, first
  connects to each primary key server with the new certificates (:mod:`.connectivity`);
- POST answers 201 with ``num_records`` and ``_links`` (the record too with ``return_records=true``, see
  ``records``) and a ``Location`` header; PATCH and DELETE answer 200 ``{}``.
"""

from __future__ import annotations

import uuid as uuidlib

from flask import Flask, jsonify

from keyform.simulators.common import json_body
from keyform.simulators.ontap import records, validation as v
from keyform.simulators.ontap.connectivity import Connectivity
from keyform.simulators.ontap.errors import PATCH_CERTIFICATE_MESSAGE, PASSPHRASE_UPDATE_FAILURES, OntapError
from keyform.simulators.ontap.jobs import Jobs
from keyform.simulators.ontap.store import Store, fake_key_backup, hash_secret, secret_matches

BASE = f"{records.API}/security/key-managers"
KMIP_ON_CREATE = (65536852, 66060338, 66060339, 66060340, 66060341)
KMIP_ON_PATCH = (65536852, 66060338, 66060339, 66060340)


def _resolve_svm(store: Store, body: dict):
    return v.resolve_svm(store, body)


def _check_bool(body: dict, field: str) -> None:
    if field in body and not isinstance(body[field], bool):
        raise OntapError(262185, target=field, field=field, reason="true or false is expected.")


def build_manager(store: Store, conditions: dict, body: dict, connectivity: Connectivity) -> dict:
    """Validate a POST body and return the new key manager (not yet stored)."""
    v.reject_unknown(body, ("svm", "scope", "external", "onboard", "is_default_data_at_rest_encryption_disabled"))
    svm = _resolve_svm(store, body)
    scope = "svm" if svm else "cluster"
    if "scope" in body and body["scope"] != scope:
        raise OntapError(262185, target="scope", field="scope", reason=f"\"{scope}\" is expected for this request.")
    if "external" in body and "onboard" in body:
        raise OntapError(262186, target="onboard", field="onboard", other="external")
    if "external" not in body and "onboard" not in body:
        raise OntapError(262197, target="external", field="external or onboard")
    if "onboard" in body and svm:
        raise OntapError(262186, target="onboard", field="onboard", other="svm")
    v.check_svm_scope(conditions, svm is not None)
    if store.manager_for(svm["uuid"] if svm else None):
        raise OntapError(65536823, target="svm" if svm else "scope",
                         owner=f"SVM \"{svm['name']}\"" if svm else "the cluster")
    _check_bool(body, "is_default_data_at_rest_encryption_disabled")
    manager = {
        "uuid": str(uuidlib.uuid4()), "scope": scope, "svm_uuid": svm["uuid"] if svm else None,
        "is_default_data_at_rest_encryption_disabled": body.get("is_default_data_at_rest_encryption_disabled", False),
    }
    if "external" in body:
        ext = v.require_object(body["external"], "external")
        v.reject_unknown(ext, ("client_certificate", "server_ca_certificates", "servers"), prefix="external.")
        for field in ("client_certificate", "server_ca_certificates"):
            if field not in ext:
                raise OntapError(262197, target=f"external.{field}", field=f"external.{field}")
        svm_uuid = svm["uuid"] if svm else None
        client = v.resolve_certificate(store, ext["client_certificate"], "client", "external.client_certificate",
                                       svm_uuid=svm_uuid)
        cas = ext["server_ca_certificates"]
        if not isinstance(cas, list) or not cas:
            raise OntapError(262185, target="external.server_ca_certificates", field="external.server_ca_certificates",
                             reason="a non-empty array of certificates is expected.")
        ca_uuids = [v.resolve_certificate(store, c, "server_ca", "external.server_ca_certificates",
                                          svm_uuid=svm_uuid)["uuid"]
                    for c in cas]
        servers_raw = ext.get("servers", [])
        if not isinstance(servers_raw, list):
            raise OntapError(262185, target="external.servers", field="external.servers",
                             reason="an array is expected.")
        servers = [v.parse_server_entry(s, "external.servers", conditions=conditions) for s in servers_raw]
        v.check_new_primaries([], servers, target="external.servers")
        if servers:
            connectivity.require(store, conditions, KMIP_ON_CREATE, servers, client["uuid"], ca_uuids,
                                 target="external.servers")
        manager.update(kind="external", client_certificate_uuid=client["uuid"],
                       server_ca_certificate_uuids=list(dict.fromkeys(ca_uuids)), servers=servers)
    else:
        onboard = v.require_object(body["onboard"], "onboard")
        v.reject_unknown(onboard, ("passphrase", "synchronize"), prefix="onboard.")
        if "passphrase" not in onboard:
            raise OntapError(262197, target="onboard.passphrase", field="onboard.passphrase")
        passphrase = v.check_passphrase(onboard["passphrase"], conditions, "onboard.passphrase")
        _check_bool(onboard, "synchronize")
        manager.update(kind="onboard", passphrase=hash_secret(passphrase), key_backup=fake_key_backup())
    return manager


def _patch_external(store: Store, conditions: dict, manager: dict, ext, connectivity: Connectivity) -> dict:
    ext = v.require_object(ext, "external")
    v.reject_unknown(ext, ("client_certificate", "server_ca_certificates"), prefix="external.")
    changes = {}
    if "client_certificate" in ext:
        cert = v.resolve_certificate(store, ext["client_certificate"], "client", "external.client_certificate",
                                     message=PATCH_CERTIFICATE_MESSAGE, svm_uuid=manager["svm_uuid"])
        current = store.certificate(uuid=manager["client_certificate_uuid"])
        if current and cert["key_pair"] != current["key_pair"]:
            raise OntapError(65536850, target="external.client_certificate")
        changes["client_certificate_uuid"] = cert["uuid"]
    if "server_ca_certificates" in ext:
        cas = ext["server_ca_certificates"]
        if not isinstance(cas, list) or not cas:
            raise OntapError(262185, target="external.server_ca_certificates", field="external.server_ca_certificates",
                             reason="a non-empty array of certificates is expected.")
        uuids = [v.resolve_certificate(store, c, "server_ca", "external.server_ca_certificates",
                                       message=PATCH_CERTIFICATE_MESSAGE, svm_uuid=manager["svm_uuid"])["uuid"]
                 for c in cas]
        changes["server_ca_certificate_uuids"] = list(dict.fromkeys(uuids))
    if changes:
        merged = {**manager, **changes}
        connectivity.require(store, conditions, KMIP_ON_PATCH, manager["servers"], merged["client_certificate_uuid"],
                             merged["server_ca_certificate_uuids"], target="external")
    return changes


def _patch_onboard(conditions: dict, manager: dict, onboard) -> dict:
    onboard = v.require_object(onboard, "onboard")
    v.reject_unknown(onboard, ("passphrase", "existing_passphrase", "synchronize", "enabled", "key_backup"),
                     prefix="onboard.")
    _check_bool(onboard, "synchronize")
    existing = onboard.get("existing_passphrase")
    if onboard.get("synchronize"):
        if "passphrase" in onboard:
            raise OntapError(65537243, target="onboard.passphrase")
        if existing is None:
            raise OntapError(65537242, target="onboard.existing_passphrase")
        if not secret_matches(manager["passphrase"], str(existing)):
            raise OntapError(65536139, target="onboard.existing_passphrase")
        return {}
    if "passphrase" not in onboard and existing is None:
        return {}
    if "passphrase" not in onboard or existing is None:
        raise OntapError(65536917, target="onboard.passphrase")
    new = v.check_passphrase(onboard["passphrase"], conditions, "onboard.passphrase")
    if not isinstance(existing, str) or not secret_matches(manager["passphrase"], existing):
        raise OntapError(65536139, target="onboard.existing_passphrase")
    if new == existing:
        raise OntapError(65536150, target="onboard.passphrase")
    failure = conditions.get("passphrase_update_failure")
    if failure in PASSPHRASE_UPDATE_FAILURES:
        raise OntapError(int(failure), target="onboard.passphrase")
    return {"passphrase": hash_secret(new)}


def apply_patch(store: Store, conditions: dict, manager: dict, body: dict, connectivity: Connectivity) -> None:
    """Validate everything first, then change the key manager."""
    v.reject_unknown(body, ("external", "onboard", "is_default_data_at_rest_encryption_disabled",
                            "uuid", "scope", "svm", "status", "volume_encryption"))
    for field in ("uuid", "scope"):
        if field in body and body[field] != manager[field]:
            raise OntapError(262185, target=field, field=field, reason="this field cannot be modified.")
    if "svm" in body and (_resolve_svm(store, body) or {}).get("uuid") != manager["svm_uuid"]:
        raise OntapError(262185, target="svm", field="svm", reason="this field cannot be modified.")
    v.check_svm_scope(conditions, manager["svm_uuid"] is not None)
    _check_bool(body, "is_default_data_at_rest_encryption_disabled")
    changes = {}
    if "external" in body:
        if manager["kind"] != "external":
            raise OntapError(65536828, target="external")
        changes.update(_patch_external(store, conditions, manager, body["external"], connectivity))
    if "onboard" in body:
        if manager["kind"] != "onboard":
            raise OntapError(65537301, target="onboard")
        changes.update(_patch_onboard(conditions, manager, body["onboard"]))
    if "is_default_data_at_rest_encryption_disabled" in body:
        changes["is_default_data_at_rest_encryption_disabled"] = body["is_default_data_at_rest_encryption_disabled"]
    manager.update(changes)


def register(app: Flask, store: Store, jobs: Jobs, conditions: dict) -> None:
    def render(manager: dict, fields, default_full: bool) -> dict:
        record = records.key_manager_record(store, manager, conditions)
        return records.project(record, fields, ["uuid", "scope", "svm"], default_full, records.EXPENSIVE)

    @app.get(BASE)
    def list_key_managers():
        fields = records.requested_fields()
        with store.lock:
            full = [records.key_manager_record(store, m, conditions) for m in store.key_managers()]
            found = [r for r in full if records.matches_filters(r)]
            return jsonify(records.collection(
                [records.project(r, fields, ["uuid", "scope", "svm"], False, records.EXPENSIVE) for r in found]))

    @app.post(BASE)
    def create_key_manager():
        body = json_body()
        with_records = records.return_records()
        connectivity = Connectivity()

        def operation():
            manager = build_manager(store, conditions, body, connectivity)
            store.add_key_manager(manager)
            return (records.created(BASE, [render(manager, None, True)], with_records),
                    {"Location": f"{BASE}/{manager['uuid']}"})

        return jobs.run(operation, 201)

    @app.get(f"{BASE}/<uuid>")
    def get_key_manager(uuid: str):
        with store.lock:
            return jsonify(render(store.require_key_manager(uuid), records.requested_fields(), True))

    @app.patch(f"{BASE}/<uuid>")
    def patch_key_manager(uuid: str):
        body = json_body()
        with store.lock:
            store.require_key_manager(uuid)
        connectivity = Connectivity()

        def operation():
            apply_patch(store, conditions, store.require_key_manager(uuid), body, connectivity)
            return {}, {}

        return jobs.run(operation, 200)

    @app.delete(f"{BASE}/<uuid>")
    def delete_key_manager(uuid: str):
        with store.lock:
            store.require_key_manager(uuid)

        def operation():
            store.require_key_manager(uuid)
            store.delete_key_manager(uuid)
            return {}, {}

        return jobs.run(operation, 200)
