"""The provider process never outlives Terraform, and refuses to be started by hand."""

import os
import subprocess
import sys
import time

from keyform.provider.plugin_server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE

PLUGIN_ENV = {**os.environ, MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        return "State:\tZ" not in handle.read()


def test_provider_leaves_when_its_parent_dies_without_a_shutdown_call():
    # A parent (standing in for a Terraform that was killed) starts the provider, reads the
    # handshake and exits without stopping it.
    starter = ("import subprocess, sys; p = subprocess.Popen([sys.executable, '-m', 'keyform.provider'], "
               "stdout=subprocess.PIPE); print(p.stdout.readline().decode().split('|')[3], p.pid)")
    out = subprocess.run([sys.executable, "-c", starter], capture_output=True, text=True, env=PLUGIN_ENV, timeout=30)
    socket_path, pid = out.stdout.split()
    deadline = time.monotonic() + 10
    while _alive(int(pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(int(pid)), "the provider outlived its parent"
    assert not os.path.exists(os.path.dirname(socket_path)), "its socket directory was left behind"


def test_started_by_hand_it_says_what_it_is():
    env = {k: v for k, v in os.environ.items() if k != MAGIC_COOKIE_KEY}
    done = subprocess.run([sys.executable, "-m", "keyform.provider"], capture_output=True, text=True, env=env, timeout=30)
    assert done.returncode == 1
    assert "This is the keyform 'rest' Terraform provider" in done.stderr and done.stdout == ""


def test_sigterm_after_start_up_stops_the_provider_cleanly():
    # Signals may land on a gRPC thread; the main thread must still notice within its wait interval.
    with subprocess.Popen([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=PLUGIN_ENV) as process:
        socket_path = process.stdout.readline().decode().split("|")[3]
        time.sleep(0.3)
        process.terminate()
        assert process.wait(timeout=5) == 0
    assert not os.path.exists(os.path.dirname(socket_path))
