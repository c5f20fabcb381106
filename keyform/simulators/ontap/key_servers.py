"""Primary key servers of an external key manager.

Supported: GET|POST /api/security/key-managers/{uuid}/key-servers,
GET|PATCH|DELETE /api/security/key-managers/{uuid}/key-servers/{server}.

``{server}`` is URL-decoded and may omit the port (5696 is assumed). POST takes ``server`` or
``records`` (not both: 262186); with ``records``, top-level ``username``/``password``/``timeout``
serve as defaults for each record and a top-level ``secondary_key_servers`` is refused (262186) (CHOSEN).
POST answers 201 with ``num_records`` and ``_links.self`` (the collection; seed 001's example also shows
``next``, which a POST answer never needs: left out, CHOSEN), plus ``records`` with ``return_records=true``.
The collection GET shows every record's ``server, timeout, username, secondary_key_servers, _links`` (never the
password). The release profile (:mod:`.profile`) decides the encoding of ``secondary_key_servers``, the timeouts
taken, and whether the expensive ``connectivity`` exists (only with ``fields=connectivity[...]`` or ``fields=**``).
On an onboard key manager: GET of the collection is empty, the other calls answer 65536828.
POST connects to each new primary key server first (:mod:`.connectivity`): 66060341, 66060338, 66060339 or
65536852 when it cannot use it.
"""

from __future__ import annotations

from flask import Flask, jsonify

from keyform.simulators.common import json_body
from keyform.simulators.ontap import records, validation as v
from keyform.simulators.ontap.connectivity import Connectivity
from keyform.simulators.ontap.errors import KMIP_FAILURES, OntapError
from keyform.simulators.ontap.jobs import Jobs
from keyform.simulators.ontap.store import Store, hash_secret

BASE = f"{records.API}/security/key-managers/<uuid>/key-servers"
KEY_SERVER_EXPENSIVE = ("connectivity",)


def _external(store: Store, conditions: dict, uuid: str) -> dict:
    manager = store.require_key_manager(uuid)
    if manager["kind"] != "external":
        raise OntapError(65536828, target="uuid")
    v.check_svm_scope(conditions, manager["svm_uuid"] is not None)
    return manager


def _find(manager: dict, server: str) -> dict:
    try:
        name = v.normalize_server(server)
    except OntapError:
        name = None
    for entry in manager["servers"]:
        if entry["server"] == name:
            return entry
    raise OntapError(65536843, target="server")


def add_servers(store: Store, conditions: dict, uuid: str, body: dict, connectivity: Connectivity) -> list[dict]:
    """Validate, check that the new primaries answer KMIP (:mod:`.connectivity`), then add them."""
    manager = _external(store, conditions, uuid)
    extra = v.key_server_fields(conditions)
    v.reject_unknown(body, ("server", "records", "username", "password", "timeout", "secondary_key_servers", *extra))
    if "server" in body and "records" in body:
        raise OntapError(262186, target="records", field="server", other="records")
    if "records" in body:
        if "secondary_key_servers" in body:
            raise OntapError(262186, target="records", field="secondary_key_servers", other="records")
        raw = body["records"]
        if not isinstance(raw, list) or not raw:
            raise OntapError(262185, target="records", field="records", reason="a non-empty array is expected.")
        defaults = {k: body[k] for k in ("username", "password", "timeout", *extra) if k in body}
        entries = [v.parse_server_entry(r, "records", defaults, conditions, extra) for r in raw]
    elif "server" in body:
        entries = [v.parse_server_entry(body, "", conditions=conditions, extra=extra)]
    else:
        raise OntapError(262197, target="server", field="server")
    v.check_new_primaries(manager["servers"], entries)
    connectivity.require(store, conditions, KMIP_FAILURES, entries, manager["client_certificate_uuid"],
                         manager["server_ca_certificate_uuids"], target="server")
    manager["servers"].extend(entries)
    return entries


def modify_server(store: Store, conditions: dict, uuid: str, server: str, body: dict) -> None:
    manager = _external(store, conditions, uuid)
    entry = _find(manager, server)
    v.reject_unknown(body, ("username", "password", "timeout", "secondary_key_servers", "server",
                            *v.key_server_fields(conditions)))
    if "server" in body and v.normalize_server(body["server"]) != entry["server"]:
        raise OntapError(262185, target="server", field="server", reason="this field cannot be modified.")
    if "password" in body and "username" not in body:
        raise OntapError(65536845, target="username")
    if "username" in body and "password" not in body:
        raise OntapError(65536846, target="password")
    changes = {}
    if "username" in body:
        changes["username"] = v.parse_string(body["username"], "username")
        changes["password"] = hash_secret(v.parse_string(body["password"], "password"))
    if "timeout" in body:
        changes["timeout"] = v.parse_timeout(body["timeout"], conditions=conditions)
    if v.CREATE_REMOVE_TIMEOUT in body:
        changes[v.CREATE_REMOVE_TIMEOUT] = v.parse_timeout(body[v.CREATE_REMOVE_TIMEOUT], v.CREATE_REMOVE_TIMEOUT,
                                                           bounds=(-1, 60))
    if "secondary_key_servers" in body:
        changes["secondary_key_servers"] = v.parse_secondaries(body["secondary_key_servers"], conditions=conditions)
        others = [e for e in manager["servers"] if e is not entry]
        v.check_secondaries([*others, {**entry, **changes}])
    entry.update(changes)


def register(app: Flask, store: Store, jobs: Jobs, conditions: dict) -> None:
    def render(uuid: str, entry: dict, fields) -> dict:
        return records.project(records.key_server_record(uuid, entry, conditions), fields, ["server"], True,
                               KEY_SERVER_EXPENSIVE)

    def require(uuid: str) -> None:
        with store.lock:
            store.require_key_manager(uuid)

    @app.get(BASE)
    def list_key_servers(uuid: str):
        fields = records.requested_fields()
        with store.lock:
            manager = store.require_key_manager(uuid)
            entries = manager["servers"] if manager["kind"] == "external" else []
            found = [records.key_server_record(uuid, e, conditions) for e in entries]
            found = [r for r in found if records.matches_filters(r)]
            return jsonify(records.collection([records.project(r, fields, ["server"], True, KEY_SERVER_EXPENSIVE)
                                               for r in found]))

    @app.get(f"{BASE}/<server>")
    def get_key_server(uuid: str, server: str):
        with store.lock:
            manager = _external(store, conditions, uuid)
            return jsonify(render(uuid, _find(manager, server), records.requested_fields()))

    @app.post(BASE)
    def post_key_servers(uuid: str):
        body = json_body()
        with_records = records.return_records()
        require(uuid)
        connectivity = Connectivity()

        def operation():
            entries = add_servers(store, conditions, uuid, body, connectivity)
            headers = {}
            if len(entries) == 1:
                headers["Location"] = records.key_server_href(uuid, entries[0]["server"])
            rendered = [render(uuid, e, None) for e in entries]
            return records.created(f"{records.API}/security/key-managers/{uuid}/key-servers", rendered,
                                   with_records), headers

        return jobs.run(operation, 201)

    @app.patch(f"{BASE}/<server>")
    def patch_key_server(uuid: str, server: str):
        body = json_body()
        require(uuid)

        def operation():
            modify_server(store, conditions, uuid, server, body)
            return {}, {}

        return jobs.run(operation, 200)

    @app.delete(f"{BASE}/<server>")
    def delete_key_server(uuid: str, server: str):
        require(uuid)

        def operation():
            manager = _external(store, conditions, uuid)
            manager["servers"].remove(_find(manager, server))
            return {}, {}

        return jobs.run(operation, 200)
