"""The benchmark's log of what a provider process costs (``KEYFORM_PROVIDER_TIMINGS=FILE``).

Per method served, one line ``calls <method> <count> <total milliseconds>``, and one line ``process <cpu
milliseconds> <peak resident KiB>`` (then ``forked`` for a warm provider's child, which Terraform did not start),
all appended when the process ends (kept in memory until then: a file write per call would itself be a
measurable part of what is measured; so was a line per call, ~2,000 of them formatted as a plan of 500 ends).
The benchmark reads them to split a Terraform run's time between Terraform, the provider and the API. Unset,
nothing is kept or written; a provider killed before it ends writes nothing.
"""

from __future__ import annotations

import os
import time

from keyform.provider.handover import FORKED, PROCESS, TIMINGS, process_line  # noqa: F401 - the line's words

_path: str | None = None
CALLS = "calls"
_calls: dict[str, list[float]] = {}  # method -> seconds of each call (list.append is atomic: calls from any thread)
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
        elapsed = time.perf_counter() - started
        times = _calls.get(method)
        if times is None:
            times = _calls.setdefault(method, [])
        times.append(elapsed)


def record_exit() -> None:
    """The calls' times, then the process's CPU time (user + system) and peak resident memory, as it ends."""
    if _path is None:
        return
    lines = [f"{CALLS} {method} {len(times)} {sum(times) * 1000:.3f}\n" for method, times in _calls.items()]
    lines.append(process_line(_forked))
    with open(_path, "a", encoding="ascii") as handle:  # one write: processes of one command append apart
        handle.write("".join(lines))
