"""Shared fixtures: simulators served on loopback for the duration of a test."""

from __future__ import annotations

import pytest

from keyform.simulators.__main__ import build_settings, start
from keyform.simulators.common import Faults


@pytest.fixture
def simulator(tmp_path):
    """Start simulators in-process on free ports: ``simulator("ontap")`` or ``simulator("vault", name="vault-b")``.

    Every simulator started is stopped when the test ends.
    """
    running = []

    def _start(kind: str, name: str | None = None, state_path: str | None = None, **credentials):
        settings = build_settings(kind, name or kind, 0, state_path, Faults())
        for key, value in credentials.items():
            setattr(settings, key, value)
        server = start(kind, settings)
        running.append(server)
        return server

    yield _start
    for server in running:
        server.stop()
