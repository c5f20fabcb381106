"""Processes a test starts, never waited on forever.

``subprocess.Popen`` as a context manager waits without a limit at its end, so a child that ignores
SIGTERM (a bug the test is there to find) would hold the whole run. :func:`started` kills what is
still running when the block ends, whatever happened in it; the test's own bounded ``wait`` fails it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


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
