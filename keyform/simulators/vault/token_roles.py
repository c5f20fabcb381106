"""Token roles of the token store (part of the replicated document), and policy-name lists.

Supported:
- POST|PUT  /v1/auth/token/roles/<name>  {allowed_policies, token_type, orphan, renewable,
  token_explicit_max_ttl} -> 204 (an existing role is updated with the fields given)
- GET       /v1/auth/token/roles/<name>  -> 200, data (404 ``{"errors": []}`` when absent)
- DELETE    /v1/auth/token/roles/<name>  -> 204
- LIST      /v1/auth/token/roles         (or ``GET ...?list=true``) -> 200, data ``{keys}``
  (404 ``{"errors": []}`` when there is none, as Vault answers an empty list)

``allowed_policies`` is a JSON list or a comma-separated string (lowercased, deduplicated,
sorted); ``token_type`` is ``service``, ``batch``, ``default-service`` (the default;
``default`` means the same) or ``default-batch``; ``explicit_max_ttl`` is the older name of
``token_explicit_max_ttl``. The answer also carries the fields Vault shows that the
simulator does not implement, with their defaults (``disallowed_policies: []``,
``path_suffix: ""``, ``token_period: 0``, ...). All need an ``X-Vault-Token`` allowed there (:mod:`.auth`); a DR
secondary answers 400 ``path disabled in replication DR secondary mode``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Optional

from flask import Flask, request

from keyform.simulators.vault import auth, params
from keyform.simulators.vault.envelope import VaultError, no_content, respond
from keyform.simulators.vault.policies import is_list_request, list_answer

if TYPE_CHECKING:  # pragma: no cover
    from keyform.simulators.vault.cluster import Cluster

PREFIX = "/v1/auth/token/roles"
WRITE = ["POST", "PUT"]
TOKEN_TYPES = {"service": "service", "batch": "batch", "default-service": "default-service",
               "default-batch": "default-batch", "default": "default-service", "": "default-service"}
ROLE_DEFAULTS = {"allowed_policies": [], "token_type": "default-service", "orphan": False, "renewable": True,
                 "token_explicit_max_ttl": 0}


def policy_names(value, name: str = "policies") -> list[str]:
    """A JSON list or a comma-separated string of policy names, trimmed and lowercased, in order."""
    if value is None:
        return []
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        items = value
    else:
        raise VaultError(f"error converting input {name!r}: expected a list of strings")
    return [p.strip().lower() for p in items if p.strip()]


def sanitize_policies(policies: list[str], add_default: bool) -> list[str]:
    """Vault's ``policyutil.SanitizePolicies``: ``root`` alone if present, ``default`` added
    when asked (never next to ``root``), deduplicated and sorted."""
    policies = [p.strip().lower() for p in policies if p.strip()]
    if "root" in policies:
        return ["root"]
    if add_default and "default" not in policies:
        policies.append("default")
    return sorted(set(policies))


def role_from(data: dict, existing: Optional[dict]) -> dict:
    role = dict(existing or ROLE_DEFAULTS)
    if "allowed_policies" in data:
        role["allowed_policies"] = sorted(set(policy_names(data["allowed_policies"], "allowed_policies")))
    if "token_type" in data:
        given = params.string(data, "token_type").strip().lower()
        if given not in TOKEN_TYPES:
            raise VaultError(f"invalid 'token_type' value {json.dumps(given)}")
        role["token_type"] = TOKEN_TYPES[given]
    for flag in ("orphan", "renewable"):
        if flag in data:
            role[flag] = params.boolean(data, flag)
    for key in ("explicit_max_ttl", "token_explicit_max_ttl"):
        if data.get(key) not in (None, ""):
            role["token_explicit_max_ttl"] = params.duration(data[key], key)
    return role


def describe(name: str, role: dict) -> dict:
    role = dict(ROLE_DEFAULTS, **role)
    return {
        "name": name,
        "allowed_policies": list(role["allowed_policies"]),
        "disallowed_policies": [],
        "allowed_entity_aliases": None,
        "orphan": role["orphan"],
        "renewable": role["renewable"],
        "path_suffix": "",
        "token_type": role["token_type"],
        "token_explicit_max_ttl": role["token_explicit_max_ttl"],
        "explicit_max_ttl": role["token_explicit_max_ttl"],
        "token_period": 0,
        "period": 0,
        "token_no_default_policy": False,
        "token_bound_cidrs": [],
    }


def register(app: Flask, cluster: "Cluster") -> None:

    @app.route(PREFIX, methods=["GET", "LIST"])
    @app.route(f"{PREFIX}/", methods=["GET", "LIST"])
    def token_roles_list():
        auth.require(cluster)
        cluster.require_serving()
        if not is_list_request():
            raise VaultError("", 405)
        return list_answer(cluster.replicated("roles"))

    @app.route(f"{PREFIX}/<name>", methods=["GET", "DELETE", *WRITE])
    def token_roles_name(name: str):
        auth.require(cluster)
        cluster.require_serving()
        data = params.body()
        if request.method == "GET":
            role = cluster.replicated("roles").get(name)
            if role is None:
                raise VaultError("", 404)
            return respond(describe(name, role))
        if request.method == "DELETE":
            cluster.delete_replicated("roles", name)
            return no_content()
        with cluster.lock:
            role = role_from(data, cluster.replicated("roles").get(name))
            cluster.write_replicated("roles", name, role)
        return no_content()
