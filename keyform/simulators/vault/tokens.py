"""Token creation, renewal and revocation (the token store's ``auth/token`` paths).

Supported:
- POST|PUT /v1/auth/token/create          {policies, ttl, type, no_default_policy, renewable,
  explicit_max_ttl, display_name, meta, no_parent, num_uses} -> 200
- POST|PUT /v1/auth/token/create-orphan   (same) -> 200, an orphan token
- POST|PUT /v1/auth/token/create/<role>   (same) -> 200, shaped by the role (see :mod:`.token_roles`)
- POST|PUT /v1/auth/token/renew           {token, increment} -> 200 (service tokens only)
- POST|PUT /v1/auth/token/revoke          {token} -> 204 (service tokens only)

The answer is the envelope with ``auth: {client_token, accessor, policies, token_policies,
metadata, lease_duration, renewable, entity_id: "", token_type, orphan, mfa_requirement,
num_uses}`` (``warnings`` name the policies that do not exist, as Vault's do). Policies
follow Vault's rules: ``policies`` is a list or a comma-separated string; without it the
token inherits its parent's (the request token's: ``["root"]`` for a root token); a parent
without ``root`` may only give its own policies and ``default`` (400 ``child policies must be
subset of parent``); ``default`` is added unless ``no_default_policy``; with a role that has
``allowed_policies`` the policies default to
them and must be within them (400 ``token policies (...) must be subset of the role's
allowed policies (...)``); an unknown role is 400 ``unknown role <name>``. The role's
``token_type`` decides (``service``/``batch``) or gives the default for ``type``
(``default-service``/``default-batch``).

Tokens: a **batch** token (``hvb.``, see :mod:`.batch_token`) is verified from itself on every
member of the DR replication set; accessor ``""``, never renewable, cannot be renewed
(``batch tokens cannot be renewed``) nor revoked (``batch tokens cannot be revoked``), nor
carry ``root`` (``batch tokens cannot be root tokens``) or an ``explicit_max_ttl``. A
**service** token (``hvs.`` + 24 random characters) is stored hashed in the cluster's token
store, which replicates to the DR secondaries (see :mod:`.token_store`). TTL: ``ttl`` (Vault
durations) or 768h, capped by the
system maximum of 768h (with Vault's warning) and by the explicit max TTL of the request or
the role (the simulator caps batch tokens with the role's ``token_explicit_max_ttl`` too);
a service token with the ``root`` policy and no TTL never expires, as Vault's.

The tokens created here are client tokens (``X-Vault-Token``, authorised by their policies:
see :mod:`.auth`) on every member of the DR set that serves clients, and batch tokens also
authorise the DR secondary endpoints as ``dr_operation_token`` (by their policies: see
:meth:`.cluster.Cluster.check_operation_token`). All paths need ``X-Vault-Token``; a DR
secondary answers 400 ``path disabled in replication DR secondary mode``.
"""

from __future__ import annotations

import json
import secrets
import string
import time
from typing import TYPE_CHECKING, Optional

from flask import Flask, jsonify

from keyform.simulators.vault import auth, batch_token, params
from keyform.simulators.vault.envelope import VaultError, envelope, no_content
from keyform.simulators.vault.token_roles import policy_names, sanitize_policies

if TYPE_CHECKING:  # pragma: no cover
    from keyform.simulators.vault.cluster import Cluster

PREFIX = "/v1/auth/token"
WRITE = ["POST", "PUT"]
DEFAULT_TTL = 768 * 3600
MAX_TTL = 768 * 3600
_ALPHABET = string.ascii_letters + string.digits


def go_list(values: list[str]) -> str:
    """A string list as Go's ``%q`` prints it: ``["a" "b"]``."""
    return "[" + " ".join(json.dumps(v) for v in values) + "]"


def go_duration(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes}m{secs}s" if hours else (f"{minutes}m{secs}s" if minutes else f"{secs}s")


