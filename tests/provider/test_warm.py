"""A warm provider serves Terraform's launches from forked children, each one a launch of its own, and a launch it
cannot serve starts cold."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from typing import Callable

import pytest

from keyform import __version__
from keyform.provider import install, warm
from keyform.provider.handover import hand_over, request
from keyform.provider.code import code_digest
from keyform.provider.plugin_server import MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE
from tests.processes import started
from tests.processes import alive
from tests.provider.conftest import config
from tests.provider.test_object_lifecycle import NO_CHANGES, thing

PLUGIN_ENV = {**os.environ, MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE}


def _process_lines(log) -> list[list[str]]:
    lines = [line.split() for line in log.read_text().splitlines()] if log.exists() else []
    log.unlink(missing_ok=True)
    return [fields for fields in lines if fields[0] == "process"]


def _waited(condition: Callable[[], bool], within: float = 10) -> bool:
    """Whether ``condition`` holds within ``within`` seconds (polled)."""
    deadline = time.monotonic() + within
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def _gone(path: str) -> bool:
    return _waited(lambda: not os.path.exists(path))


def test_terraform_runs_through_forked_children_and_starts_cold_once_the_warm_provider_is_gone(api, terraform,
                                                                                           tmp_path):
    tf = terraform()
    log = tmp_path / "times.txt"
    tf.write(config(api.base_url, thing()))
    with warm.running() as warmed:
        env = {**warmed.env, "KEYFORM_PROVIDER_TIMINGS": str(log)}
        assert "1 added" in tf.apply(env=env).stdout
        assert NO_CHANGES in tf.plan(env=env).stdout
        lines = _process_lines(log)
        forked = [fields for fields in lines if fields[-1] == "forked"]
        # every launch handed over: one waiting launch and one forked child each
        assert forked and len(forked) * 2 == len(lines), lines
        pid = warmed.pid
    assert _gone(f"/proc/{pid}"), "the warm provider outlived its run"
    assert not os.path.exists(os.path.dirname(warmed.env[warm.ENV]))
    # its socket is gone: launches start cold, as without it
    assert NO_CHANGES in tf.plan(env=env).stdout
    lines = _process_lines(log)
    assert lines and not any(fields[-1] == "forked" for fields in lines)
    assert [call.method for call in api.calls()].count("POST") == 1


def test_a_launch_of_other_code_is_refused_and_nothing_is_forked():
    with warm.running() as warmed:
        before = _children(warmed.pid)
        assert hand_over(warmed.env[warm.ENV], "0" * 32, __version__, []) is None
        assert hand_over(warmed.env[warm.ENV], code_digest(), "0.0.0-other", []) is None
        assert _children(warmed.pid) == before == []


def test_a_launcher_pinning_other_code_is_refused_and_stops_on_the_code_check():
    # A handed-over launch skips the check of the code on disk: the warm provider's refusal sends it to that check.
    with warm.running() as warmed:
        env = {**PLUGIN_ENV, **warmed.env, "KEYFORM_LAUNCHER_VERSION": __version__,
               "KEYFORM_LAUNCHER_DIGEST": "0" * 32}
        done = subprocess.run([sys.executable, "-m", "keyform.provider"], capture_output=True, text=True, env=env,
                              timeout=60)
        assert done.returncode == 1 and "code changed since its provider was installed" in done.stderr
        assert done.stdout == "" and _children(warmed.pid) == []


def test_hostile_clients_do_not_stop_it_serving_the_next_launch(tmp_path):
    with warm.running() as warmed:
        path = warmed.env[warm.ENV]
        for payload in (b"", b"\x00\x00\x00\x05{}", b"\xff\xff\xff\xff" + b"x" * 64, b"not a launch at all"):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.connect(path)
                client.sendall(payload)
                client.shutdown(socket.SHUT_WR)
                assert _answer(client) == b""  # dropped without an answer
        # a client that connects and says nothing is dropped after the read timeout, while launches go on
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as silent:
            silent.connect(path)
            _launch_and_shut_down(path, tmp_path)


def _launch_and_shut_down(socket_path: str, tmp_path) -> None:
    """A launch as Terraform makes one (the launcher's environment), through the warm provider at
    ``socket_path``: it must hand over, serve and end with exit code 0 when its stdin closes (no Shutdown
    call here: a launch whose Terraform is gone)."""
    env = {**PLUGIN_ENV, warm.ENV: socket_path, "TMPDIR": str(tmp_path),
           "KEYFORM_PROVIDER_TIMINGS": str(tmp_path / "times.txt")}
    with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=env) as launch:
        handshake = launch.stdout.readline().decode()
        assert handshake.startswith("1|6|unix|"), handshake
        launch.kill()  # Terraform killed it: its child must stop as a cold launch stops when its parent dies
        launch.wait(timeout=10)
        assert _gone(os.path.dirname(handshake.split("|")[3])), "the forked child outlived its launch"
    # the child, not a cold launch, served it, and ended as a provider ends (its costs written, just after)
    _waited((tmp_path / "times.txt").exists)
    assert [fields[-1] for fields in _process_lines(tmp_path / "times.txt")] == ["forked"]


def test_a_killed_launch_takes_its_forked_child_with_it(tmp_path):
    with warm.running() as warmed:
        _launch_and_shut_down(warmed.env[warm.ENV], tmp_path)
        assert _waited(lambda: _children(warmed.pid) == [])  # its costs are written just before it ends


@pytest.mark.parametrize("handover", ["python", "perl"])
def test_a_launch_whose_terraform_dies_leaves_and_takes_its_forked_child_with_it(tmp_path, handover):
    """A Terraform that dies without ending its plugins (killed) leaves its launches to init: a handed-over launch
    (``python -m keyform.provider``, or the launcher's perl) then leaves, as a cold one does, and its forked child
    ends with it."""
    command = [sys.executable, "-m", "keyform.provider"] if handover == "python" else [_launcher(tmp_path)]
    starter = (f"import subprocess, sys; p = subprocess.Popen({command!r}, "
               "stdout=subprocess.PIPE); print(p.stdout.readline().decode().split('|')[3], p.pid)")
    with warm.running() as warmed:
        env = {**PLUGIN_ENV, warm.ENV: warmed.env[warm.ENV], "TMPDIR": str(tmp_path),
               "KEYFORM_PROVIDER_PYTHON": sys.executable}
        out = subprocess.run([sys.executable, "-c", starter], capture_output=True, text=True, env=env, timeout=30)
        socket_path, pid = out.stdout.split()
        assert _waited(lambda: not alive(int(pid))), "the launch outlived its Terraform"
        assert _gone(os.path.dirname(socket_path)), "its forked child outlived it"
        assert _waited(lambda: _children(warmed.pid) == [])


def _launcher(tmp_path) -> str:
    launcher = tmp_path / "terraform-provider-rest"
    launcher.write_text(install.launcher())
    launcher.chmod(0o755)
    return str(launcher)


def test_a_launch_whose_stdout_cannot_be_opened_again_starts_cold(tmp_path):
    # The warm provider opens a launch's descriptors again through /proc: a socket cannot be (a pipe, a file or a
    # terminal can). That launch is not served there; it starts cold and serves as any launch does.
    ours, theirs = socket.socketpair()
    env = {**PLUGIN_ENV, "TMPDIR": str(tmp_path), "KEYFORM_PROVIDER_TIMINGS": str(tmp_path / "times.txt")}
    with warm.running() as warmed, ours, theirs:
        with started([sys.executable, "-m", "keyform.provider"], stdout=theirs, env={**env, **warmed.env}) as launch:
            assert ours.makefile("rb").readline().decode().startswith("1|6|unix|")
            launch.terminate()
            assert launch.wait(timeout=10) == 0
        assert _children(warmed.pid) == []
    lines = _process_lines(tmp_path / "times.txt")
    assert lines and not any(fields[-1] == "forked" for fields in lines), lines


def test_a_launch_whose_warm_provider_died_starts_cold(tmp_path):
    with warm.running() as warmed:
        path = warmed.env[warm.ENV]
        os.kill(warmed.pid, 9)
        _waited(lambda: not alive(warmed.pid))
        env = {**PLUGIN_ENV, warm.ENV: path, "TMPDIR": str(tmp_path)}
        with started([sys.executable, "-m", "keyform.provider"], stdout=subprocess.PIPE, env=env) as launch:
            assert launch.stdout.readline().decode().startswith("1|6|unix|")
            launch.terminate()
            assert launch.wait(timeout=10) == 0


def test_the_warm_provider_ends_with_the_process_that_started_it(tmp_path):
    starter = ("import sys, os; from keyform.provider import warm\n"
               "w = warm.running(); started = w.__enter__(); print(started.pid, started.env[warm.ENV], flush=True)\n"
               "os._exit(0)  # dies without stopping it\n")
    done = subprocess.run([sys.executable, "-c", starter], capture_output=True, text=True, timeout=60)
    pid, path = done.stdout.split()
    assert _gone(f"/proc/{pid}"), "the warm provider outlived the run that started it"
    assert not os.path.exists(os.path.dirname(path))  # its socket and folder too


def test_another_users_launch_is_dropped_unread():
    # The socket's folder keeps other users out; with it opened up, the warm provider still serves only its user.
    with warm.running() as warmed:
        path = warmed.env[warm.ENV]
        os.chmod(os.path.dirname(path), 0o711)
        os.chmod(path, 0o666)
        child = os.fork()
        if child == 0:  # another user (nobody) asks for a launch of the right code
            code = 1
            try:
                os.setuid(65534)
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                    client.connect(path)
                    try:
                        client.sendall(request(code_digest(), __version__, []))
                    except (BrokenPipeError, ConnectionResetError):  # dropped before its request was even sent
                        pass
                    code = 0 if _answer(client) == b"" else 3
            finally:
                os._exit(code)
        assert os.waitpid(child, 0)[1] == 0
        assert _children(warmed.pid) == []


def _answer(client: socket.socket) -> bytes:
    try:
        return client.recv(16)
    except ConnectionResetError:  # closed with the request unread
        return b""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def test_a_launch_the_warm_provider_refuses_goes_on_cold_from_the_launcher(tmp_path):
    # The launcher hands over without site; refused, the same process becomes `python -m keyform.provider`, which
    # checks the code on disk against the digest the launcher pins (here another code's: it stops there).
    launcher = tmp_path / "terraform-provider-rest"
    launcher.write_text(install.launcher().replace(code_digest(), "0" * 32))
    launcher.chmod(0o755)
    with warm.running() as warmed:
        env = {**PLUGIN_ENV, **warmed.env, "KEYFORM_PROVIDER_PYTHON": sys.executable,
               "KEYFORM_PROVIDER_TIMINGS": str(tmp_path / "times.txt")}
        done = subprocess.run([str(launcher)], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 1 and "code changed since its provider was installed" in done.stderr
        assert done.stdout == "" and _children(warmed.pid) == []


def test_a_launch_adds_its_terraforms_certificate_to_the_identity_context_made_before_the_fork(tmp_path,
                                                                                             monkeypatch):
    # The warm provider makes the TLS context of the provider's identity once (plugin_server.prepare_tls); each
    # child then only requires its Terraform's certificate, on its own copy.
    import ssl

    from keyform.provider import plugin_server
    from keyform.provider.rpc_loop import RpcLoop
    from keyform.provider.tls import identity

    plugin_server.prepare_tls(str(tmp_path))
    assert os.listdir(tmp_path) == []  # the key's file was read and removed at once
    prepared = plugin_server._prepared[identity()["cert_pem"]]
    assert prepared.verify_mode == ssl.CERT_NONE
    monkeypatch.setenv("PLUGIN_CLIENT_CERT", identity()["cert_pem"])  # any certificate stands for Terraform's
    loop = RpcLoop({}, frozenset(), ends_with="")
    try:
        assert plugin_server._listen(loop, str(tmp_path / "plugin.sock"), str(tmp_path))
        assert loop._tls is prepared and prepared.verify_mode == ssl.CERT_REQUIRED
        assert plugin_server._prepared == {}  # used once: a second launch in this process makes its own
    finally:
        loop._stop()
