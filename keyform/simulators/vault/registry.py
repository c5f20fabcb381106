"""The primary's side of DR replication: activation tokens and the secondaries they registered.

An entry per secondary id: the hash of its activation token, when it expires,
whether it was used or revoked, and once registered the secondary's addresses,
the link secret both sides share for heartbeats and the last heartbeat seen.
The primary also keeps the DR operation-token hashes of its replication set: its
secondaries register (and delete) theirs, and receive the set at activation and
with each heartbeat answer. The activation package and every heartbeat answer also
carry the primary's replicated document (policies, token roles, mounts, token store: see
:mod:`.replicated`), which the secondary adopts whole.
A mixin of :class:`.cluster.Cluster` (it uses ``self.state``, ``self.lock``, ``self.save``).
"""

from __future__ import annotations

import copy
import hmac
import secrets
import time
import uuid
from typing import Optional

from keyform.simulators.vault import keys, peering
from keyform.simulators.vault.envelope import VaultError


class PrimaryRegistry:
    state: dict

    def _not_primary(self, action: str) -> None:
        if self.state["mode"] != "primary":
            raise VaultError(f"error {action}: this cluster is not a DR primary")

    def issue_activation_token(self, secondary_id: str, ttl: int) -> dict:
        """A new activation token for ``secondary_id`` (unique unless its earlier token died unused or was revoked)."""
        with self.lock:
            self._not_primary("generating secondary token")
            now = time.time()
            entry = self.state["secondaries"].get(secondary_id)
            if entry and not entry["revoked"] and (entry["registered"] or entry["expires_at"] > now):
                raise VaultError(
                    f"error generating secondary token: a secondary with id {secondary_id!r} already exists"
                )
            token = keys.new_activation_token(self.api_address, secondary_id)
            accessor = str(uuid.uuid4())
            self.state["secondaries"][secondary_id] = {
                "token_hash": keys.sha256(token),
                "accessor": accessor,
                "created_at": now,
                "expires_at": now + ttl,
                "used": False,
                "revoked": False,
                "registered": False,
                "api_address": "",
                "cluster_address": "",
                "link_secret": "",
                "last_heartbeat": 0,
                "connected": False,
            }
            self.state["last_wal"] += 1
            self.save()
            return {"token": token, "accessor": accessor, "ttl": ttl, "created_at": now}

    def revoke_secondary(self, secondary_id: str) -> None:
        with self.lock:
            self._not_primary("revoking secondary")
            entry = self.state["secondaries"].get(secondary_id)
            if entry is None:
                raise VaultError(f"error revoking secondary: no secondary with id {secondary_id!r}")
            entry.update(revoked=True, registered=False, connected=False, link_secret="")
            self.state["last_wal"] += 1
            self.save()

    def accept_activation(self, token: str, secondary: dict, expected_cluster_id: str = "") -> dict:
        """Validate an activation token presented by a secondary, register it, answer its bootstrap package."""
        public = keys.read_activation_token(token)
        with self.lock:
            if self.state["mode"] != "primary":
                raise VaultError("error activating secondary: the cluster the token points to is not a DR primary")
            entry = self.state["secondaries"].get(public["id"])
            if entry is None or not hmac.compare_digest(entry["token_hash"], keys.sha256(token)):
                raise VaultError("error activating secondary: secondary activation token is invalid")
            if entry["revoked"]:
                raise VaultError("error activating secondary: secondary activation token has been revoked")
            if entry["used"]:
                raise VaultError("error activating secondary: secondary activation token has already been used")
            if entry["expires_at"] <= time.time():
                raise VaultError("error activating secondary: secondary activation token has expired")
            if expected_cluster_id and expected_cluster_id != self.state["cluster_id"]:
                raise VaultError(
                    "error updating primary: the new primary belongs to a different DR replication set "
                    "(cluster ID mismatch); disable this secondary and enable it again instead"
                )
            link_secret = secrets.token_urlsafe(24)
            entry.update(
                used=True,
                registered=True,
                api_address=str(secondary.get("api_address", "")),
                cluster_address=str(secondary.get("cluster_address", "")),
                link_secret=link_secret,
                last_heartbeat=time.time(),
                connected=True,
            )
            self.state["last_wal"] += 1
            self.save()
            return {
                "cluster_id": self.state["cluster_id"],
                "primary_cluster_addr": self.state["primary_cluster_addr"],
                "secondary_id": public["id"],
                "link_secret": link_secret,
                "key_set": self.state["key_set"],
                "last_wal": self.state["last_wal"],
                "op_tokens": list(self.state["op_tokens"]),
                "op_tokens_revoked": list(self.state["op_tokens_revoked"]),
                "replicated": copy.deepcopy(self.state["replicated"]),
            }

    def _linked(self, secondary_id: str, link_secret: str, cluster_id: str) -> Optional[dict]:
        entry = self.state["secondaries"].get(secondary_id)
        if self.state["mode"] != "primary" or cluster_id != self.state["cluster_id"]:
            raise VaultError("this cluster is not the DR primary of this replication set")
        if entry is None or entry["revoked"] or not entry["registered"]:
            raise VaultError("secondary is not registered or has been revoked")
        if not link_secret or not hmac.compare_digest(entry["link_secret"], link_secret):
            raise VaultError("secondary credentials are invalid")
        return entry

    def accept_heartbeat(self, secondary_id: str, link_secret: str, cluster_id: str) -> dict:
        with self.lock:
            entry = self._linked(secondary_id, link_secret, cluster_id)
            entry.update(last_heartbeat=time.time(), connected=True)
            self.save()
            return {
                "cluster_id": self.state["cluster_id"],
                "last_wal": self.state["last_wal"],
                "primary_cluster_addr": self.state["primary_cluster_addr"],
                "op_tokens": list(self.state["op_tokens"]),
                "op_tokens_revoked": list(self.state["op_tokens_revoked"]),
                "replicated": copy.deepcopy(self.state["replicated"]),
            }

    def accept_operation_tokens(self, secondary_id: str, link_secret: str, cluster_id: str,
                                register, revoke) -> tuple[dict, bool]:
        """A linked secondary registers generated operation tokens and deletes revoked ones (hashes).
        Answers the set's sets and whether they changed (then the other secondaries are told)."""
        with self.lock:
            self._linked(secondary_id, link_secret, cluster_id)
            changed = self._merge_operation_tokens(register, revoke)
            if changed:
                self.save()
            sets = {"op_tokens": list(self.state["op_tokens"]),
                    "op_tokens_revoked": list(self.state["op_tokens_revoked"])}
            return sets, changed

    def links_to_check(self) -> list[dict]:
        """Registered secondaries the primary should probe: id, address and link secret."""
        with self.lock:
            if self.state["mode"] != "primary":
                return []
            return [
                {"secondary_id": sid, "api_address": e["api_address"], "link_secret": e["link_secret"],
                 "cluster_id": self.state["cluster_id"]}
                for sid, e in self.state["secondaries"].items()
                if e["registered"] and not e["revoked"]
            ]

    def record_probe(self, secondary_id: str, link_secret: str, contact: peering.Contact) -> None:
        with self.lock:
            entry = self.state["secondaries"].get(secondary_id)
            if self.state["mode"] != "primary" or not entry or entry["link_secret"] != link_secret:
                return
            entry["connected"] = contact.still_connected(entry["connected"], entry["last_heartbeat"])
            if contact.answer is not None:
                entry["last_heartbeat"] = time.time()
            self.save()

    def known_secondaries(self) -> list[str]:
        return [sid for sid, e in self.state["secondaries"].items() if e["registered"] and not e["revoked"]]

    def secondaries_status(self) -> list[dict]:
        from keyform.simulators.vault.cluster import rfc3339

        return [
            {
                "node_id": sid,
                "api_address": e["api_address"],
                "cluster_address": e["cluster_address"],
                "connection_status": "connected" if e["connected"] else "disconnected",
                "last_heartbeat": rfc3339(e["last_heartbeat"]),
            }
            for sid, e in self.state["secondaries"].items()
            if e["registered"] and not e["revoked"]
        ]
