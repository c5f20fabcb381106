"""How objects look on the wire, and ONTAP's query conventions (``fields=``, filters, collections).

- A collection GET returns only the keys of each record (plus ``_links``) unless ``fields`` is given.
- ``fields=*`` returns every ordinary field; expensive fields (key manager ``status``,
  ``onboard.key_backup``) come only when named explicitly or with ``fields=**``.
- Filters are query parameters named after fields (dotted), with ``*`` wildcards and ``|`` alternatives.
"""

from __future__ import annotations

import copy
import fnmatch
from typing import Iterable, Optional
from urllib.parse import quote

from flask import request

from keyform.simulators.ontap.store import Store

API = "/api"
EXPENSIVE = ("status", "onboard.key_backup")
METROCLUSTER_STATUS = {
    "code": 346758,
    "message": (
        "This cluster is part of a MetroCluster configuration. Use the REST API POST method "
        "security/key_managers/ with the synchronize option and the same passphrase on the partner "
        "cluster before proceeding with any key manager operations. Failure to do so could lead to "
        "switchover or switchback failure."
    ),
}
# Query parameters that are not field filters.
CONTROL_PARAMS = {"fields", "return_timeout", "return_records", "max_records", "order_by", "create_inactive"}


def link(href: str) -> dict:
    return {"self": {"href": href}}


def svm_ref(svm: dict) -> dict:
    return {"name": svm["name"], "uuid": svm["uuid"], "_links": link(f"{API}/svm/svms/{svm['uuid']}")}


def certificate_ref(cert: dict) -> dict:
    return {"name": cert["name"], "uuid": cert["uuid"], "_links": link(f"{API}/security/certificates/{cert['uuid']}")}


def key_server_href(manager_uuid: str, server: str) -> str:
    return f"{API}/security/key-managers/{manager_uuid}/key-servers/{quote(server, safe='')}"


def key_server_record(manager_uuid: str, entry: dict) -> dict:
    """A primary key server as GET shows it: never the password."""
    record = {"server": entry["server"], "timeout": entry["timeout"]}
    if entry.get("username"):
        record["username"] = entry["username"]
    record["secondary_key_servers"] = list(entry.get("secondary_key_servers", []))
    record["_links"] = link(key_server_href(manager_uuid, entry["server"]))
    return record


def key_manager_record(store: Store, manager: dict, conditions: dict) -> dict:
    """The full record, expensive fields included (callers project it)."""
    record: dict = {"uuid": manager["uuid"], "scope": manager["scope"]}
    svm = store.svm(uuid=manager["svm_uuid"]) if manager.get("svm_uuid") else None
    if svm:
        record["svm"] = svm_ref(svm)
    if manager["kind"] == "external":
        client = store.certificate(uuid=manager["client_certificate_uuid"])
        cas = [store.certificate(uuid=u) for u in manager["server_ca_certificate_uuids"]]
        record["external"] = {
            "client_certificate": certificate_ref(client) if client else {"uuid": manager["client_certificate_uuid"]},
            "server_ca_certificates": [certificate_ref(c) for c in cas if c],
            "servers": [
                {k: v for k, v in key_server_record(manager["uuid"], s).items() if k != "_links"}
                for s in manager["servers"]
            ],
        }
        record["onboard"] = {"enabled": False}
    else:
        record["onboard"] = {"enabled": True, "key_backup": manager["key_backup"]}
    record["is_default_data_at_rest_encryption_disabled"] = manager["is_default_data_at_rest_encryption_disabled"]
    record["volume_encryption"] = {"supported": True, "code": 0, "message": ""}
    if manager["kind"] == "onboard" and conditions.get("metrocluster"):
        record["status"] = dict(METROCLUSTER_STATUS)
    else:
        record["status"] = {"code": 0, "message": "No action needed at this time."}
    record["_links"] = link(f"{API}/security/key-managers/{manager['uuid']}")
    return record


def requested_fields() -> Optional[list[str]]:
    raw = request.args.get("fields")
    if raw is None:
        return None
    return [f.strip() for f in raw.split(",") if f.strip()]


def _pick(source: dict, parts: list[str], target: dict) -> None:
    key = parts[0]
    if key not in source:
        return
    value = source[key]
    if len(parts) == 1:
        target[key] = copy.deepcopy(value)
    elif isinstance(value, dict):
        _pick(value, parts[1:], target.setdefault(key, {}))
    elif isinstance(value, list):
        out = target.setdefault(key, [{} for _ in value])
        for src, dst in zip(value, out):
            if isinstance(src, dict):
                _pick(src, parts[1:], dst)


def _drop(record: dict, path: str) -> None:
    parts = path.split(".")
    node = record
    for part in parts[:-1]:
        node = node.get(part)
        if not isinstance(node, dict):
            return
    node.pop(parts[-1], None)


def project(record: dict, fields: Optional[list[str]], keys: Iterable[str], default_full: bool,
            expensive: Iterable[str] = ()) -> dict:
    """Apply ``fields``: keys and ``_links`` always; without ``fields`` all (instance) or keys only (collection).

    An expensive path is kept only with ``fields=**`` or when it (or a field under it) is named.
    """
    if fields is None and not default_full:
        fields = []
    named = fields or []
    if fields is None or "*" in fields or "**" in fields:
        result = copy.deepcopy(record)
    else:
        result = {}
        for path in [*keys, *fields]:
            _pick(record, path.split("."), result)
        if "_links" in record:
            result["_links"] = copy.deepcopy(record["_links"])
    if "**" not in named:
        for path in expensive:
            if not any(f == path or f.startswith(path + ".") for f in named):
                _drop(result, path)
    return result


def _value_at(record: dict, path: str):
    node = record
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def matches_filters(record: dict, ignore: Iterable[str] = ()) -> bool:
    """True when every field filter in the query string matches the record."""
    skip = CONTROL_PARAMS | set(ignore)
    for name, wanted in request.args.items():
        if name in skip:
            continue
        value = _value_at(record, name)
        if isinstance(value, bool):
            value = str(value).lower()
        if value is None or isinstance(value, (dict, list)):
            return False
        if not any(fnmatch.fnmatchcase(str(value), alt) for alt in wanted.split("|")):
            return False
    return True


def collection(records: list[dict]) -> dict:
    max_records = request.args.get("max_records", type=int)
    if max_records is not None and max_records >= 0:
        records = records[:max_records]
    return {"records": records, "num_records": len(records), "_links": link(request.full_path.rstrip("?"))}
