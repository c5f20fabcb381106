"""One simulated Vault cluster: its DR replication state machine, persisted and thread-safe.

Modes: ``disabled`` -> ``primary`` (``primary/enable``) or ``secondary``
(``secondary/enable``, with a wipe); ``primary`` -> ``secondary`` (``demote``, no
primary, state ``idle``) or ``disabled``; ``secondary`` -> ``primary``
(``promote``) or ``disabled``. The primary-side bookkeeping of secondaries
(activation tokens, registrations, heartbeats) lives in :mod:`.registry`; this
module holds the state document and the mode transitions. Network calls are never
made while the lock is held.

DR operation tokens are valid across the replication set, like Vault's DR operation
batch tokens: ``op_tokens`` holds the SHA-256 hashes valid on this cluster (on a
primary: the set's), ``op_tokens_revoked`` the hashes deleted set-wide (never valid
again, whatever a union brings), and a secondary keeps in ``op_tokens_unsent`` the
registrations and deletions its primary has not acknowledged yet (sent again with
each heartbeat). Sets are merged by union, minus the revoked hashes.

A DR operation token may also be a batch token made on a member of the set (see
:mod:`.batch_token`), which :meth:`Cluster.check_operation_token` verifies with the set's
key set and authorises by its policies (``update`` or ``sudo`` on the endpoint's path).

The state also holds the replicated document (``replicated``: policies, token roles,
mounts and the token store, see :mod:`.replicated` and :mod:`.token_store`), adopted from the
primary at activation and with each heartbeat answer, and wiped by ``secondary/enable``. A fresh
state's token store holds the root token the cluster is configured with (``settings.token``).
State files written before they existed are upgraded in place (:meth:`Cluster._upgrade`; the
token store of a state file that kept it apart, with the configured root token added unless the
cluster is a DR secondary).
"""

from __future__ import annotations

import copy
import hashlib
import re
import secrets
import string
import threading
import time
import uuid
import weakref
from datetime import datetime, timezone
from typing import Optional
from urllib.parse import urlsplit

from keyform.simulators.common import Settings, StateFile
from keyform.simulators.vault import acl, batch_token, keys, peering, replicated
from keyform.simulators.vault.envelope import VaultError
from keyform.simulators.vault.registry import PrimaryRegistry
from keyform.simulators.vault.replicated import ReplicatedData
from keyform.simulators.vault.token_store import ServiceTokenStore, root_entry

STATE_VERSION = 1
OPERATION_CAPABILITIES = ("update", "sudo")
_HASH = re.compile(r"[0-9a-f]{64}")
ALPHABET = string.ascii_letters + string.digits

_LIVE: "weakref.WeakValueDictionary[int, Cluster]" = weakref.WeakValueDictionary()


def rfc3339(epoch: Optional[float]) -> str:
    if not epoch:
        return ""
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def merkle_root(cluster_id: str, wal: int) -> str:
    return hashlib.sha1(f"{cluster_id}:{wal}".encode()).hexdigest()


def local_identity() -> dict:
    """What ``vault operator init`` fixes once for a cluster, independent of replication: its
    local cluster ID (``sys/health``'s, not the replication set's), when it was initialised and
    the root token's accessor. A DR wipe keeps them."""
    return {
        "local_cluster_id": str(uuid.uuid4()),
        "initialized_at": time.time(),
        "root_accessor": "".join(secrets.choice(ALPHABET) for _ in range(24)),
    }


def default_cluster_addr(api_url: str) -> str:
    """Vault's cluster port is the API port + 1 (8200 -> 8201), always TLS."""
    parts = urlsplit(api_url or "http://127.0.0.1:8200")
    port = (parts.port or 8200) + 1
    return f"https://{parts.hostname}:{port}"


