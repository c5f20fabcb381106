"""A command's output written to an unnamed file that this process follows, not to a pipe.

A command writing to a pipe dies of SIGPIPE at its next line once its reader is gone: a Terraform apply whose
runner was killed would stop in the middle of an operation, before it saves the state of what it has just made,
and leave objects on the appliance that no state knows. Writing to a file, it runs to its end whatever happens
to its reader, and saves the state. The file has no name and lives in memory (``memfd_create``; elsewhere an
unlinked temporary file): no other process can open it, nothing of the output reaches a disk, and it is gone when
the last process holding it ends.
"""

from __future__ import annotations

import codecs
import collections
import io
import os
import tempfile
import time
from typing import BinaryIO, Callable

POLL_SECONDS = 0.02
"""How long the follower sleeps when it has read everything written so far and the command still runs."""
READ_SIZE = 65536


def unnamed_file() -> BinaryIO:
    if hasattr(os, "memfd_create"):
        return open(os.memfd_create("keyform-command-output", os.MFD_CLOEXEC), "w+b")
    return tempfile.TemporaryFile()


class Follower:
    """Reads the file ``fd`` as it grows. A follow interrupted (KeyboardInterrupt, in ``on_line`` too) goes on
    where it stopped when called again: no line is given twice, none is lost."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._offset = 0
        self._pending = ""  # the start of a line whose end has not been written yet
        self._ready: collections.deque[str] = collections.deque()  # whole lines not given yet
        self._decoder = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-8")("replace"), translate=True)

    def follow(self, ended: Callable[[], bool], on_line: Callable[[str], None]) -> None:
        """Give each line written to the file to ``on_line`` as it comes, with its line end (UTF-8, a bad byte
        replaced, line ends translated as a text pipe's reader translates them), until ``ended()`` and
        everything is read; a last line without its end comes last."""
        while True:
            while self._ready:
                on_line(self._ready.popleft())
            finished = ended()  # asked before the read: what the command wrote before it ended is read after
            data = os.pread(self.fd, READ_SIZE, self._offset)
            if data:
                self._offset += len(data)
                *lines, self._pending = (self._pending + self._decoder.decode(data)).split("\n")
                self._ready.extend(line + "\n" for line in lines)
            elif finished:
                break
            else:
                time.sleep(POLL_SECONDS)
        last, self._pending = self._pending + self._decoder.decode(b"", final=True), ""
        if last:
            on_line(last)
