"""Installed certificates. Supported: GET|POST /api/security/certificates, GET|DELETE /api/security/certificates/{uuid}.

Records: ``uuid, name, type, svm {name, uuid} (absent at cluster scope), scope, common_name, public_certificate,
serial_number, expiry_time, ca, key_size`` (the collection shows ``uuid, name, type`` unless ``fields`` asks for
more; filters and paging as in :mod:`.records`). The private key is kept (the state file is the cluster's disk)
and never returned.

Pre-installed, cluster-scoped, generated on a new cluster (:mod:`.pki`): server CA certificates "kmip-ca" (the
run's CA when the simulator has one: its KMIP servers' issuer) and "kmip-ca-2"; client certificates "kmip-client",
"kmip-client-renewed" (issued by "kmip-ca", same key pair, so a key manager may switch to it) and
"kmip-client-other" (issued by "kmip-ca-2", another key pair: switching to it is 65536850).

POST installs one: ``type`` (``client``/``server``: ``public_certificate`` and ``private_key``, which must read and
belong together; ``server_ca``/``client_ca``: ``public_certificate`` only; ``root_ca`` is created by the cluster,
not installed: 262185), ``svm.name``/``svm.uuid`` for an SVM (else cluster scope), optional ``name``. CHOSEN where
NetApp's pages are silent:

- without ``name`` the cluster names it as ``security certificate install`` does (NetApp KB "naming rule when the
  Certificate Name is automatically generated"): the common name, or ``<common name>_<serial>`` when that name is
  taken in the scope, a certificate with the same common name is installed there, or the common name is the SVM's
  name;
- a name already used in the same scope: 409, 3735622; key/certificate mismatch 3735644; unreadable PEM
  (or an encrypted private key) 3735645;
- POST and DELETE are synchronous (no ``return_timeout``/jobs); POST answers 201 with ``num_records``, ``_links``
  (``records`` with ``return_records=true``) and a ``Location`` header; DELETE answers 200 ``{}``;
- DELETE of a certificate that an external key manager names (``client_certificate`` or
  ``server_ca_certificates``): 400, 3735646; unknown uuid: 404, 4.
"""

from __future__ import annotations

import uuid as uuidlib
from typing import Optional

from flask import Flask, jsonify

from keyform.simulators.common import json_body
from keyform.simulators.ontap import pki, records, validation as v
from keyform.simulators.ontap.errors import OntapError
from keyform.simulators.ontap.store import Store

BASE = f"{records.API}/security/certificates"
TYPES = ("client", "server_ca", "server", "root_ca", "client_ca")
WITH_PRIVATE_KEY = ("client", "server")
PUBLIC = ("uuid", "name", "type", "svm", "scope", "common_name", "public_certificate", "serial_number",
          "expiry_time", "ca", "key_size")


def certificate_record(store: Store, cert: dict) -> dict:
    """A certificate as GET shows it: never the private key."""
    record: dict = {"uuid": cert["uuid"], "name": cert["name"], "type": cert["type"]}
    svm = store.svm(uuid=cert["svm_uuid"]) if cert.get("svm_uuid") else None
    if svm:
        record["svm"] = records.svm_ref(svm)
    record["scope"] = "svm" if svm else "cluster"
    for key in PUBLIC[5:]:
        record[key] = cert[key]
    record["_links"] = records.link(f"{BASE}/{cert['uuid']}")
    return record


def _default_name(store: Store, described: dict, svm: Optional[dict]) -> str:
    common_name = described["common_name"] or "certificate"
    scope = svm["uuid"] if svm else None
    same_cn = any(c.get("svm_uuid") == scope and c["common_name"] == common_name and not pki.expired(c)
                  for c in store.certificates())
    if same_cn or store.certificate(name=common_name, svm_uuid=scope) or (svm and common_name == svm["name"]):
        return f"{common_name}_{described['serial_number']}"
    return common_name


