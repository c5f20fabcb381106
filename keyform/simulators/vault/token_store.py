"""The cluster's service tokens: kept as SHA-256 hashes with their policies and expiry.

``state["tokens"] = {sha256(token): {accessor, policies, created_at, expires_at (0: never),
ttl, explicit_max_ttl, renewable, orphan, role, display_name, path, meta, num_uses}}``. Service
tokens stay on the cluster that made them: they are not part of the replicated document
(replicating them to DR secondaries, as Vault's token store is, is left for later), and
enabling a secondary wipes them with the rest of its data. Expired entries are dropped at
the next write. Batch tokens are never stored (see :mod:`.batch_token`).

A mixin of :class:`.cluster.Cluster` (it uses ``self.state``, ``self.lock``, ``self.save``).
"""

from __future__ import annotations

import copy
import time
from typing import Optional

from keyform.simulators.vault import keys


class ServiceTokenStore:
    state: dict

    def _prune_tokens(self, now: float) -> None:
        tokens = self.state["tokens"]
        for digest in [d for d, e in tokens.items() if e["expires_at"] and e["expires_at"] <= now]:
            del tokens[digest]

    def store_service_token(self, token: str, entry: dict) -> None:
        with self.lock:
            self._prune_tokens(time.time())
            self.state["tokens"][keys.sha256(token)] = copy.deepcopy(entry)
            self.save()

    def service_token(self, token: str) -> Optional[dict]:
        """The live entry of ``token``, ``None`` when unknown or expired."""
        with self.lock:
            entry = self.state["tokens"].get(keys.sha256(token or ""))
            if entry is None or (entry["expires_at"] and entry["expires_at"] <= time.time()):
                return None
            return copy.deepcopy(entry)

    def use_service_token(self, token: str) -> Optional[dict]:
        """``token``'s live entry as a request authenticated by it sees it, ``None`` when unknown or
        expired. A use-limited token (``num_uses`` > 0) spends a use, as Vault's ``UseToken`` does:
        the entry then shows the uses left, or ``-1`` on its last use, after which it is revoked."""
        with self.lock:
            digest = keys.sha256(token or "")
            entry = self.state["tokens"].get(digest)
            if entry is None or (entry["expires_at"] and entry["expires_at"] <= time.time()):
                return None
            uses = int(entry.get("num_uses") or 0)
            if uses > 1:
                entry["num_uses"] = uses - 1
            seen = copy.deepcopy(entry)
            if uses == 1:
                del self.state["tokens"][digest]
                seen["num_uses"] = -1
            if uses:
                self.save()
            return seen

    def update_service_token(self, token: str, changes: dict) -> None:
        with self.lock:
            entry = self.state["tokens"].get(keys.sha256(token or ""))
            if entry is not None:
                entry.update(changes)
                self.save()

    def revoke_service_token(self, token: str) -> None:
        with self.lock:
            if self.state["tokens"].pop(keys.sha256(token or ""), None) is not None:
                self.save()
