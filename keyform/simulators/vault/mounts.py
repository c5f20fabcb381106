"""Secrets engine mounts, so that a cluster visibly holds data (part of the replicated document).

Supported:
- GET        /v1/sys/mounts          -> 200, data ``{"<path>/": entry}`` (repeated at the top level,
  as Vault does for this old endpoint)
- GET        /v1/sys/mounts/<path>   -> 200, data: the entry (400 ``No secret engine mount at <path>/``)
- POST|PUT   /v1/sys/mounts/<path>   {type, description?, options?, config?, local?, seal_wrap?} -> 204
- DELETE     /v1/sys/mounts/<path>   -> 204 (also when nothing is mounted there, as Vault answers)

An entry is ``{type, description, accessor, uuid, config: {default_lease_ttl, max_lease_ttl,
force_no_cache}, options, local, seal_wrap, external_entropy_access}``. Every cluster has the
built-ins ``cubbyhole/`` (type cubbyhole, ``local: true`` as in Vault), ``identity/`` and
``sys/`` (type system); they cannot be mounted over (``path is already in use at sys/``) nor
unmounted (``cannot unmount "sys/"``). ``type: kv-v2`` is stored as ``kv`` with
``options.version = "2"``, as Vault does. Mounting inside or around an existing mount is
refused (``path is already in use at <existing>``, ``existing mount at <existing>``).
Simulator choices (the docs do not say): only the built-in engine types listed in
``ENGINE_TYPES`` mount, others are refused as ``plugin not found in the catalog: <type>``;
paths under ``auth/`` or ``audit/`` are refused as ``cannot mount under "<prefix>"``; the
engines serve nothing below their mount. All need an ``X-Vault-Token`` allowed there (:mod:`.auth`); a DR
secondary answers 400 ``path disabled in replication DR secondary mode``.
"""

from __future__ import annotations

import secrets
import uuid
from typing import TYPE_CHECKING, Optional

from flask import Flask

from keyform.simulators.vault import auth, params
from keyform.simulators.vault.envelope import VaultError, no_content, respond

if TYPE_CHECKING:  # pragma: no cover
    from keyform.simulators.vault.cluster import Cluster

PREFIX = "/v1/sys/mounts"
WRITE = ["POST", "PUT"]
ENGINE_TYPES = {"kv", "generic", "transit", "pki", "ssh", "totp", "database", "aws", "azure", "gcp", "consul",
                "nomad", "rabbitmq", "ldap", "kubernetes", "kmip", "transform", "keymgmt", "terraform"}
BUILTINS = {
    "cubbyhole/": ("cubbyhole", "per-token private secret storage", True),
    "identity/": ("identity", "identity store", False),
    "sys/": ("system", "system endpoints used for control, policy and debugging", False),
}
PROTECTED_PREFIXES = ("auth/", "audit/")


def mount_entry(engine: str, description: str = "", options: Optional[dict] = None, config: Optional[dict] = None,
                local: bool = False, seal_wrap: bool = False) -> dict:
    return {
        "type": engine,
        "description": description,
        "accessor": f"{engine}_{secrets.token_hex(4)}",
        "uuid": str(uuid.uuid4()),
        "config": {"default_lease_ttl": 0, "max_lease_ttl": 0, "force_no_cache": False, **(config or {})},
        "options": options,
        "local": local,
        "seal_wrap": seal_wrap,
        "external_entropy_access": False,
    }


def builtin_mounts() -> dict:
    return {path: mount_entry(engine, description, local=local)
            for path, (engine, description, local) in BUILTINS.items()}


def normalise(path: str) -> str:
    path = path.strip("/")
    if not path:
        raise VaultError("path cannot be empty")
    return path + "/"


def _options(data: dict) -> Optional[dict]:
    options = data.get("options")
    if options is None:
        return None
    if not isinstance(options, dict):
        raise VaultError("error converting input 'options': expected a map of strings")
    return {str(k): str(v) for k, v in options.items()}


def _config(data: dict) -> dict:
    config = data.get("config") or {}
    if not isinstance(config, dict):
        raise VaultError("error converting input 'config': expected an object")
    result = {}
    for name in ("default_lease_ttl", "max_lease_ttl"):
        if config.get(name) not in (None, ""):
            result[name] = params.duration(config[name], name)
    if "force_no_cache" in config:
        result["force_no_cache"] = params.boolean(config, "force_no_cache")
    return result


def new_entry(path: str, data: dict, table: dict) -> dict:
    """The entry to mount at ``path`` (normalised), checked against the mount ``table``."""
    engine = params.string(data, "type").strip()
    if not engine:
        raise VaultError("backend type must be specified as a string")
    options = _options(data)
    if engine == "kv-v2":
        engine, options = "kv", dict(options or {}, version="2")
    if engine not in ENGINE_TYPES:
        raise VaultError(f"plugin not found in the catalog: {engine}")
    for prefix in PROTECTED_PREFIXES:
        if path.startswith(prefix):
            raise VaultError(f'cannot mount under "{prefix}"')
    for existing in table:
        if path.startswith(existing):
            raise VaultError(f"path is already in use at {existing}")
        if existing.startswith(path):
            raise VaultError(f"existing mount at {existing}")
    return mount_entry(engine, params.string(data, "description"), options, _config(data),
                       params.boolean(data, "local"), params.boolean(data, "seal_wrap"))


def register(app: Flask, cluster: "Cluster") -> None:

    @app.get(PREFIX)
    def mounts_list():
        auth.require(cluster)
        table = cluster.replicated("mounts")
        return respond(table, top_level=table)

    @app.route(f"{PREFIX}/<path:path>", methods=["GET", "DELETE", *WRITE])
    def mounts_path(path: str):
        from flask import request

        auth.require(cluster)
        cluster.require_serving()
        data = params.body()
        path = normalise(path)
        if request.method == "GET":
            entry = cluster.replicated("mounts").get(path)
            if entry is None:
                raise VaultError(f"No secret engine mount at {path}")
            return respond(entry)
        if request.method == "DELETE":
            if path in BUILTINS:
                raise VaultError(f'cannot unmount "{path}"')
            cluster.delete_replicated("mounts", path)
            return no_content()
        with cluster.lock:
            entry = new_entry(path, data, cluster.replicated("mounts"))
            cluster.write_replicated("mounts", path, entry)
        return no_content()