def _token_type(data: dict, role: Optional[dict]) -> str:
    requested = params.string(data, "type").strip().lower()
    role_type = (role or {}).get("token_type", "default-service")
    if role_type in ("service", "batch"):
        requested = role_type
    elif role_type == "default-batch" and not requested:
        requested = "batch"
    if requested not in ("", "service", "batch"):
        raise VaultError("invalid 'token_type' value")
    return requested or "service"


def _policies(data: dict, role: Optional[dict], parent: list[str]) -> list[str]:
    """Vault's policy rules for a child of a token with the ``parent`` policies (see the module docstring)."""
    requested = policy_names(data.get("policies"))
    no_default = params.boolean(data, "no_default_policy")
    allowed = (role or {}).get("allowed_policies") or []
    if allowed:
        final = sanitize_policies(requested, not no_default) if requested else []
        permitted = sanitize_policies(allowed, not no_default)
        if not final:
            final = permitted
        elif not set(final) <= set(permitted):
            raise VaultError(f"token policies ({go_list(final)}) must be subset of the role's allowed policies "
                             f"({go_list(permitted)})")
        policies = sanitize_policies(final, False)
    elif requested:
        policies = sanitize_policies(requested, not no_default)
    else:
        policies = sanitize_policies(parent, False)  # inherited from the parent
    if no_default:
        policies = [p for p in policies if p != "default"]
    if "root" not in parent and not set(policies) <= {*parent, "default"}:
        raise VaultError("child policies must be subset of parent")
    return policies


def _ttl(data: dict, role: Optional[dict], batch: bool, root: bool, warnings: list) -> tuple[int, int]:
    """``(ttl, explicit_max_ttl)`` in seconds; a ttl of 0 never expires (root service tokens)."""
    explicit = 0
    if data.get("explicit_max_ttl") not in (None, ""):
        explicit = params.duration(data["explicit_max_ttl"], "explicit_max_ttl")
        if batch and explicit:
            raise VaultError('batch tokens cannot have "explicit_max_ttl" set')
    role_max = int((role or {}).get("token_explicit_max_ttl") or 0)
    if role_max and (not explicit or role_max < explicit):
        explicit = role_max
    ttl = params.duration(data["ttl"]) if data.get("ttl") not in (None, "") else 0
    if ttl == 0 and root and not batch:
        return explicit, explicit
    ttl = ttl or DEFAULT_TTL
    if ttl > MAX_TTL:
        warnings.append(f"TTL of {json.dumps(go_duration(ttl))} exceeded the effective max_ttl of "
                        f"{json.dumps(go_duration(MAX_TTL))}; TTL value is capped accordingly")
        ttl = MAX_TTL
    if explicit and ttl > explicit:
        ttl = explicit
    return ttl, explicit


def _meta(data: dict) -> Optional[dict]:
    meta = data.get("meta")
    if meta is None:
        return None
    if not isinstance(meta, dict):
        raise VaultError("error converting input 'meta': expected a map of strings")
    return {str(k): str(v) for k, v in meta.items()}


def auth_answer(token: str, accessor: str, entry: dict, warnings: Optional[list] = None):
    document = envelope(None, warnings=warnings or None)
    document["auth"] = {
        "client_token": token,
        "accessor": accessor,
        "policies": list(entry["policies"]),
        "token_policies": list(entry["policies"]),
        "metadata": entry.get("meta"),
        "lease_duration": entry["ttl"],
        "renewable": entry["renewable"],
        "entity_id": "",
        "token_type": entry["type"],
        "orphan": entry["orphan"],
        "mfa_requirement": None,
        "num_uses": entry.get("num_uses", 0),
    }
    return jsonify(document)


