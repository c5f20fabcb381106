"""Processes a test starts, never waited on forever.

``subprocess.Popen`` as a context manager waits without a limit at its end, so a child that ignores
SIGTERM (a bug the test is there to find) would hold the whole run. :func:`started` kills what is
still running when the block ends, whatever happened in it; the test's own bounded ``wait`` fails it.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@contextmanager
def started(argv: list[str], **popen) -> Iterator[subprocess.Popen]:
    process = subprocess.Popen(argv, **popen)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)  # after SIGKILL: only the kernel is left to wait for
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream:
                stream.close()


@dataclass
class Ended:
    returncode: int
    stdout: str  # every line, those read before the signal too
    stderr: str


def signalled_at(argv: list[str], at: Callable[[str], bool], timeout: float,
                 sig: signal.Signals = signal.SIGTERM, **popen) -> Ended:
    """Run ``argv``, send it ``sig`` once it writes a line of output for which ``at`` holds, and read it to its
    end (at most ``timeout`` s). A command that never writes such a line is read to its end unsignalled."""
    with started(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen) as process:
        assert process.stdout is not None
        shown = []
        for line in process.stdout:
            shown.append(line)
            if at(line):
                process.send_signal(sig)
                break
        stdout, stderr = process.communicate(timeout=timeout)
        return Ended(process.returncode, "".join(shown) + stdout, stderr)


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, ended but not yet waited for, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
