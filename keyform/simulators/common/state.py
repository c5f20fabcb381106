"""A JSON state file written atomically, so a restarted simulator keeps its objects."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from typing import Any, Optional


class StateFile:
    """Loads and saves one JSON document; without a path it keeps nothing on disk."""

    def __init__(self, path: Optional[str]):
        self.path = path
        self.lock = threading.RLock()

    def load(self, default: Any) -> Any:
        if not self.path or not os.path.exists(self.path):
            return default
        with open(self.path, encoding="utf-8") as handle:
            return json.load(handle)

    def save(self, document: Any) -> None:
        """Write to a temporary file in the same folder, then rename over the old one."""
        if not self.path:
            return
        folder = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(folder, exist_ok=True)
        with self.lock:
            fd, tmp = tempfile.mkstemp(prefix=".state-", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(document, handle, indent=1, sort_keys=True)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise
