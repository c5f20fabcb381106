"""Work tried where it must not wait on an appliance, and handed on when it would.

The provider answers calls that only compute on the thread that reads Terraform's connection; a refresh's
read, or a plan, usually only computes too (its object is in a collection read already made), but may have to
ask the appliance. Such a call is tried there inside :func:`without_waiting`: the first request it would send
raises :class:`WouldWait` instead, before anything is sent, and the caller runs the whole call again on a thread
that may wait. Code that would block on another thread's request (:mod:`keyform.provider.collection_reads`)
asks :func:`forbidden` and raises too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_local = threading.local()


class WouldWait(BaseException):
    """A request was about to be sent where none may be (not an ``Exception``: no handler of errors may take it
    for a failure of the call)."""


@contextmanager
def without_waiting() -> Iterator[None]:
    _local.forbidden = True
    try:
        yield
    finally:
        _local.forbidden = False


def forbidden() -> bool:
    return getattr(_local, "forbidden", False)


def check() -> None:
    """Raise :class:`WouldWait` where no request may be sent."""
    if getattr(_local, "forbidden", False):
        raise WouldWait
