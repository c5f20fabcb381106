"""Interrupts during an apply reach Terraform once each, as SIGINT, and the apply's output is read to its end.

A real child process stands in for Terraform: told to stop (SIGINT), it finishes its work and says so; the
end-to-end case, with Terraform, the provider and a simulator, is in ``test_apply_plan_e2e.py``.
"""

from __future__ import annotations

import os
import signal
import sys
import textwrap

from keyform import toolchain
from keyform.ops import interrupts

CHILD = textwrap.dedent("""
    import signal, sys, time
    told = []
    signal.signal(signal.SIGINT, lambda *_: told.append(1))
    print("working", flush=True)
    deadline, seen = time.monotonic() + 20, 0
    while time.monotonic() < deadline and len(told) < int(sys.argv[1]):
        if len(told) != seen:
            seen = len(told)
            print(f"told {seen}", flush=True)
        time.sleep(0.02)
    print(f"told {len(told)} time(s); finished what was under way", flush=True)
    sys.exit(3)
""")

def _run_and_signal(tmp_path, signals: dict[str, int], told_until: int) -> tuple[toolchain.Run, interrupts.Interrupts]:
    """Run the child; when it shows a line of ``signals``, send that signal to this process; the child ends once
    told ``told_until`` times."""
    script = tmp_path / "child.py"
    script.write_text(CHILD)

    def on_line(line: str) -> None:
        if line in signals:
            os.kill(os.getpid(), signals[line])

    with interrupts.passed_on() as received:
        result = toolchain.run([sys.executable, str(script), str(told_until)], tmp_path, dict(os.environ),
                               timeout=60, on_line=on_line, own_group=True, on_start=received.started)
    return result, received

def test_a_sigterm_reaches_the_child_as_one_sigint_and_its_output_is_read_to_the_end(tmp_path):
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    result, received = _run_and_signal(tmp_path, {"working": signal.SIGTERM}, told_until=1)
    assert result.returncode == 3
    assert result.output.splitlines() == ["working", "told 1 time(s); finished what was under way"]
    assert received.received == ["SIGTERM"] and received.describe() == "SIGTERM"
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before  # restored


def test_each_interrupt_is_passed_on(tmp_path):
    result, received = _run_and_signal(tmp_path, {"working": signal.SIGINT, "told 1": signal.SIGINT}, told_until=2)
    assert result.output.splitlines() == ["working", "told 1", "told 2 time(s); finished what was under way"]
    assert received.describe() == "SIGINT twice"

