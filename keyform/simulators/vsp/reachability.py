"""``isOnline``: whether a KMIP server's host:port accepts a TCP connection right now.

Each server is probed with a short connect timeout (``settings.extra["reachability_timeout"]``,
0.3 s by default), all servers of one answer concurrently. Name resolution is not bounded by
the connect timeout, so the whole check has a deadline (``settings.extra["reachability_deadline"]``,
3 s by default); past it the request fails with 504 "Internal error - request timed out.".
"""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Iterable

from keyform.simulators.vsp.errors import TIMED_OUT, ApiError

CONNECT_TIMEOUT = 0.3
DEADLINE = 3.0
MAX_WORKERS = 16


def _probe(host: str, port: int, timeout: float) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False


class Reachability:
    def __init__(self, connect_timeout: float = CONNECT_TIMEOUT, deadline: float = DEADLINE):
        self.connect_timeout = connect_timeout
        self.deadline = deadline

    def online(self, endpoints: Iterable[tuple[str, int]]) -> list[bool]:
        """Probe each (host, port) concurrently; the answers in the same order."""
        endpoints = list(endpoints)
        if not endpoints:
            return []
        pool = ThreadPoolExecutor(max_workers=min(MAX_WORKERS, len(endpoints)), thread_name_prefix="vsp-probe")
        try:
            futures = [pool.submit(_probe, host, port, self.connect_timeout) for host, port in endpoints]
            _, pending = wait(futures, timeout=self.deadline)
            if pending:
                raise ApiError(504, TIMED_OUT)
            return [future.result() for future in futures]
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
