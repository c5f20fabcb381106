"""What a client learns of its own token: the token store's ``lookup-self``.

Supported:
- GET /v1/auth/token/lookup-self (the token in ``X-Vault-Token`` or ``Authorization: Bearer``) -> 200
  (HEAD: 405 ``{"errors": []}``)

The answer is the envelope with ``data: {accessor, creation_time (epoch seconds), creation_ttl,
display_name, entity_id: "", expire_time, explicit_max_ttl, id, issue_time, meta, num_uses,
orphan, path, policies, renewable, ttl, type}`` (durations in seconds) and ``role`` for a token
made from a token role. The tokens known: those of the cluster's token store (:mod:`.token_store`,
replicated across the DR set: a secondary's own root token is gone once it is enabled) — root
tokens (``path: auth/token/root``, ``display_name: root``, ``policies: [root]``, orphans that never
expire) and service tokens — and the batch tokens of its DR replication set (:mod:`.batch_token`:
``accessor: ""``, never renewable). As Vault does, a token without a TTL
(the root token, a child root token) has no lease: ``expire_time`` is ``null``, ``ttl`` 0, and
``issue_time`` and ``renewable`` are left out. Each lookup spends a use of a use-limited service
token (``num_uses`` then shows the uses left, ``-1`` on the last one, which revokes it).

A missing, unknown, expired or revoked token is 403 ``permission denied``. A DR secondary checks
the token against the set's store it holds, then refuses the path (400 ``path disabled in
replication DR secondary mode``), like its other client paths, and spends no use.
"""

from __future__ import annotations

import time
from typing import Optional

from flask import Flask, jsonify, request

from keyform.simulators.vault import batch_token, params
from keyform.simulators.vault.cluster import Cluster, rfc3339
from keyform.simulators.vault.envelope import VaultError, envelope

PATH = "/v1/auth/token/lookup-self"


def _data(token: str, *, kind: str, accessor: str, created: float, creation_ttl: int, expires: float,
          explicit_max_ttl: int, display_name: str, path: str, policies: list, meta: Optional[dict],
          num_uses: int, orphan: bool, renewable: bool, role: str = "") -> dict:
    data = {
        "accessor": accessor,
        "creation_time": int(created),
        "creation_ttl": int(creation_ttl),
        "display_name": display_name,
        "entity_id": "",
        "expire_time": None,
        "explicit_max_ttl": int(explicit_max_ttl),
        "id": token,
        "meta": meta,
        "num_uses": num_uses,
        "orphan": orphan,
        "path": path,
        "policies": list(policies),
        "ttl": 0,
        "type": kind,
    }
    if role:
        data["role"] = role
    if expires:  # a token with a lease
        data.update(issue_time=rfc3339(created), expire_time=rfc3339(expires),
                    ttl=max(0, int(expires - time.time())), renewable=renewable)
    return data


def _service(token: str, entry: dict) -> dict:
    return _data(token, kind="service", accessor=entry["accessor"], created=entry["created_at"],
                 creation_ttl=entry["ttl"], expires=entry["expires_at"], explicit_max_ttl=entry["explicit_max_ttl"],
                 display_name=entry.get("display_name", "token"), path=entry.get("path", "auth/token/create"),
                 policies=entry["policies"], meta=entry.get("meta"), num_uses=int(entry.get("num_uses") or 0),
                 orphan=bool(entry["orphan"]), renewable=bool(entry["renewable"]), role=entry.get("role", ""))


def _batch(token: str, claims: dict) -> dict:
    issued, expires = float(claims["issued"]), float(claims["expires"])
    return _data(token, kind="batch", accessor="", created=issued, creation_ttl=round(expires - issued),
                 expires=expires, explicit_max_ttl=0, display_name=str(claims.get("display_name", "token")),
                 path=str(claims.get("path", "auth/token/create")), policies=claims["policies"],
                 meta=claims.get("meta"), num_uses=0, orphan=bool(claims.get("orphan", False)), renewable=False)


def lookup_self(cluster: Cluster) -> dict:
    """The ``data`` of the request's token; 403 when it is not a live token of this cluster."""
    token = params.request_token()
    if batch_token.looks_like(token):
        claims = batch_token.verify(token, cluster.key_set())
        if claims is None:
            raise VaultError("permission denied", 403)
        cluster.require_serving()
        return _batch(token, claims)
    if not token or cluster.service_token(token) is None:
        raise VaultError("permission denied", 403)
    cluster.require_serving()
    entry = cluster.use_service_token(token)
    if entry is None:  # revoked or expired meanwhile
        raise VaultError("permission denied", 403)
    return _service(token, entry)


def register(app: Flask, cluster: Cluster) -> None:
    @app.get(PATH)
    def token_lookup_self():
        if request.method != "GET":  # Flask adds HEAD to GET routes; the token store reads only
            raise VaultError("", 405)
        return jsonify(envelope(lookup_self(cluster)))
