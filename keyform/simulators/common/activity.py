"""Whether the simulators of this process are being talked to: a runner whose parent is gone (the main job
killed) stops once idle, not while the Terraform that outlived its parent still applies against it."""

from __future__ import annotations

import threading
import time

_lock = threading.Lock()
_under_way = 0
_last = time.monotonic()


def began() -> None:
    """A request arrived."""
    global _under_way, _last
    with _lock:
        _under_way += 1
        _last = time.monotonic()


def ended() -> None:
    """A request was answered (or failed)."""
    global _under_way, _last
    with _lock:
        _under_way -= 1
        _last = time.monotonic()


def idle_seconds() -> float:
    """Seconds since the last request ended; 0 while one is under way."""
    with _lock:
        return 0.0 if _under_way else time.monotonic() - _last
