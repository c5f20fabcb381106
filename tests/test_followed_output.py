"""A command's output through a followed file: read as a text pipe reads it, and a command that outlives its
runner (killed) runs to its end, where one writing to a pipe dies at its next line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from keyform import toolchain
from tests.processes import alive, started

WRITER = textwrap.dedent(r"""
    import os, time
    for chunk in (b"one\r\ntw", b"o\n\xc3", b"\xa9t\xe9\nend"):
        os.write(1, chunk)
        time.sleep(0.1)
""")


def test_lines_come_as_a_text_pipe_gives_them(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    seen: list[str] = []
    result = toolchain.run([sys.executable, str(script)], tmp_path, dict(os.environ), timeout=30, on_line=seen.append,
                           outlive_us=True)
    assert result.returncode == 0
    assert result.output == "one\ntwo\nét\ufffd\nend"
    assert seen == ["one", "two", "ét\ufffd", "end"]


# Terraform (Go) dies of SIGPIPE when it writes to a pipe nobody reads; Python ignores it unless told not to.
COMMAND = textwrap.dedent("""
    import os, signal, sys, time
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    open(sys.argv[1] + ".pid", "w").write(str(os.getpid()))
    print("started", flush=True)
    time.sleep(1.5)
    print("saving what was made", flush=True)
    open(sys.argv[1], "w").write("saved")
""")

RUNNER = textwrap.dedent("""
    import os, sys
    from keyform import toolchain
    toolchain.run([sys.executable, sys.argv[1], sys.argv[2]], ".", dict(os.environ), timeout=60,
                  on_line=lambda line: print(line, flush=True), outlive_us=sys.argv[3] == "1")
""")


@pytest.mark.parametrize("outlive_us", [True, False], ids=["followed-file", "pipe"])
def test_a_killed_runner_leaves_the_command_to_its_end_only_through_a_file(tmp_path, outlive_us):
    (tmp_path / "command.py").write_text(COMMAND)
    (tmp_path / "runner.py").write_text(RUNNER)
    marker = tmp_path / "saved"
    argv = [sys.executable, str(tmp_path / "runner.py"), str(tmp_path / "command.py"), str(marker),
            "1" if outlive_us else "0"]
    with started(argv, stdout=subprocess.PIPE, text=True, cwd=tmp_path) as runner:
        assert runner.stdout is not None
        assert runner.stdout.readline() == "started\n"
        runner.send_signal(signal.SIGKILL)
        runner.wait(timeout=10)
    command_pid = int((tmp_path / "saved.pid").read_text())
    try:
        deadline = time.monotonic() + 10
        while alive(command_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(command_pid)
    finally:
        if alive(command_pid):
            os.kill(command_pid, signal.SIGKILL)
    assert marker.exists() is outlive_us


def test_the_output_stays_in_memory_and_has_no_name(tmp_path):
    shown = toolchain.run([sys.executable, "-c", "import os; print(os.readlink('/proc/self/fd/1'))"], tmp_path,
                          dict(os.environ), timeout=30, outlive_us=True)
    assert shown.output.startswith("/memfd:keyform-command-output"), shown.output