def create(cluster: "Cluster", asked: tuple[dict, list[str]], role_name: Optional[str], orphan_endpoint: bool):
    data, parent = asked
    role = None
    if role_name is not None:
        role = cluster.replicated("roles").get(role_name)
        if role is None:
            raise VaultError(f"unknown role {role_name}")
    kind = _token_type(data, role)
    batch = kind == "batch"
    try:
        num_uses = int(params.string(data, "num_uses", "0") or 0)
    except ValueError:
        raise VaultError("error converting input 'num_uses': expected an integer") from None
    if num_uses < 0:
        raise VaultError("number of uses cannot be negative")
    if batch and num_uses:
        raise VaultError('batch tokens cannot have "num_uses" set')
    policies = _policies(data, role, parent)
    if batch and "root" in policies:
        raise VaultError("batch tokens cannot be root tokens")
    warnings: list = []
    ttl, explicit = _ttl(data, role, batch, "root" in policies, warnings)
    renewable = params.boolean(data, "renewable", True) and bool((role or {}).get("renewable", True))
    renewable = renewable and not batch and ttl > 0
    orphan = bool(role.get("orphan")) if role else orphan_endpoint or params.boolean(data, "no_parent")
    known = cluster.replicated("policies")
    warnings += [f"Policy {json.dumps(p)} does not exist" for p in policies if p != "root" and p not in known]
    entry = {"type": kind, "policies": policies, "ttl": ttl, "renewable": renewable, "orphan": orphan,
             "meta": _meta(data), "num_uses": num_uses}
    display_name = params.string(data, "display_name")
    details = {
        "path": f"auth/token/create/{role_name}" if role_name is not None
        else "auth/token/create-orphan" if orphan_endpoint else "auth/token/create",
        "display_name": f"token-{display_name}" if display_name else "token",
        "orphan": orphan,
        "meta": entry["meta"],
    }
    if batch:
        with cluster.lock:
            issued = batch_token.issue(cluster.state["key_set"], policies, ttl, cluster.state["cluster_id"],
                                       details=details)
        return auth_answer(issued["token"], "", entry, warnings)
    token = "hvs." + "".join(secrets.choice(_ALPHABET) for _ in range(24))
    accessor = "".join(secrets.choice(_ALPHABET) for _ in range(24))
    now = time.time()
    cluster.store_service_token(token, dict(
        entry, accessor=accessor, created_at=now, expires_at=now + ttl if ttl else 0, explicit_max_ttl=explicit,
        role=role_name or "", display_name=details["display_name"], path=details["path"],
    ))
    return auth_answer(token, accessor, entry, warnings)


def renew(cluster: "Cluster", data: dict):
    token = params.string(data, "token", required=True)
    if batch_token.looks_like(token):
        raise VaultError("batch tokens cannot be renewed")
    entry = cluster.service_token(token)
    if entry is None:
        raise VaultError("invalid token")
    if not entry["renewable"]:
        raise VaultError("lease is not renewable")
    now = time.time()
    increment = params.duration(data["increment"], "increment") if data.get("increment") not in (None, "") else 0
    ttl = increment or entry["ttl"]
    limits = [entry["created_at"] + MAX_TTL]
    if entry["explicit_max_ttl"]:
        limits.append(entry["created_at"] + entry["explicit_max_ttl"])
    expires = min([now + ttl, *limits])
    cluster.update_service_token(token, {"expires_at": expires})
    return auth_answer(token, entry["accessor"], dict(entry, ttl=max(0, int(expires - now))))


def register(app: Flask, cluster: "Cluster") -> None:
    def _authorised() -> tuple[dict, list[str]]:
        """The request body and the policies of the request's token (the new token's parent)."""
        parent = auth.require(cluster)
        cluster.require_serving()
        return params.body(), parent

    @app.route(f"{PREFIX}/create", methods=WRITE)
    def token_create():
        return create(cluster, _authorised(), None, False)

    @app.route(f"{PREFIX}/create-orphan", methods=WRITE)
    def token_create_orphan():
        return create(cluster, _authorised(), None, True)

    @app.route(f"{PREFIX}/create/<role_name>", methods=WRITE)
    def token_create_with_role(role_name: str):
        return create(cluster, _authorised(), role_name, False)

    @app.route(f"{PREFIX}/renew", methods=WRITE)
    def token_renew():
        return renew(cluster, _authorised()[0])

    @app.route(f"{PREFIX}/revoke", methods=WRITE)
    def token_revoke():
        data = _authorised()[0]
        token = params.string(data, "token", required=True)
        if batch_token.looks_like(token):
            raise VaultError("batch tokens cannot be revoked")
        cluster.revoke_service_token(token)
        return no_content()
