"""Fault injection, off by default, switchable by flags or at run time via ``/_admin/faults``."""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass, fields


ERRORS_IN_A_ROW = 2


@dataclass
class Faults:
    """Faults a simulator injects into its answers.

    - ``latency_ms``: added to every answer;
    - ``error_rate``: share (0..1) of requests answered 500 or 503 instead of being served, never more than
      :data:`ERRORS_IN_A_ROW` times in a row for one method and path: transient faults, which a client's retries
      outlast (unlimited, 5 in a row at 20 % had odds of 1 in 3,125 per request and failed an end-to-end test
      now and then);
    - ``throttle_rate``: share (0..1) of requests answered 429 with ``Retry-After: retry_after``;
    - ``fail_next``: the next N requests are answered 503 (deterministic, for tests);
    - ``throttle_next``: the next N requests are answered 429 with ``Retry-After``;
    - ``fail_jobs``: asynchronous jobs end in ``failure`` (ONTAP);
    - ``expire_csrf``: the current CSRF token is treated as stale once (VSP One Object).
    """

    latency_ms: int = 0
    error_rate: float = 0.0
    throttle_rate: float = 0.0
    retry_after: int = 1
    fail_next: int = 0
    throttle_next: int = 0
    fail_jobs: bool = False
    expire_csrf: bool = False

    def __post_init__(self):
        self._lock = threading.Lock()
        self._random = random.Random()
        self._errors_in_a_row: dict[str, int] = {}  # by "METHOD path", while error_rate answers it

    def update(self, changes: dict) -> None:
        known = {f.name: f.type for f in fields(self)}
        unknown = set(changes) - set(known)
        if unknown:
            raise ValueError(f"unknown fault(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
        with self._lock:
            for key, value in changes.items():
                current = getattr(self, key)
                setattr(self, key, type(current)(value))

    def as_dict(self) -> dict:
        return asdict(self)

    def draw(self, request_key: str = "") -> tuple[int, dict] | None:
        """Decide the fault for one request (``request_key``: its method and path): ``(status, headers)`` or
        ``None`` to serve it."""
        with self._lock:
            if self.throttle_next > 0:
                self.throttle_next -= 1
                return 429, {"Retry-After": str(self.retry_after)}
            if self.fail_next > 0:
                self.fail_next -= 1
                return 503, {}
            if self.throttle_rate and self._random.random() < self.throttle_rate:
                return 429, {"Retry-After": str(self.retry_after)}
            if self.error_rate and self._random.random() < self.error_rate:
                in_a_row = self._errors_in_a_row.get(request_key, 0)
                if in_a_row < ERRORS_IN_A_ROW:
                    self._errors_in_a_row[request_key] = in_a_row + 1
                    return self._random.choice((500, 503)), {}
            self._errors_in_a_row.pop(request_key, None)
        return None

    def take_csrf_expiry(self) -> bool:
        """True once after ``expire_csrf`` was switched on."""
        with self._lock:
            if self.expire_csrf:
                self.expire_csrf = False
                return True
        return False