def build_certificate(store: Store, body: dict) -> dict:
    """Validate a POST body and return the new certificate (not yet stored)."""
    v.reject_unknown(body, ("type", "public_certificate", "private_key", "svm", "name", "scope"))
    svm = v.resolve_svm(store, body)
    scope = "svm" if svm else "cluster"
    if "scope" in body and body["scope"] != scope:
        raise OntapError(262185, target="scope", field="scope", reason=f"\"{scope}\" is expected for this request.")
    if "type" not in body:
        raise OntapError(262197, target="type", field="type")
    kind = body["type"]
    if kind not in TYPES:
        raise OntapError(262185, target="type", field="type", reason="one of " + ", ".join(TYPES) + " is expected.")
    if kind == "root_ca":
        raise OntapError(262185, target="type", field="type",
                         reason="root_ca certificates are created by the cluster, not installed.")
    if "public_certificate" not in body:
        raise OntapError(262197, target="public_certificate", field="public_certificate")
    if kind in WITH_PRIVATE_KEY and "private_key" not in body:
        raise OntapError(262197, target="private_key", field="private_key")
    if kind not in WITH_PRIVATE_KEY and "private_key" in body:
        raise OntapError(262186, target="private_key", field="private_key", other=f"type={kind}")
    name = body.get("name")
    if name is not None:
        name = v.parse_string(name, "name")
    try:
        parsed = pki.load_certificate(body["public_certificate"])
    except pki.CertificateError as exc:
        raise OntapError(3735645, target="public_certificate", reason=str(exc)) from None
    if kind in WITH_PRIVATE_KEY:
        try:
            pki.check_private_key(body["private_key"], parsed)
        except pki.CertificateError as exc:
            if str(exc) == "mismatch":
                raise OntapError(3735644, target="private_key") from None
            raise OntapError(3735645, target="private_key", reason=str(exc)) from None
    described = pki.describe(parsed)
    if name is None:
        name = _default_name(store, described, svm)
    elif store.certificate(name=name, svm_uuid=svm["uuid"] if svm else None):
        raise OntapError(3735622, target="name", name=name,
                         scope=f"SVM \"{svm['name']}\"" if svm else "the cluster")
    cert = {"uuid": str(uuidlib.uuid4()), "name": name, "type": kind, "svm_uuid": svm["uuid"] if svm else None}
    cert.update(described)
    if kind in WITH_PRIVATE_KEY:
        cert["private_key"] = body["private_key"].strip() + "\n"
    return cert


def _user(store: Store, cert_uuid: str) -> Optional[dict]:
    """The external key manager that names this certificate, if any."""
    for manager in store.key_managers():
        if manager["kind"] == "external" and (manager["client_certificate_uuid"] == cert_uuid
                                              or cert_uuid in manager["server_ca_certificate_uuids"]):
            return manager
    return None


def register(app: Flask, store: Store) -> None:
    @app.get(BASE)
    def list_certificates():
        fields = records.requested_fields()
        with store.lock:
            found = [certificate_record(store, c) for c in store.certificates()]
        found = [r for r in found if records.matches_filters(r)]
        return jsonify(records.collection(
            [records.project(r, fields, ["uuid", "name", "type"], False) for r in found]))

    @app.post(BASE)
    def install_certificate():
        body = json_body()
        with_records = records.return_records()
        with store.lock:
            cert = build_certificate(store, body)
            store.add_certificate(cert)
            store.save()
            rendered = certificate_record(store, cert)
        return (jsonify(records.created(BASE, [rendered], with_records)), 201,
                {"Location": f"{BASE}/{cert['uuid']}"})

    @app.get(f"{BASE}/<uuid>")
    def get_certificate(uuid: str):
        with store.lock:
            record = certificate_record(store, store.require_certificate(uuid))
        return jsonify(records.project(record, records.requested_fields(), ["uuid"], True))

    @app.delete(f"{BASE}/<uuid>")
    def delete_certificate(uuid: str):
        with store.lock:
            cert = store.require_certificate(uuid)
            manager = _user(store, uuid)
            if manager is not None:
                svm = store.svm(uuid=manager["svm_uuid"]) if manager.get("svm_uuid") else None
                raise OntapError(3735646, target="uuid", name=cert["name"],
                                 owner=f"SVM \"{svm['name']}\"" if svm else "the cluster")
            store.delete_certificate(uuid)
            store.save()
        return jsonify({})
