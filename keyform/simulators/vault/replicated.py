"""The data a DR primary replicates: ACL policies, token roles, mounts and the token store, in one document.

``state["replicated"] = {"policies": {name: HCL text}, "roles": {name: role},
"mounts": {"path/": entry}, "tokens": {sha256(token): entry}}`` (the built-in ``root`` policy
is implicit; ``default`` and the built-in mounts ``cubbyhole/``, ``identity/``, ``sys/`` are always
there; the token store, root token included, is :mod:`.token_store`'s). It travels whole, from the
primary to its secondaries: in the activation package and in every heartbeat answer; a secondary
replaces its own document with the primary's each time. Enabling a secondary therefore wipes what
the cluster held, its tokens included; a promoted secondary keeps the set's document (so the set's
tokens work on it), a demoted primary keeps its own until a new primary's replaces it
(``update-primary``), a disabled cluster keeps what it held. A DR secondary serves none of the
client paths (Vault answers ``path disabled in replication DR secondary mode``); writes on a
primary count as WAL entries (``last_wal`` grows).

A mixin of :class:`.cluster.Cluster` (it uses ``self.state``, ``self.lock``, ``self.save``).
"""

from __future__ import annotations

import copy
import re
from typing import Iterable, Optional

from keyform.simulators.vault import acl, mounts
from keyform.simulators.vault.envelope import VaultError

SECTIONS = ("policies", "roles", "mounts", "tokens")
_HASH = re.compile(r"[0-9a-f]{64}")
SECONDARY_REFUSAL = "path disabled in replication DR secondary mode"


def fresh_document() -> dict:
    return {"policies": {"default": acl.DEFAULT_POLICY}, "roles": {}, "mounts": mounts.builtin_mounts(), "tokens": {}}


def _token_entry(digest, entry) -> bool:
    """A token store entry as a peer may send it: a SHA-256 key, policies and expiry of the right types."""
    return (isinstance(digest, str) and bool(_HASH.fullmatch(digest)) and isinstance(entry, dict)
            and isinstance(entry.get("policies"), list) and all(isinstance(p, str) for p in entry["policies"])
            and isinstance(entry.get("expires_at", 0), (int, float)) and isinstance(entry.get("accessor", ""), str))


def sanitize(document) -> Optional[dict]:
    """A well-formed document from what a peer sent (``None`` if it is not one): parsable
    policies, roles, mount entries and token store entries that are objects, the built-ins filled in."""
    if not isinstance(document, dict):
        return None
    sections = [document.get(name, {}) for name in SECTIONS]
    if not all(isinstance(section, dict) for section in sections):
        return None
    policies, roles, mount_table, tokens = sections
    clean: dict = {"policies": {}, "roles": {}, "mounts": {}}
    for name, text in policies.items():
        if isinstance(name, str) and isinstance(text, str) and name != "root":
            try:
                acl.parse(name, text)
            except acl.PolicyError:
                continue
            clean["policies"][name] = text
    clean["roles"] = {k: copy.deepcopy(v) for k, v in roles.items() if isinstance(k, str) and isinstance(v, dict)}
    clean["mounts"] = {k: copy.deepcopy(v) for k, v in mount_table.items() if isinstance(k, str)
                       and k.endswith("/") and isinstance(v, dict) and isinstance(v.get("type"), str)}
    clean["tokens"] = {k: copy.deepcopy(v) for k, v in tokens.items() if _token_entry(k, v)}
    for entry in clean["tokens"].values():
        entry.setdefault("expires_at", 0)
    return upgrade(clean)


def upgrade(document: dict) -> dict:
    """Fill in the sections and built-ins a document lacks (in place)."""
    for name in SECTIONS:
        if not isinstance(document.get(name), dict):
            document[name] = {}
    document["policies"].setdefault("default", acl.DEFAULT_POLICY)
    for path, entry in mounts.builtin_mounts().items():
        document["mounts"].setdefault(path, entry)
    return document


class ReplicatedData:
    state: dict

    def require_serving(self) -> None:
        """A DR secondary does not serve client paths (only replication's)."""
        if self.state["mode"] == "secondary":
            raise VaultError(SECONDARY_REFUSAL)

    def replicated(self, section: str) -> dict:
        with self.lock:
            self.require_serving()
            return copy.deepcopy(self.state["replicated"][section])

    def write_replicated(self, section: str, key: str, value) -> None:
        with self.lock:
            self.require_serving()
            self.state["replicated"][section][key] = copy.deepcopy(value)
            self.state["last_wal"] += 1
            self.save()

    def delete_replicated(self, section: str, key: str) -> bool:
        with self.lock:
            self.require_serving()
            if self.state["replicated"][section].pop(key, None) is None:
                return False
            self.state["last_wal"] += 1
            self.save()
            return True

    def replicated_document(self) -> dict:
        with self.lock:
            return copy.deepcopy(self.state["replicated"])

    def _adopt_replicated(self, document, *, wipe: bool) -> None:
        """Replace this cluster's document with the primary's. A wipe without one (an answer
        lacking it) leaves the fresh document. The caller holds the lock and saves."""
        clean = sanitize(document)
        if clean is not None:
            self.state["replicated"] = clean
        elif wipe:
            self.state["replicated"] = fresh_document()

    def policies_named(self, names: Iterable[str]) -> list[acl.Policy]:
        """The parsed policies among ``names`` (``root`` included; unknown names grant nothing)."""
        with self.lock:
            texts = dict(self.state["replicated"]["policies"])
        found = []
        for name in names:
            if name == "root":
                found.append(acl.ROOT)
            elif name in texts:
                found.append(acl.parse(name, texts[name]))
        return found
