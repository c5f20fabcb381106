"""A test run stopped by SIGTERM stops the servers its fixtures started (tests/sigterm.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.processes import started
from tests.processes import alive

ROOT = Path(__file__).resolve().parents[1]

A_RUN_WITH_A_SERVER = '''
import subprocess, time
import pytest

@pytest.fixture(scope="session")
def server(tmp_path_factory):
    process = subprocess.Popen(["sleep", "600"])
    (PID_FILE).write_text(str(process.pid))
    yield process
    process.terminate()
    process.wait(timeout=10)

def test_runs_until_stopped(server):
    time.sleep(600)
'''


def test_a_run_stopped_by_sigterm_stops_what_its_fixtures_started(tmp_path):
    pid_file = tmp_path / "server.pid"
    test_file = tmp_path / "test_stopped.py"
    test_file.write_text(A_RUN_WITH_A_SERVER.replace("(PID_FILE)", f"__import__('pathlib').Path({str(pid_file)!r})"))
    argv = [sys.executable, "-m", "pytest", "-q", "-p", "tests.sigterm", "-p", "no:cacheprovider", "-c", os.devnull,
            "--rootdir", str(tmp_path), str(test_file)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with started(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as run:
        deadline = time.monotonic() + 60
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        server_pid = int(pid_file.read_text())
        time.sleep(0.5)  # inside the test's sleep
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=30)
        output = run.stdout.read().decode()
    assert run.returncode == 2, output  # pytest's "interrupted"
    assert "stopped by SIGTERM" in output
    assert not alive(server_pid), "the fixture's server outlived the run"
