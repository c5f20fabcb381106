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

_local = threading.local()


class WouldWait(BaseException):
    """A request was about to be sent where none may be (not an ``Exception``: no handler of errors may take it
    for a failure of the call)."""


class _WithoutWaiting:
    """The context of :func:`without_waiting` (a class: a generator's context costs ~4 µs more per call)."""

    __slots__ = ()

    def __enter__(self) -> None:
        _local.forbidden = True

    def __exit__(self, *exc_info: object) -> None:
        _local.forbidden = False


_WITHOUT_WAITING = _WithoutWaiting()


def without_waiting() -> _WithoutWaiting:
    """Inside it, no request is sent on this thread: the first raises :class:`WouldWait`."""
    return _WITHOUT_WAITING


def forbidden() -> bool:
    return getattr(_local, "forbidden", False)


def check() -> None:
    """Raise :class:`WouldWait` where no request may be sent."""
    if getattr(_local, "forbidden", False):
        raise WouldWait
