"""Simulator of HashiCorp Vault Enterprise DR replication (``/v1/sys/replication/dr/...``).

One app is one cluster; two apps (``vault-a``, ``vault-b``) form a DR replication
set over real HTTP. Modules mirror the API tree (each module's docstring lists its
endpoints, parameters and answers; Vault accepts PUT wherever POST, and ``LIST`` or
``GET ?list=true`` for lists):

- :mod:`.health`          GET|HEAD /v1/sys/health, GET /v1/sys/seal-status (unauthenticated)
- :mod:`.status`          GET  /v1/sys/replication/dr/status
- :mod:`.primary`         POST /v1/sys/replication/dr/primary/{enable,demote,disable,secondary-token,revoke-secondary}
- :mod:`.secondary`       POST /v1/sys/replication/dr/secondary/{enable,promote,update-primary,disable,merkle-check}
- :mod:`.operation_token` GET|PUT|DELETE .../secondary/generate-operation-token/attempt, PUT .../update,
                          POST .../secondary/operation-token/delete
- :mod:`.policies`        POST|PUT|GET|DELETE /v1/sys/policies/acl/<name>, LIST /v1/sys/policies/acl
                          (the policy language, globs and capability evaluation: :mod:`.acl`)
- :mod:`.token_roles`     POST|PUT|GET|DELETE /v1/auth/token/roles/<name>, LIST /v1/auth/token/roles
- :mod:`.tokens`          POST /v1/auth/token/{create,create-orphan,create/<role>,renew,revoke}
                          (batch token format: :mod:`.batch_token`; service tokens: :mod:`.token_store`)
- :mod:`.token_lookup`    GET /v1/auth/token/lookup-self
- :mod:`.mounts`          GET /v1/sys/mounts, GET|POST|PUT|DELETE /v1/sys/mounts/<path>
- :mod:`.internal`        the cluster-to-cluster calls (activation, heartbeats, operation-token
                          registration and push), :mod:`.peering` makes them; DR operation tokens
                          are valid across the replication set (hashes kept by the primary)
- :mod:`.cluster`/:mod:`.registry` the state machine, persisted with the common ``StateFile``;
  :mod:`.replicated` the data a primary replicates (policies, token roles, mounts, the token store)
- :mod:`.auth`            ``X-Vault-Token``: a live token of the cluster's token store (or a batch token
                          of its set), authorised by its policies

DR operation tokens, two kinds, both valid on every member of a replication set:
generated from unseal key shares on a secondary (the fallback), or HashiCorp's
recommended **batch token** made on the primary beforehand from a token role with
``token_type=batch`` and a policy allowing the DR secondary endpoints. A batch token is
signed with a key derived from the set's unseal key set (which the primary's secondaries
adopt, standing in for Vault's replicated keyring), so it verifies on every member and
nowhere else, and it is authorised by its policies (``update``/``sudo`` on the endpoint's
path) as the set's replicated policies define them.

Tokens replicate as Vault's token store does: a cluster starts with the root token it is
configured with (``settings.token``, what ``vault operator init`` gave it) in its token store;
enabling it as a DR secondary wipes that store with the rest of its data and replaces it with
its primary's, so its own root token is refused from then on (403 ``permission denied``), and
after a promotion the set's tokens (the former primary's root token, tokens created on any
primary of the set) work on it. A DR secondary serves no client token: its status and its
``secondary/*`` endpoints do not look at ``X-Vault-Token`` (the latter are authorised by the DR
operation token).

Choices where the docs are silent: a DR secondary answers the client paths (policies,
roles, tokens, mounts) with 400 ``path disabled in replication DR secondary mode``, as
Vault does, after checking the token against the set's store it holds; the replicated
document travels whole at activation and with each heartbeat (a status read of the
secondary), not as a WAL stream; writes to it on a primary count as WAL entries; the
simulator's merkle trees are never corrupt; a cluster is one node, initialised and unsealed
from the start, always active (``sys/health`` answers 200, or 472 on a DR secondary).

Simulator only: ``GET /_admin/unseal-keys`` (with a token of the cluster) answers the
cluster's unseal key shares like ``sys/init`` did (``keys``, ``keys_base64``,
``secret_shares``, ``secret_threshold``); :func:`unseal_keys` gives the same in-process.
"""

from __future__ import annotations

from typing import Optional, Sequence

from flask import Flask, jsonify

from keyform.simulators.common import Settings, StateFile, create_base_app
from keyform.simulators.vault import (
    auth,
    health,
    internal,
    keys,
    mounts,
    operation_token,
    peering,
    policies,
    primary,
    secondary,
    status,
    token_lookup,
    token_roles,
    tokens,
)
from keyform.simulators.vault.cluster import Cluster, live_cluster
from keyform.simulators.vault.envelope import VaultError, error_body, error_response

DEFAULT_CREDENTIALS = {"token": "vault-sim-root"}
BASE_PATH = "/v1"

__all__ = ["BASE_PATH", "DEFAULT_CREDENTIALS", "accepted_token", "create_app", "decode_operation_token", "unseal_keys"]

decode_operation_token = keys.decode_operation_token


def create_app(settings: Settings) -> Flask:
    """A Flask app serving one Vault cluster's DR replication API."""
    app = create_base_app(settings, error_body)
    cluster = Cluster(settings)
    if settings.ca_cert_file:
        peering.trust(settings.ca_cert_file)
    app.extensions["vault_cluster"] = cluster
    app.register_error_handler(VaultError, error_response)

    health.register(app, cluster)
    status.register(app, cluster)
    primary.register(app, cluster)
    secondary.register(app, cluster)
    operation_token.register(app, cluster)
    policies.register(app, cluster)
    token_roles.register(app, cluster)
    tokens.register(app, cluster)
    token_lookup.register(app, cluster)
    mounts.register(app, cluster)
    internal.register(app, cluster)

    @app.get("/_admin/unseal-keys")
    def admin_unseal_keys():
        auth.require(cluster)
        return jsonify(keys.describe_key_set(cluster.key_set()))

    return app


def accepted_token(settings: Settings, candidates: Sequence[str]) -> str:
    """The first of ``candidates`` that the cluster run with ``settings`` holds in its token store now
    (running, else as its state file says), ``""`` if none: its own root token until it is enabled as
    a DR secondary, then a token of its DR set, such as the root token of the set's first primary."""
    cluster: Optional[Cluster] = live_cluster(settings)
    if cluster is not None:
        return next((t for t in candidates if t and cluster.service_token(t) is not None), "")
    state = StateFile(settings.state_path).load(None) or {}
    stored = (state.get("replicated") or {}).get("tokens")
    if not isinstance(stored, dict):  # a fresh cluster, or a state file from before the store replicated
        return settings.token if state.get("mode") != "secondary" else ""
    return next((t for t in candidates if t and keys.sha256(t) in stored), "")


def unseal_keys(settings: Settings) -> dict:
    """The unseal key shares of the cluster run with ``settings``: ``keys`` (hex), ``keys_base64``,
    ``secret_shares``, ``secret_threshold``. A running cluster answers its current set (a
    secondary's is its primary's); else the state file's, else the configured/default set."""
    cluster: Optional[Cluster] = live_cluster(settings)
    if cluster is not None:
        key_set = cluster.key_set()
    else:
        state = StateFile(settings.state_path).load(None) or {}
        key_set = state.get("key_set") or keys.key_set_from(settings.extra or {}, settings.name)
    return keys.describe_key_set(key_set)
