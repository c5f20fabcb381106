"""DR operation token generation on a DR secondary, with the unseal key shares.

Supported:
- GET    /v1/sys/replication/dr/secondary/generate-operation-token/attempt  -> 200 progress
- PUT    /v1/sys/replication/dr/secondary/generate-operation-token/attempt  {otp | pgp_key} -> 200
- DELETE /v1/sys/replication/dr/secondary/generate-operation-token/attempt  -> 204
- PUT    /v1/sys/replication/dr/secondary/generate-operation-token/update   {key, nonce} -> 200
- POST   /v1/sys/replication/dr/secondary/operation-token/delete            {dr_operation_token} -> 204

The generation endpoints are unauthenticated (the key shares authorise them), as
in Vault; they answer bare documents (no envelope), as the API doc shows. Like
Vault's root generation, the attempt lives in memory only and is cleared once it
completes; the token is returned once, as ``base64(uuid bytes XOR otp)``.
Vault also accepts POST wherever it accepts PUT.

A token is valid across the replication set, like Vault's DR operation batch
tokens: the secondary that generated it registers its hash with its primary
(:func:`share_with_primary`), which tells its other secondaries
(:func:`share_with_secondaries`); a deletion travels the same way. When the primary
cannot be reached the token still works where it was generated, and the
registration rides on the next heartbeat (see :mod:`.status`).

``operation-token/delete`` also accepts a batch token of the set as authorisation (see
:mod:`.secondary`), and then refuses it: 400 ``batch tokens cannot be revoked``.
"""

from __future__ import annotations

import threading
import uuid
from typing import Optional

from flask import Flask

from keyform.simulators.vault import auth, keys, params, peering
from keyform.simulators.vault.cluster import Cluster
from keyform.simulators.vault.envelope import VaultError, no_content, raw

PREFIX = "/v1/sys/replication/dr/secondary"


def share_with_primary(cluster: Cluster) -> None:
    """A linked secondary sends its unacknowledged registrations/deletions to its primary (best effort)."""
    unsent = cluster.unsent_operation_tokens()
    link = cluster.link()
    if not unsent or not link or not (unsent["register"] or unsent["revoke"]):
        return
    answer = peering.register_operation_tokens(link, cluster.state["cluster_id"], unsent)
    cluster.record_operation_token_answer(link["secondary_id"], unsent, answer)


def share_with_secondaries(cluster: Cluster, exclude: str = "") -> None:
    """A primary sends the set's operation-token sets to its registered secondaries (best effort);
    one that misses it adopts them with its next heartbeat."""
    targets = [t for t in cluster.links_to_check() if t["secondary_id"] != exclude]
    if not targets:
        return
    sets = cluster.operation_token_sets()
    for target in targets:
        peering.push_operation_tokens(target, sets)


class Generation:
    """The single generation attempt of a cluster."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        self.lock = threading.Lock()
        self.attempt: Optional[dict] = None

    def _require_secondary(self) -> None:
        if self.cluster.mode != "secondary":
            raise VaultError("DR operation token generation is only available on a DR secondary")

    def _document(self, encoded_token: str = "", complete: bool = False, attempt: Optional[dict] = None) -> dict:
        attempt = attempt if attempt is not None else self.attempt
        return {
            "started": attempt is not None,
            "nonce": attempt["nonce"] if attempt else "",
            "progress": len(attempt["shares"]) if attempt else 0,
            "required": self.cluster.key_set()["threshold"],
            "encoded_token": encoded_token,
            "pgp_fingerprint": "",
            "complete": complete,
        }

    def read(self) -> dict:
        self._require_secondary()
        with self.lock:
            return self._document()

    def start(self, otp: str, pgp_key: str) -> dict:
        self._require_secondary()
        if bool(otp) == bool(pgp_key):
            raise VaultError("one (and only one) of \"otp\" or \"pgp_key\" must be specified")
        if pgp_key:
            raise VaultError("pgp_key is not supported by the simulator; start the attempt with an otp instead")
        pad = keys.decode_otp(otp)
        with self.lock:
            if self.attempt is not None:
                raise VaultError("DR operation token generation already in progress")
            self.attempt = {"nonce": str(uuid.uuid4()), "otp": pad, "shares": []}
            return self._document()

    def cancel(self) -> None:
        self._require_secondary()
        with self.lock:
            self.attempt = None

    def update(self, key: str, nonce: str) -> dict:
        self._require_secondary()
        if not key:
            raise VaultError("missing required parameter 'key'")
        if not nonce:
            raise VaultError("missing required parameter 'nonce'")
        share = keys.decode_share(key)
        with self.lock:
            attempt = self.attempt
            if attempt is None:
                raise VaultError("no DR operation token generation in progress")
            if nonce != attempt["nonce"]:
                raise VaultError(
                    f"incorrect nonce supplied; nonce for this generation operation is {attempt['nonce']!r}"
                )
            if share in attempt["shares"]:
                raise VaultError("given key has already been provided during this generation operation")
            attempt["shares"].append(share)
            key_set = self.cluster.key_set()
            if len(attempt["shares"]) < key_set["threshold"]:
                return self._document()
            shares, attempt["shares"] = attempt["shares"], []
            valid = {keys.decode_share(k) for k in key_set["keys_base64"]}
            if not all(s in valid for s in shares):
                raise VaultError("failed to verify the key shares: master key verification failed; progress was reset")
            token = str(uuid.uuid4())
            self.cluster.add_operation_token(token)
            self.attempt = None
            done = dict(attempt, shares=shares)
            return self._document(keys.encode_operation_token(token, attempt["otp"]), True, done)


def register(app: Flask, cluster: Cluster) -> None:
    generation = Generation(cluster)
    app.extensions["vault_generation"] = generation

    @app.route(f"{PREFIX}/generate-operation-token/attempt", methods=["GET", "PUT", "POST", "DELETE"])
    def generate_operation_token_attempt():
        from flask import request

        if request.method == "GET":
            return raw(generation.read())
        if request.method == "DELETE":
            generation.cancel()
            return no_content()
        data = params.body()
        return raw(generation.start(params.string(data, "otp"), params.string(data, "pgp_key")))

    @app.route(f"{PREFIX}/generate-operation-token/update", methods=["PUT", "POST"])
    def generate_operation_token_update():
        data = params.body()
        document = generation.update(params.string(data, "key"), params.string(data, "nonce"))
        if document["complete"]:
            share_with_primary(cluster)
        return raw(document)

    @app.route(f"{PREFIX}/operation-token/delete", methods=["PUT", "POST"])
    def operation_token_delete():
        auth.require_unless_secondary(cluster)
        data = params.body()
        cluster.delete_operation_token(params.string(data, "dr_operation_token", required=True),
                                       "sys/replication/dr/secondary/operation-token/delete")
        if cluster.mode == "primary":
            share_with_secondaries(cluster)
        else:
            share_with_primary(cluster)
        return no_content()
