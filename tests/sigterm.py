"""A test run stopped by SIGTERM (a CI time-out, ``kill``) tears its fixtures down as Ctrl-C does.

Python's default for SIGTERM ends the process on the spot, so the servers the tests started (PostgreSQL, the
simulators, KMIP servers) would outlive the run. ``tests/conftest.py`` takes its hook, so any way of starting
pytest loads it.
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import Optional

import pytest


def _interrupt(signum: int, frame: Optional[FrameType]) -> None:
    raise KeyboardInterrupt(f"stopped by {signal.Signals(signum).name}")


@pytest.hookimpl
def pytest_configure(config: pytest.Config) -> None:
    signal.signal(signal.SIGTERM, _interrupt)
