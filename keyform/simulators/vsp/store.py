"""The configured external KMIP servers, kept in order, under one lock, saved after each change.

Stored per server: ``uuid, name, host, port, isPrimary, isTLS12Enabled, kmipProtocol, httpsCiphers``
(``isOnline`` is computed when a server is returned, never stored). The state file holds
``{"servers": [...]}``.
"""

from __future__ import annotations

import copy
import threading
import uuid as uuidlib

from keyform.simulators.common import StateFile
from keyform.simulators.vsp.errors import DELETE_PRIMARY, NOT_FOUND, ApiError
from keyform.simulators.vsp.validation import bad


class KmipStore:
    def __init__(self, state: StateFile):
        self._state = state
        self._lock = threading.RLock()
        self._servers: list[dict] = list(state.load({"servers": []}).get("servers", []))

    # Reads return copies, so callers can add ``isOnline`` freely.
    def all(self) -> list[dict]:
        with self._lock:
            return copy.deepcopy(self._servers)

    def by_name(self, name: str) -> dict:
        with self._lock:
            return copy.deepcopy(self._find(name=name))

    def add(self, fields: dict) -> dict:
        """The first server becomes primary; later ones are secondaries."""
        with self._lock:
            self._ensure_unique(fields["name"])
            server = {"uuid": str(uuidlib.uuid4()), **fields, "isPrimary": not self._servers}
            self._servers.append(server)
            self._save()
            return copy.deepcopy(server)

    def update(self, server_uuid: str, fields: dict) -> dict:
        with self._lock:
            server = self._find(uuid=server_uuid)
            if "name" in fields and fields["name"] != server["name"]:
                self._ensure_unique(fields["name"])
            server.update(fields)
            self._save()
            return copy.deepcopy(server)

    def delete(self, name: str) -> None:
        """Secondaries only; the primary goes only when it is the last server."""
        with self._lock:
            server = self._find(name=name)
            if server["isPrimary"] and len(self._servers) > 1:
                raise bad(DELETE_PRIMARY)
            self._servers.remove(server)
            self._save()

    def promote(self, name: str) -> dict:
        """Make ``name`` primary and demote the old primary; a no-op for the current primary."""
        with self._lock:
            target = self._find(name=name)
            if not target["isPrimary"]:
                for server in self._servers:
                    server["isPrimary"] = server is target
                self._save()
            return copy.deepcopy(target)

    def _find(self, name: str | None = None, uuid: str | None = None) -> dict:
        for server in self._servers:
            if (name is not None and server["name"] == name) or (uuid is not None and server["uuid"] == uuid):
                return server
        raise ApiError(404, NOT_FOUND)

    def _ensure_unique(self, name: str) -> None:
        if any(server["name"] == name for server in self._servers):
            raise bad(f"A KMIP server named '{name}' already exists. name must be unique.")

    def _save(self) -> None:
        self._state.save({"servers": self._servers})
