"""The benchmark's log of what a provider process costs (``KEYFORM_PROVIDER_TIMINGS=FILE``).

One line per gRPC call, ``<method> <milliseconds>``, and one line ``process <cpu milliseconds> <peak resident
KiB>`` (then ``forked`` for a warm provider's child, which Terraform did not start), all appended when the
process ends (kept in memory until then: a file write per call would itself be a measurable part of what is
measured). The benchmark reads them to split a Terraform run's time between Terraform,
the provider and the API. Unset, nothing is kept or written; a provider killed before it ends writes nothing.
"""

from __future__ import annotations

import os
import time

from keyform.provider.handover import FORKED, PROCESS, TIMINGS, process_line  # noqa: F401 - the line's words

_path: str | None = None
_calls: list[tuple[str, float]] = []  # list.append is atomic: calls from any thread
_forked = False
enabled = False


def configure(forked: bool) -> None:
    """Read the environment again: a warm provider's child (:mod:`keyform.provider.warm`) took its launch's.
    A forked child is not a child of Terraform: its line says so, for the benchmark's split of CPU time."""
    global _path, enabled, _forked
    _path = os.environ.get(TIMINGS)
    enabled, _forked = _path is not None, forked


configure(forked=False)


def record_call(method: str, started: float) -> None:
    if _path is not None:
        _calls.append((method, (time.perf_counter() - started) * 1000))


def record_exit() -> None:
    """The calls' times, then the process's CPU time (user + system) and peak resident memory, as it ends."""
    if _path is None:
        return
    lines = [f"{method} {milliseconds:.3f}\n" for method, milliseconds in _calls]
    lines.append(process_line(_forked))
    with open(_path, "a", encoding="ascii") as handle:  # one write: processes of one command append apart
        handle.write("".join(lines))
