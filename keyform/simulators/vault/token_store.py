"""The cluster's token store: its root token and service tokens, kept as SHA-256 hashes.

``state["replicated"]["tokens"] = {sha256(token): {type, accessor, policies, created_at, expires_at
(0: never), ttl, explicit_max_ttl, renewable, orphan, role, display_name, path, meta, num_uses}}``.
The store is part of the replicated document (:mod:`.replicated`), as Vault's token store is part
of what DR replication carries: a DR secondary holds its primary's tokens, enabling a secondary
wipes its own (its root token included), a promoted secondary accepts the set's tokens, and a
demoted primary pointed at a new primary adopts that primary's store. The root token the cluster
was initialised with (``settings.token``, as ``vault operator init`` gave it) is an entry like any
other (``path: auth/token/root``, policy ``root``, never expires), put there when the state is
created. Creating and revoking count as WAL entries; expired entries are dropped at the next write.
Batch tokens are never stored (see :mod:`.batch_token`).

A mixin of :class:`.cluster.Cluster` (it uses ``self.state``, ``self.lock``, ``self.save``).
"""

from __future__ import annotations

import copy
import time
from typing import Optional

from keyform.simulators.vault import keys


def root_entry(accessor: str, created_at: float) -> dict:
    """The store's entry of a root token (what ``vault operator init`` makes)."""
    return {"type": "service", "accessor": accessor, "policies": ["root"], "created_at": created_at,
            "expires_at": 0, "ttl": 0, "explicit_max_ttl": 0, "renewable": False, "orphan": True, "role": "",
            "display_name": "root", "path": "auth/token/root", "meta": None, "num_uses": 0}


class ServiceTokenStore:
    state: dict

    @property
    def _tokens(self) -> dict:
        tokens: dict = self.state["replicated"]["tokens"]
        return tokens

    def _prune_tokens(self, now: float) -> None:
        tokens = self._tokens
        for digest in [d for d, e in tokens.items() if e["expires_at"] and e["expires_at"] <= now]:
            del tokens[digest]

    def store_service_token(self, token: str, entry: dict) -> None:
        with self.lock:
            self._prune_tokens(time.time())
            self._tokens[keys.sha256(token)] = copy.deepcopy(entry)
            self.state["last_wal"] += 1
            self.save()

    def service_token(self, token: str) -> Optional[dict]:
        """The live entry of ``token``, ``None`` when unknown or expired."""
        with self.lock:
            entry = self._tokens.get(keys.sha256(token or ""))
            if entry is None or (entry["expires_at"] and entry["expires_at"] <= time.time()):
                return None
            return copy.deepcopy(entry)

    def use_service_token(self, token: str) -> Optional[dict]:
        """``token``'s live entry as a request authenticated by it sees it, ``None`` when unknown or
        expired. A use-limited token (``num_uses`` > 0) spends a use, as Vault's ``UseToken`` does:
        the entry then shows the uses left, or ``-1`` on its last use, after which it is revoked."""
        with self.lock:
            digest = keys.sha256(token or "")
            entry = self._tokens.get(digest)
            if entry is None or (entry["expires_at"] and entry["expires_at"] <= time.time()):
                return None
            uses = int(entry.get("num_uses") or 0)
            if uses > 1:
                entry["num_uses"] = uses - 1
            seen = copy.deepcopy(entry)
            if uses == 1:
                del self._tokens[digest]
                seen["num_uses"] = -1
            if uses:
                self.save()
            return seen

    def update_service_token(self, token: str, changes: dict) -> None:
        with self.lock:
            entry = self._tokens.get(keys.sha256(token or ""))
            if entry is not None:
                entry.update(changes)
                self.save()

    def revoke_service_token(self, token: str) -> None:
        with self.lock:
            if self._tokens.pop(keys.sha256(token or ""), None) is not None:
                self.state["last_wal"] += 1
                self.save()
