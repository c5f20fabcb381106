"""ACL policies (part of the replicated document; the language is in :mod:`.acl`).

Supported:
- POST|PUT  /v1/sys/policies/acl/<name>  {policy: "<HCL or JSON text>"} -> 204
- GET       /v1/sys/policies/acl/<name>  -> 200, data ``{name, policy}`` (404 ``{"errors": []}`` when absent)
- DELETE    /v1/sys/policies/acl/<name>  -> 204 (also when absent, as Vault answers)
- LIST      /v1/sys/policies/acl         (or ``GET ...?list=true``) -> 200, data ``{keys: [...]}``

Names are lowercased, as Vault does. The built-ins always exist: ``default`` (Vault's
default policy text; it may be changed, not deleted: ``cannot delete "default" policy``)
and ``root`` (grants everything, reads as an empty text; ``cannot update "root" policy``,
``cannot delete "root" policy``). Text that does not parse is refused with 400
``failed to parse policy: <detail>``; an empty one with ``'policy' parameter not supplied
or empty``. All need an ``X-Vault-Token`` allowed there (:mod:`.auth`); a DR secondary answers 400 ``path
disabled in replication DR secondary mode``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Flask, request

from keyform.simulators.vault import acl, auth, params
from keyform.simulators.vault.envelope import VaultError, no_content, respond

if TYPE_CHECKING:  # pragma: no cover
    from keyform.simulators.vault.cluster import Cluster

PREFIX = "/v1/sys/policies/acl"
WRITE = ["POST", "PUT"]


def is_list_request() -> bool:
    """Vault's ``LIST`` verb, or ``GET`` with ``?list=true``."""
    if request.method == "LIST":
        return True
    return request.method == "GET" and request.args.get("list", "").lower() in ("true", "1", "t")


def list_answer(keys) -> object:
    """``{keys}`` sorted, or Vault's 404 ``{"errors": []}`` when there is nothing to list."""
    keys = sorted(keys)
    if not keys:
        raise VaultError("", 404)
    return respond({"keys": keys})


def register(app: Flask, cluster: "Cluster") -> None:

    @app.route(PREFIX, methods=["GET", "LIST"])
    @app.route(f"{PREFIX}/", methods=["GET", "LIST"])
    def policies_list():
        auth.require(cluster)
        cluster.require_serving()
        if not is_list_request():
            raise VaultError("", 405)
        return list_answer([*cluster.replicated("policies"), "root"])

    @app.route(f"{PREFIX}/<name>", methods=["GET", "DELETE", *WRITE])
    def policies_name(name: str):
        auth.require(cluster)
        cluster.require_serving()
        data = params.body()
        name = name.strip().lower()
        if request.method == "GET":
            if name == "root":
                return respond({"name": "root", "policy": ""})
            text = cluster.replicated("policies").get(name)
            if text is None:
                raise VaultError("", 404)
            return respond({"name": name, "policy": text})
        if request.method == "DELETE":
            if name in ("root", "default"):
                raise VaultError(f'cannot delete "{name}" policy')
            cluster.delete_replicated("policies", name)
            return no_content()
        if name == "root":
            raise VaultError('cannot update "root" policy')
        text = params.string(data, "policy")
        if not text.strip():
            raise VaultError("'policy' parameter not supplied or empty")
        try:
            acl.parse(name, text)
        except acl.PolicyError as exc:
            raise VaultError(f"failed to parse policy: {exc}") from None
        cluster.write_replicated("policies", name, text)
        return no_content()
