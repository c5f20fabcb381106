"""How objects look on the wire, and ONTAP's query conventions (``fields=``, filters, collections).

- A collection GET returns only the keys of each record (plus ``_links``) unless ``fields`` is given.
- ``fields=*`` returns every ordinary field; expensive fields (key manager ``status``,
  ``onboard.key_backup``) come only when named explicitly or with ``fields=**``.
- Filters are query parameters named after fields (dotted), with ``*`` wildcards and ``|`` alternatives.
- ``max_records=N`` (a positive integer, else 262185 / 400) pages a collection: ``num_records`` counts the
  records of this page and ``_links.next.href`` (the same query plus ``start.key=<opaque token>``, CHOSEN form)
  asks for the next page; the last page has no ``next``. Without ``max_records`` every record comes at once.
  The token names the last record shown, so a page after a record was added or removed neither repeats nor
  skips the records around it.
- POST answers ``num_records`` and ``_links.self`` (the collection); ``return_records=true`` adds ``records``
  (the created records as a GET shows them); ``return_records`` defaults to false, as on ONTAP.
"""

from __future__ import annotations

import base64
import binascii
import copy
import fnmatch
import json
from typing import Iterable, Optional
from urllib.parse import quote, urlencode

from flask import request

from keyform.simulators.ontap.errors import OntapError
from keyform.simulators.ontap.profile import parse as release
from keyform.simulators.ontap.validation import DEFAULT_TIMEOUT
from keyform.simulators.ontap.store import Store, stable_uuid

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
START = "start.key"
"""CHOSEN: the continuation parameter of ``_links.next.href`` (ONTAP's are ``start.<key>=``; this one is opaque)."""


def link(href: str) -> dict:
    return {"self": {"href": href}}


def svm_ref(svm: dict) -> dict:
    return {"name": svm["name"], "uuid": svm["uuid"], "_links": link(f"{API}/svm/svms/{svm['uuid']}")}


def certificate_ref(cert: dict) -> dict:
    return {"name": cert["name"], "uuid": cert["uuid"], "_links": link(f"{API}/security/certificates/{cert['uuid']}")}


def key_server_href(manager_uuid: str, server: str) -> str:
    return f"{API}/security/key-managers/{manager_uuid}/key-servers/{quote(server, safe='')}"


def key_server_record(manager_uuid: str, entry: dict, conditions: Optional[dict] = None) -> dict:
    """A primary key server as GET shows it: never the password. The release profile (``conditions``) decides
    the encoding of its secondaries and whether it has ``connectivity`` (expensive: callers project it)."""
    profile = release((conditions or {}).get("ontap_version"))
    record = {"server": entry["server"], "timeout": entry["timeout"]}
    if entry.get("username"):
        record["username"] = entry["username"]
    secondaries = list(entry.get("secondary_key_servers", []))
    record["secondary_key_servers"] = ",".join(secondaries) if profile.string_secondaries else secondaries
    if profile.create_remove_timeout:
        record["create_remove_timeout"] = entry.get("create_remove_timeout", DEFAULT_TIMEOUT)
    if profile.connectivity:
        record["connectivity"] = connectivity(conditions or {})
    record["_links"] = link(key_server_href(manager_uuid, entry["server"]))
    return record


NODES = ("cluster1-01", "cluster1-02")


def connectivity(conditions: dict) -> dict:
    """Every node reaches the key server, unless a key-server connection failure is injected (``kmip_failure``)."""
    state = "not_responding" if conditions.get("kmip_failure") else "available"
    return {"cluster_availability": state == "available",
            "node_states": [{"node": {"name": name, "uuid": stable_uuid("node", name)}, "state": state}
                            for name in NODES]}


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
                {k: v for k, v in key_server_record(manager["uuid"], s, conditions).items()
                 if k not in ("_links", "connectivity", "create_remove_timeout")}
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
        if name in skip or name.startswith("start."):
            continue
        value = _value_at(record, name)
        if isinstance(value, bool):
            value = str(value).lower()
        if value is None or isinstance(value, (dict, list)):
            return False
        if not any(fnmatch.fnmatchcase(str(value), alt) for alt in wanted.split("|")):
            return False
    return True


def _max_records() -> Optional[int]:
    raw = request.args.get("max_records")
    if raw is None:
        return None
    text = raw.strip()
    if not text.isdigit() or int(text) < 1:
        raise OntapError(262185, target="max_records", field="max_records", reason="a positive integer is expected.")
    return int(text)


def _identity(record: dict) -> str:
    """What a continuation token remembers of a record: its key (every projection keeps it)."""
    for key in ("uuid", "server", "name"):
        if record.get(key) not in (None, ""):
            return str(record[key])
    return ""


def _token(after: str, at: int) -> str:
    raw = json.dumps({"after": after, "at": at}, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _start(records: list[dict]) -> int:
    """Where the page asked for by ``start.key`` begins: after the record the token names, or (when that record
    is gone since) at the position it had (the records after it moved up by one)."""
    raw = request.args.get(START)
    if raw is None:
        return 0
    try:
        decoded = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("utf-8"))
        after, at = str(decoded["after"]), int(decoded["at"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error):
        raise OntapError(262185, target=START, field=START,
                         reason="not a continuation token of this cluster.") from None
    for index, record in enumerate(records):
        if _identity(record) == after:
            return index + 1
    return max(0, min(at, len(records)))


def collection(records: list[dict]) -> dict:
    """A collection GET's answer: every record, or one page of ``max_records`` with ``_links.next`` when more
    follow (``start.key``: an opaque token naming the last record shown)."""
    max_records = _max_records()
    begin = _start(records)
    page = records[begin:]
    links = link(request.full_path.rstrip("?"))
    if max_records is not None and len(page) > max_records:
        page = page[:max_records]
        query = [(k, v) for k, v in request.args.items(multi=True) if k != START]
        query.append((START, _token(_identity(page[-1]), begin + len(page) - 1)))
        links["next"] = {"href": f"{request.path}?{urlencode(query)}"}
    return {"records": page, "num_records": len(page), "_links": links}


def return_records() -> bool:
    """``return_records`` of a POST: false unless ``true`` (ONTAP's default); anything else is refused."""
    raw = request.args.get("return_records")
    if raw is None:
        return False
    if raw.strip().lower() not in ("true", "false"):
        raise OntapError(262185, target="return_records", field="return_records", reason="true or false is expected.")
    return raw.strip().lower() == "true"


def created(collection_href: str, rendered: list[dict], with_records: bool) -> dict:
    """A POST's answer: ``num_records`` and the collection's ``_links`` (``self`` only: a POST answer has no next
    page); the records only ``with_records`` (``return_records=true``, read before the operation runs)."""
    body: dict = {"num_records": len(rendered)}
    if with_records:
        body["records"] = rendered
    body["_links"] = link(collection_href)
    return body
