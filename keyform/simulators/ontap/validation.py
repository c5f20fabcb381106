"""Checks shared by key managers and key servers: fields, servers, passphrases, certificates, conditions.

CHOSEN rules where the seeds are silent:
- ``timeout`` is an integer (a numeric string such as ``"60"``, as in seed 002's example, is accepted)
  from 1 to 60 seconds; it defaults to 25. From 9.14.1 (release profile, :mod:`.profile`) -1 and 0 as well.
- ``create_remove_timeout`` (9.14.1 and later, key-servers calls only): an integer from -1 to 60 (the bounds of
  NetApp's generated Python client; the REST reference gives none), default 25 like ``timeout``.
- ``secondary_key_servers`` is an array; from 9.14 one comma-separated string is taken as well.
- Secondary key servers are free-form host names (stored as given, compared with the default port
  5696 added); at most 3 per primary (65536039), none may be a primary of the same key manager
  (65536040) and none may repeat (65536871).
- SVM-scoped key management needs cluster version 9.6 or later (65536822) and no MetroCluster (65536824).
"""

from __future__ import annotations

from typing import Iterable, Optional

from keyform.simulators.ontap.errors import OntapError
from keyform.simulators.ontap.profile import Profile, parse as parse_profile
from keyform.simulators.ontap.store import Store, hash_secret

DEFAULT_PORT = 5696
DEFAULT_TIMEOUT = 25
CREATE_REMOVE_TIMEOUT = "create_remove_timeout"
MAX_PRIMARIES = 4
MAX_SECONDARIES = 3


def reject_unknown(body: dict, allowed: Iterable[str], prefix: str = "") -> None:
    allowed = set(allowed) | {"_links"}
    for key in body:
        if key not in allowed:
            raise OntapError(262179, target=prefix + key, field=prefix + key)


def require_object(value, field: str) -> dict:
    if not isinstance(value, dict):
        raise OntapError(262185, target=field, field=field, reason="an object is expected.")
    return value


def normalize_server(value, field: str = "server") -> str:
    """``host[:port]`` with the default port 5696 added; IPv6 addresses in brackets; host lower-cased."""
    if not isinstance(value, str) or not value.strip() or any(c.isspace() or c == "/" for c in value.strip()):
        raise OntapError(262185, target=field, field=field,
                         reason="a host name or address, optionally with :port, is expected.")
    text = value.strip()
    port: object = DEFAULT_PORT
    if text.startswith("["):
        end = text.find("]")
        host, rest = text[1:end], text[end + 1 :]
        if end < 0 or (rest and not rest.startswith(":")):
            raise OntapError(262185, target=field, field=field, reason="malformed IPv6 address.")
        if rest:
            port = rest[1:]
        host_text = f"[{host.lower()}]"
    elif text.count(":") == 1:
        host, port = text.split(":")
        host_text = host.lower()
    elif ":" in text:  # bare IPv6 address without a port
        host, host_text = text, f"[{text.lower()}]"
    else:
        host, host_text = text, text.lower()
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = -1
    if not host or not 1 <= port <= 65535:
        raise OntapError(262185, target=field, field=field, reason="the port must be a number from 1 to 65535.")
    return f"{host_text}:{port}"


def release(conditions: Optional[dict]) -> Profile:
    """The release profile the cluster answers as (``conditions["ontap_version"]``)."""
    return parse_profile((conditions or {}).get("ontap_version"))


def key_server_fields(conditions: Optional[dict]) -> tuple[str, ...]:
    """Fields the key-servers calls take besides the seeds' (``create_remove_timeout`` from 9.14.1)."""
    return (CREATE_REMOVE_TIMEOUT,) if release(conditions).create_remove_timeout else ()


def parse_timeout(value, field: str = "timeout", conditions: Optional[dict] = None,
                  bounds: Optional[tuple[int, int]] = None) -> int:
    """1 to 60 seconds; from 9.14.1 also -1 (wait indefinitely) and 0 (do not wait). ``bounds`` overrides."""
    low, high = bounds or release(conditions).timeout_range
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
        number = int(value)
    if number is None or not low <= number <= high:
        raise OntapError(262185, target=field, field=field, reason=f"an integer from {low} to {high} is expected.")
    return number


