"""The benchmark's log of what a provider process costs (``KEYFORM_PROVIDER_TIMINGS=FILE``).

One line per gRPC call, ``<method> <milliseconds>``, and when the process ends one line
``process <cpu milliseconds> <peak resident KiB>``: the benchmark reads them to split a
Terraform run's time between Terraform, the provider and the API. Unset, nothing is written.
"""

from __future__ import annotations

import os
import threading
import time

PROCESS = "process"

_path = os.environ.get("KEYFORM_PROVIDER_TIMINGS")
_handle = open(_path, "a", encoding="ascii", buffering=1) if _path else None  # line-buffered: os._exit loses nothing
_lock = threading.Lock()

enabled = _handle is not None


def record_call(method: str, started: float) -> None:
    if _handle is None:
        return
    with _lock:
        _handle.write(f"{method} {(time.perf_counter() - started) * 1000:.3f}\n")


def record_exit() -> None:
    """The process's CPU time (user + system) and peak resident memory, as it ends."""
    if _handle is None:
        return
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    with _lock:
        _handle.write(f"{PROCESS} {(usage.ru_utime + usage.ru_stime) * 1000:.1f} {usage.ru_maxrss}\n")