class Cluster(PrimaryRegistry, ReplicatedData, ServiceTokenStore):
    """The replication state of one cluster, saved to ``settings.state_path`` after each change."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.lock = threading.RLock()
        self._file = StateFile(settings.state_path)
        state = self._file.load(None)
        if not state or state.get("version") != STATE_VERSION:
            state = self._fresh_state()
        self.state = self._upgrade(state)
        self._file.save(self.state)
        _LIVE[id(settings)] = self

    def _fresh_state(self) -> dict:
        identity = local_identity()
        document = replicated.fresh_document()
        self._seed_root_token(document, identity)
        return {
            "version": STATE_VERSION,
            "name": self.settings.name,
            "mode": "disabled",
            "cluster_id": "",
            "primary_cluster_addr": "",
            "last_wal": 0,
            "key_set": keys.key_set_from(self.settings.extra or {}, self.settings.name),
            "wipes": 0,
            "secondaries": {},
            "link": None,
            "known_primary_cluster_addrs": [],
            "op_tokens": [],
            "op_tokens_revoked": [],
            "op_tokens_unsent": {"register": [], "revoke": []},
            "replicated": document,
            **identity,
        }

    def _seed_root_token(self, document: dict, identity: dict) -> None:
        """The configured root token into ``document``'s token store (``vault operator init``'s)."""
        if self.settings.token:
            document["tokens"][keys.sha256(self.settings.token)] = root_entry(identity["root_accessor"],
                                                                             identity["initialized_at"])

    def _upgrade(self, state: dict) -> dict:
        """Fill in the keys added after a state file was written (same version, no wipe)."""
        state.setdefault("op_tokens", [])
        state.setdefault("op_tokens_revoked", [])
        state.setdefault("op_tokens_unsent", {"register": [], "revoke": []})
        if not isinstance(state.get("replicated"), dict):
            state["replicated"] = {}
        for key, value in local_identity().items():
            state.setdefault(key, value)
        if not isinstance(state["replicated"].get("tokens"), dict):  # kept apart, without the root token
            kept = state.pop("tokens", None)
            state["replicated"]["tokens"] = kept if isinstance(kept, dict) else {}
            if state.get("mode") != "secondary":
                self._seed_root_token(state["replicated"], state)
        state.pop("tokens", None)
        replicated.upgrade(state["replicated"])
        return state

    def save(self) -> None:
        with self.lock:
            self._file.save(self.state)

    @property
    def mode(self) -> str:
        return self.state["mode"]

    @property
    def api_address(self) -> str:
        return self.settings.url

    @property
    def cluster_address(self) -> str:
        return (self.settings.extra or {}).get("cluster_addr") or default_cluster_addr(self.settings.url)

    def key_set(self) -> dict:
        with self.lock:
            return copy.deepcopy(self.state["key_set"])

    def require_mode(self, mode: str, message: str) -> None:
        if self.state["mode"] != mode:
            raise VaultError(message)

    # -- primary transitions -------------------------------------------------------------

    def enable_primary(self, primary_cluster_addr: str) -> None:
        with self.lock:
            if self.mode == "primary":
                raise VaultError("error enabling DR primary: this cluster is already a DR primary")
            if self.mode == "secondary":
                raise VaultError(
                    "error enabling DR primary: this cluster is a DR secondary; it must be promoted instead"
                )
            # Enabling (again) after disabled always gives a new cluster ID.
            self.state.update(
                mode="primary",
                cluster_id=str(uuid.uuid4()),
                primary_cluster_addr=primary_cluster_addr or self.cluster_address,
                last_wal=0,
                secondaries={},
                link=None,
                known_primary_cluster_addrs=[],
            )
            # A new replication set (new cluster ID): no operation token of an earlier set.
            self._reset_operation_tokens()
            self.save()

    def demote(self) -> None:
        with self.lock:
            self.require_mode("primary", "error demoting DR primary: this cluster is not a DR primary")
            self.state.update(
                mode="secondary",
                secondaries={},
                link=None,
                known_primary_cluster_addrs=[],
                last_remote_wal=self.state["last_wal"],
            )
            self.save()

    def disable_primary(self) -> None:
        with self.lock:
            self.require_mode("primary", "error disabling DR primary: this cluster is not a DR primary")
            self.state.update(mode="disabled", secondaries={}, link=None, known_primary_cluster_addrs=[])
            self.save()

    # -- secondary transitions -----------------------------------------------------------

    def check_can_enable_secondary(self) -> None:
        with self.lock:
            if self.mode == "primary":
                raise VaultError(
                    "error enabling DR secondary: this cluster is a DR primary; demote or disable it first"
                )
            if self.mode == "secondary":
                raise VaultError(
                    "error enabling DR secondary: this cluster is already a DR secondary; use update-primary"
                )

    def become_secondary(self, package: dict, primary_api_addr: str, *, wipe: bool) -> None:
        """Adopt what the primary answered at activation (cluster ID, key set, WAL)."""
        with self.lock:
            if wipe:
                self.check_can_enable_secondary()
                self.state["wipes"] = self.state.get("wipes", 0) + 1
                self._reset_operation_tokens()
            else:
                self.require_mode("secondary", "error updating primary: this cluster is not a DR secondary")
            now = time.time()
            self.state.update(
                mode="secondary",
                cluster_id=package["cluster_id"],
                key_set={
                    "keys_base64": list(package["key_set"]["keys_base64"]),
                    "threshold": int(package["key_set"]["threshold"]),
                },
                secondaries={},
                known_primary_cluster_addrs=[package["primary_cluster_addr"]],
                last_remote_wal=int(package["last_wal"]),
                link={
                    "primary_api_addr": primary_api_addr,
                    "primary_cluster_addr": package["primary_cluster_addr"],
                    "secondary_id": package["secondary_id"],
                    "link_secret": package["link_secret"],
                    "connected": True,
                    "last_heartbeat": now,
                },
            )
            self._merge_operation_tokens(package.get("op_tokens") or [], package.get("op_tokens_revoked") or [])
            self._adopt_replicated(package.get("replicated"), wipe=wipe)
            self.save()

    def clear_primary(self) -> None:
        with self.lock:
            self.require_mode("secondary", "error updating primary: this cluster is not a DR secondary")
            self.state.update(link=None, known_primary_cluster_addrs=[])
            self.save()

    def promote(self, primary_cluster_addr: str) -> None:
        with self.lock:
            self.require_mode("secondary", "error promoting DR secondary: this cluster is not a DR secondary")
            self.state.update(
                mode="primary",
                primary_cluster_addr=primary_cluster_addr or self.cluster_address,
                last_wal=int(self.state.get("last_remote_wal", 0)) + 1,
                secondaries={},
                link=None,
                known_primary_cluster_addrs=[],
            )
            # The promoted cluster's sets are now the replication set's: nothing left to send.
            self.state["op_tokens_unsent"] = {"register": [], "revoke": []}
            self.save()

    def disable_secondary(self) -> None:
        with self.lock:
            self.require_mode("secondary", "error disabling DR secondary: this cluster is not a DR secondary")
            self.state.update(mode="disabled", link=None, known_primary_cluster_addrs=[])
            self.save()

    def link(self) -> Optional[dict]:
        with self.lock:
            link = self.state.get("link") if self.mode == "secondary" else None
            return copy.deepcopy(link) if link else None

    def record_heartbeat(self, secondary_id: str, contact: peering.Contact, sent: Optional[dict] = None) -> None:
        """The outcome of a heartbeat to the primary: its WAL when it answered, else disconnected
        (at once when it refused the link, after :data:`peering.LAPSE_SECONDS` when it did not answer).

        An answer also carries the primary's operation-token sets (adopted) and its replicated
        document (replacing this cluster's), and acknowledges the registrations and deletions
        ``sent`` with the heartbeat."""
        with self.lock:
            link = self.state.get("link")
            if self.mode != "secondary" or not link or link["secondary_id"] != secondary_id:
                return
            link["connected"] = contact.still_connected(link["connected"], link["last_heartbeat"])
            answer = contact.answer
            if answer is not None:
                link["last_heartbeat"] = time.time()
                link["primary_cluster_addr"] = answer.get("primary_cluster_addr", link["primary_cluster_addr"])
                self.state["last_remote_wal"] = int(answer.get("last_wal", self.state.get("last_remote_wal", 0)))
                self._adopt_answer(answer, sent)
                self._adopt_replicated(answer.get("replicated"), wipe=False)
            self.save()

    def _check_link(self, secondary_id: str, link_secret: str, cluster_id: str) -> None:
        link = self.state.get("link")
        if (
            self.mode != "secondary"
            or not link
            or link["secondary_id"] != secondary_id
            or not link_secret
            or link["link_secret"] != link_secret
            or self.state["cluster_id"] != cluster_id
        ):
            raise VaultError("this cluster is not a DR secondary of the asking primary")

    def answer_probe(self, secondary_id: str, link_secret: str, cluster_id: str) -> None:
        """A primary asks whether this cluster still streams from it; 400 unless it does."""
        with self.lock:
            self._check_link(secondary_id, link_secret, cluster_id)

    # -- DR operation tokens -------------------------------------------------------------

    def _reset_operation_tokens(self) -> None:
        self.state.update(op_tokens=[], op_tokens_revoked=[], op_tokens_unsent={"register": [], "revoke": []})

    def _merge_operation_tokens(self, tokens, revoked) -> bool:
        """Union ``tokens`` and ``revoked`` (hashes) into this cluster's sets; a revoked hash stays out.
        True when something changed. The caller holds the lock and saves."""
        gone = set(self.state["op_tokens_revoked"]) | set(hashes(revoked))
        valid = (set(self.state["op_tokens"]) | set(hashes(tokens))) - gone
        unsent = self.state["op_tokens_unsent"]
        changed = valid != set(self.state["op_tokens"]) or gone != set(self.state["op_tokens_revoked"])
        self.state["op_tokens"] = sorted(valid)
        self.state["op_tokens_revoked"] = sorted(gone)
        unsent["register"] = [h for h in unsent["register"] if h not in gone]
        return changed

    def _adopt_answer(self, answer: dict, sent: Optional[dict]) -> None:
        """The primary answered: drop what it acknowledged from the unsent lists, adopt its sets."""
        unsent = self.state["op_tokens_unsent"]
        for kind in ("register", "revoke"):
            done = set((sent or {}).get(kind) or [])
            unsent[kind] = [h for h in unsent[kind] if h not in done]
        self._merge_operation_tokens(answer.get("op_tokens") or [], answer.get("op_tokens_revoked") or [])

    def operation_token_sets(self) -> dict:
        with self.lock:
            return {
                "op_tokens": list(self.state["op_tokens"]),
                "op_tokens_revoked": list(self.state["op_tokens_revoked"]),
            }

    def unsent_operation_tokens(self) -> Optional[dict]:
        """A linked secondary's registrations and deletions not yet acknowledged by its primary."""
        with self.lock:
            unsent = self.state["op_tokens_unsent"]
            if self.mode != "secondary" or not self.state.get("link"):
                return None
            return {"register": list(unsent["register"]), "revoke": list(unsent["revoke"])}

    def record_operation_token_answer(self, secondary_id: str, sent: dict, answer: Optional[dict]) -> None:
        """The primary's answer to a registration: acknowledged, and its sets adopted (None: retry later)."""
        with self.lock:
            link = self.state.get("link")
            if answer is None or self.mode != "secondary" or not link or link["secondary_id"] != secondary_id:
                return
            self._adopt_answer(answer, sent)
            self.save()

    def receive_operation_tokens(self, secondary_id: str, link_secret: str, cluster_id: str,
                                 tokens, revoked) -> None:
        """The primary pushes the replication set's operation-token sets to this secondary."""
        with self.lock:
            self._check_link(secondary_id, link_secret, cluster_id)
            if self._merge_operation_tokens(tokens, revoked):
                self.save()

    def add_operation_token(self, token: str) -> None:
        """A generated token: valid here at once; a secondary also queues it for its primary."""
        digest = keys.sha256(token)
        with self.lock:
            if digest not in self.state["op_tokens"]:
                self.state["op_tokens"] = sorted({*self.state["op_tokens"], digest})
            if self.mode == "secondary":
                self.state["op_tokens_unsent"]["register"].append(digest)
            self.save()

    def check_operation_token(self, token: str, path: str) -> None:
        """Authorise a request to ``path`` (``sys/replication/dr/secondary/promote``, ...) by its
        ``dr_operation_token``: a generated token of the set (any path), or a valid, unexpired
        batch token of the set whose policies grant ``update`` or ``sudo`` on ``path``.
        400 ``invalid DR operation token`` otherwise, 403 ``permission denied`` for a valid
        batch token without the capability."""
        with self.lock:
            if token and keys.sha256(token) in self.state["op_tokens"]:
                return
            claims = batch_token.verify(token, self.state["key_set"]) if token else None
            if claims is None:
                raise VaultError("invalid DR operation token")
            policies = self.policies_named(claims["policies"])
        if not acl.allows(policies, path, OPERATION_CAPABILITIES):
            raise VaultError("permission denied", 403)

    def delete_operation_token(self, token: str, path: str) -> None:
        """Revoke a token set-wide: here at once; a secondary queues the deletion for its primary.
        A batch token is authorised like any other, then refused: it cannot be revoked."""
        with self.lock:
            self.check_operation_token(token, path)
            if batch_token.looks_like(token):
                raise VaultError("batch tokens cannot be revoked")
            digest = keys.sha256(token)
            self._merge_operation_tokens([], [digest])
            if self.mode == "secondary":
                self.state["op_tokens_unsent"]["register"] = [
                    h for h in self.state["op_tokens_unsent"]["register"] if h != digest
                ]
                self.state["op_tokens_unsent"]["revoke"].append(digest)
            self.save()


def hashes(values) -> list[str]:
    """The well-formed SHA-256 hex digests among ``values`` (what peers send is not trusted)."""
    if not isinstance(values, (list, tuple, set)):
        return []
    return [v for v in values if isinstance(v, str) and _HASH.fullmatch(v)]


def live_cluster(settings: Settings) -> Optional[Cluster]:
    return _LIVE.get(id(settings))
