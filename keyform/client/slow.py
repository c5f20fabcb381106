"""Requests that wait long for an answer say so while they wait.

An appliance that accepts connections and never answers would otherwise give minutes of silence: each
attempt waits ``timeout_seconds``, and reads are tried ``retry_max`` times more. A request still waiting
after ``after`` seconds is logged (logger ``keyform.client``, WARNING), and again every ``after`` seconds:
method, URL without credentials or query, which attempt of how many, and when the call gives up.

One daemon thread per client watches every request in flight; it starts with the first request watched,
and nothing is watched while the logger would drop the lines (the provider's default: no ``TF_LOG``).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

log = logging.getLogger("keyform.client")

DEFAULT_AFTER_SECONDS = 10.0

Describe = Callable[[float], str]
"""``describe(waited_seconds)`` -> the log line for a request that has waited that long."""


def after_seconds(timeout_seconds: float) -> float:
    """When a request is first said to be slow: after 10 s, or a third of its timeout when that is shorter."""
    return min(DEFAULT_AFTER_SECONDS, timeout_seconds / 3)


def seconds(value: float) -> str:
    """A duration for people: ``0.4``, ``2.5``, ``158``."""
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def gives_up(seconds_from_now: float) -> str:
    """``by about 22:13:43 UTC, 148 s from now``: when a call will have given up at the latest."""
    at = time.strftime("%H:%M:%S", time.gmtime(time.time() + seconds_from_now))
    return f"by about {at} UTC, {seconds(seconds_from_now)} s from now"


@dataclass
class _Watched:
    """A request in flight: when it started, when it is next reported, and how."""

    started: float
    report_at: float
    describe: Describe


class SlowRequests:
    def __init__(self, after: float):
        self.after = after
        self._lock = threading.Condition(threading.Lock())
        self._waiting: dict[int, _Watched] = {}
        self._keys = itertools.count()
        self._thread: threading.Thread | None = None

    def enabled(self) -> bool:
        return self.after > 0 and log.isEnabledFor(logging.WARNING)

    def watch(self, describe: Describe) -> int:
        """Watch a request from now until :meth:`done` is called with the key returned."""
        key = next(self._keys)
        now = time.monotonic()
        with self._lock:
            self._waiting[key] = _Watched(now, now + self.after, describe)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="keyform-slow-requests", daemon=True)
                self._thread.start()
            elif len(self._waiting) == 1:
                self._lock.notify()
        return key

    def done(self, key: int) -> None:
        with self._lock:
            self._waiting.pop(key, None)

    def _run(self) -> None:
        while True:
            due: list[tuple[float, Describe]] = []
            with self._lock:
                while not due:
                    if not self._waiting:
                        self._lock.wait()
                        continue
                    now = time.monotonic()
                    soonest = min(entry.report_at for entry in self._waiting.values())
                    if soonest > now:
                        self._lock.wait(soonest - now)
                        continue
                    for entry in self._waiting.values():
                        if entry.report_at <= now:
                            entry.report_at += self.after
                            due.append((now - entry.started, entry.describe))
            for waited, describe in due:  # logged outside the lock: a slow handler never holds up requests
                try:
                    log.warning("%s", describe(waited))
                except Exception:  # noqa: BLE001 - the watch goes on whatever one line does
                    pass
