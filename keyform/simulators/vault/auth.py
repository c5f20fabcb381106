"""Client tokens (``X-Vault-Token``): authenticated by the cluster's token store, authorised by their policies.

A token is accepted when it is a live token of the cluster's token store (its root token or a service
token, see :mod:`.token_store`; a use-limited one spends a use) or a valid batch token of its DR
replication set (:mod:`.batch_token`). A token with the ``root`` policy may do anything; any other
is authorised by its policies (:mod:`.acl`) on the request's path (``/v1/`` removed) with the
method's capability: ``read`` (``list`` for a list request), ``create`` or ``update`` for POST/PUT,
``delete``; ``sys/replication/dr/primary/secondary-token`` also needs ``sudo``, as seed 003 says.
Anything else is 403 ``permission denied``, with nothing said of the token.

The token store replicates with the rest of the set's data (:mod:`.replicated`): a DR secondary
holds its primary's tokens, not its own (enabling it wiped them), and a promoted secondary accepts
the set's tokens. A DR secondary serves no client request, so its replication endpoints do not
look at ``X-Vault-Token`` at all (see :mod:`.secondary` and :mod:`.status`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from flask import request

from keyform.simulators.vault import acl, batch_token, params
from keyform.simulators.vault.envelope import VaultError

if TYPE_CHECKING:  # pragma: no cover
    from keyform.simulators.vault.cluster import Cluster

SUDO_PATHS = frozenset({"sys/replication/dr/primary/secondary-token"})
DENIED = "permission denied"


def token_policies(cluster: "Cluster", token: str) -> Optional[list[str]]:
    """The policies of ``token`` if it is a live token of the cluster (a service token spends a use)."""
    if not token:
        return None
    if batch_token.looks_like(token):
        claims = batch_token.verify(token, cluster.key_set())
        return list(claims["policies"]) if claims else None
    entry = cluster.use_service_token(token)
    return list(entry["policies"]) if entry else None


def _capabilities(path: str) -> tuple[set[str], bool]:
    """The capabilities any one of which the request needs, and whether it also needs ``sudo``."""
    method = request.method
    if method in ("LIST",) or (method == "GET" and request.args.get("list", "").lower() in ("true", "1", "t")):
        wanted = {"list"}
    elif method in ("GET", "HEAD"):
        wanted = {"read"}
    elif method == "DELETE":
        wanted = {"delete"}
    else:
        wanted = {"create", "update"}
    return wanted, path in SUDO_PATHS


def require(cluster: "Cluster") -> list[str]:
    """The policies of the request's token, which must be a live token of the cluster allowed on the
    request's path; else 403."""
    policies = token_policies(cluster, params.request_token())
    if policies is None:
        raise VaultError(DENIED, 403)
    if "root" in policies:
        return policies
    path = request.path.removeprefix("/v1/").strip("/")
    wanted, sudo = _capabilities(path)
    granted = cluster.policies_named(policies)
    if not acl.allows(granted, path, tuple(wanted)) or (sudo and not acl.allows(granted, path, ("sudo",))):
        raise VaultError(DENIED, 403)
    return policies


def require_unless_secondary(cluster: "Cluster") -> None:
    """:func:`require`, except on a DR secondary, which serves these paths without a client token."""
    if cluster.mode != "secondary":
        require(cluster)