def parse_string(value, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise OntapError(262185, target=field, field=field, reason="a non-empty string is expected.")
    return value


def parse_secondaries(value, field: str = "secondary_key_servers", conditions: Optional[dict] = None) -> list[str]:
    """An array of host names; from 9.14 also one comma-separated string of them."""
    if isinstance(value, str) and release(conditions).string_secondaries:
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OntapError(262185, target=field, field=field, reason="an array of host names is expected.")
    names = [v.strip() for v in value]
    for name in names:
        normalize_server(name, field)
    if len(names) > MAX_SECONDARIES:
        raise OntapError(65536039, target=field)
    normalized = [normalize_server(n, field) for n in names]
    if len(set(normalized)) != len(normalized):
        raise OntapError(65536871, target=field)
    return names


def parse_server_entry(raw, field: str, defaults: Optional[dict] = None, conditions: Optional[dict] = None,
                       extra: Iterable[str] = ()) -> dict:
    """One primary key server from a request: ``server`` required; ``password`` kept only as a hash. ``extra``:
    the release's further fields the call takes (:func:`key_server_fields`)."""
    p = f"{field}." if field else ""
    entry = dict(defaults or {})
    entry.update(require_object(raw, field or "body"))
    reject_unknown(entry, ("server", "timeout", "username", "password", "secondary_key_servers", *extra), prefix=p)
    if "server" not in entry:
        raise OntapError(262197, target=f"{p}server", field=f"{p}server")
    parsed = {
        "server": normalize_server(entry["server"], f"{p}server"),
        "timeout": (parse_timeout(entry["timeout"], f"{p}timeout", conditions) if "timeout" in entry
                    else DEFAULT_TIMEOUT),
        "username": parse_string(entry["username"], f"{p}username") if "username" in entry else None,
        "password": None,
        "secondary_key_servers": parse_secondaries(entry.get("secondary_key_servers", []),
                                                   f"{p}secondary_key_servers", conditions),
    }
    if "password" in entry:
        parsed["password"] = hash_secret(parse_string(entry["password"], f"{p}password"))
    if CREATE_REMOVE_TIMEOUT in extra:
        parsed[CREATE_REMOVE_TIMEOUT] = (parse_timeout(entry[CREATE_REMOVE_TIMEOUT], p + CREATE_REMOVE_TIMEOUT,
                                                       bounds=(-1, 60))
                                         if CREATE_REMOVE_TIMEOUT in entry else DEFAULT_TIMEOUT)
    return parsed


def check_secondaries(primaries: list[dict], target: str = "secondary_key_servers") -> None:
    """No secondary of any primary may be a primary of the same key manager."""
    names = {p["server"] for p in primaries}
    for primary in primaries:
        for secondary in primary.get("secondary_key_servers", []):
            if normalize_server(secondary) in names:
                raise OntapError(65536040, target=target, server=secondary)


def check_new_primaries(existing: list[dict], new: list[dict], target: str = "server") -> None:
    """Duplicates in the request (65536871), already configured (65536870), more than 4 (65536038)."""
    names = [e["server"] for e in new]
    if len(set(names)) != len(names):
        raise OntapError(65536871, target=target)
    configured = {e["server"] for e in existing}
    if any(name in configured for name in names):
        raise OntapError(65536870, target=target)
    if len(existing) + len(new) > MAX_PRIMARIES:
        raise OntapError(65536038, target=target)
    check_secondaries(existing + new)


def check_passphrase(value, conditions: dict, field: str) -> str:
    """32-256 ASCII characters (64-256 in Common Criteria mode)."""
    minimum = 64 if conditions.get("cc_mode") else 32
    if not isinstance(value, str) or not value.isascii() or not minimum <= len(value) <= 256:
        raise OntapError(65536802 if conditions.get("cc_mode") else 65536404, target=field)
    return value


def resolve_svm(store: Store, body: dict) -> Optional[dict]:
    """The SVM a body names with ``svm.name``/``svm.uuid`` (None without ``svm``); unknown: 2621462."""
    if "svm" not in body:
        return None
    ref = require_object(body["svm"], "svm")
    reject_unknown(ref, ("name", "uuid"), prefix="svm.")
    svm = store.svm(uuid=ref["uuid"]) if "uuid" in ref else store.svm(name=ref.get("name"))
    if svm is None or ("name" in ref and svm["name"] != ref["name"]):
        raise OntapError(2621462, target="svm", svm=ref.get("name", ref.get("uuid", "")))
    return svm


def resolve_certificate(store: Store, ref, kind: str, field: str, message: Optional[str] = None,
                        svm_uuid: Optional[str] = None) -> dict:
    """A certificate of type ``kind`` named by ``{"name"}`` or ``{"uuid"}``, installed in the key manager's SVM
    (``svm_uuid``) or at cluster scope (a name is looked up in the SVM first); else 65536821."""
    ref = require_object(ref, field)
    reject_unknown(ref, ("name", "uuid"), prefix=field + ".")
    if "uuid" not in ref and "name" not in ref:
        raise OntapError(262197, target=f"{field}.name", field=f"{field}.name")
    if "uuid" in ref:
        cert = store.certificate(uuid=ref["uuid"])
    else:
        cert = (store.certificate(name=ref["name"], svm_uuid=svm_uuid) if svm_uuid else None) \
            or store.certificate(name=ref["name"])
    if cert and "name" in ref and "uuid" in ref and cert["name"] != ref["name"]:
        cert = None
    if cert is None or cert["type"] != kind or cert.get("svm_uuid") not in (None, svm_uuid):
        raise OntapError(65536821, target=field, message=message)
    return cert


def check_svm_scope(conditions: dict, svm_scoped: bool) -> None:
    """Multitenant (SVM-scoped) key management limits: 65536822 (cluster version), 65536824 (MetroCluster)."""
    if not svm_scoped:
        return
    version = tuple(int(p) for p in str(conditions.get("cluster_version", "9.14.1")).split(".")[:2] if p.isdigit())
    if version < (9, 6):
        raise OntapError(65536822, target="svm")
    if conditions.get("metrocluster"):
        raise OntapError(65536824, target="svm")


def check_kmip(conditions: dict, allowed: Iterable[int]) -> None:
    """The injected key-server connection failure, if one is set and this operation can report it."""
    code = conditions.get("kmip_failure")
    if code and int(code) in set(allowed):
        raise OntapError(int(code), target="server")
