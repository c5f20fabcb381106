"""An apply that is interrupted lets Terraform stop the way it means to.

Terraform told once to stop (SIGINT) lets the operations in flight finish, writes the state and exits: what an
appliance made is in the state. Killed, or told twice, it stops at once ("data loss may have occurred"), and an
object just made may be missing from the state. A deploy job is interrupted by Ctrl-C or by a cancelled CI job
(SIGINT or SIGTERM to this process); so while Terraform runs, each SIGINT or SIGTERM this process gets is passed
on to it as one SIGINT, and this process goes on reading Terraform's output until it exits. Terraform runs in a
process group of its own (``toolchain.run(own_group=True)``): a terminal's Ctrl-C reaches it through this process
only, once. (The provider ignores SIGINT, as go-plugin's providers do: Terraform stops it when done.)
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, Optional

PASSED_ON = (signal.SIGINT, signal.SIGTERM)


class Interrupts:
    """The signals received while installed, and the process they are passed on to."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self._pid: Optional[int] = None

    def started(self, pid: int) -> None:
        """``pid`` is the process to pass the signals to now (one received before it started is passed at once)."""
        self._pid = pid
        for _ in self.received:
            self._pass_on()

    def ended(self) -> None:
        self._pid = None

    def describe(self) -> str:
        """``SIGTERM``, ``SIGINT twice``: what was received."""
        names = sorted(set(self.received), key=self.received.index)
        if len(self.received) > 1 and len(names) == 1:
            return f"{names[0]} twice" if len(self.received) == 2 else f"{names[0]} {len(self.received)} times"
        return " and ".join(names)

    def _handle(self, number: int, frame: Optional[FrameType]) -> None:
        self.received.append(signal.Signals(number).name)
        self._pass_on()

    def _pass_on(self) -> None:
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGINT)
            except ProcessLookupError:
                pass  # it has just ended


@contextmanager
def passed_on() -> Iterator[Interrupts]:
    """Install the handlers (this must be the main thread) for the ``with`` block; restore the previous ones."""
    interrupts = Interrupts()
    previous: dict[int, Any] = {number: signal.signal(number, interrupts._handle) for number in PASSED_ON}
    try:
        yield interrupts
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
