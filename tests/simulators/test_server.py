"""What every simulator's HTTP server does, whatever the system: keep-alive, and a clean stop."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from keyform.simulators.common.server import listening
from keyform.simulators.common.settings import Settings
from tests.processes import alive, started


@pytest.mark.parametrize("kind", ["ontap", "vsp", "vault"])
def test_connections_are_kept_alive_between_requests(simulator, kind):
    # As the appliances do: a client's requests reuse one connection instead of opening one each.
    server = simulator(kind)
    with requests.Session() as session:
        answers = [session.get(f"{server.url}/no-such-path", timeout=10) for _ in range(3)]
        pools = session.get_adapter(server.url).poolmanager.pools
        assert [a.status_code for a in answers] == [404] * 3
        assert all(a.headers.get("Connection", "").lower() != "close" for a in answers)
        assert sum(pools[key].num_connections for key in pools.keys()) == 1


BURST = 40


def _burst(host: str, port: int) -> int:
    """Open ``BURST`` connections one after another, without a word, each to be established within 0.9 s (below
    TCP's 1 s re-send of a dropped connection request; one that is not raises ``TimeoutError``); close them
    again; how many were opened."""
    burst: list[socket.socket] = []
    try:
        for _ in range(BURST):
            burst.append(socket.create_connection((host, port), timeout=0.9))
    finally:
        for connection in burst:
            connection.close()
    return len(burst)


def test_a_burst_of_connections_is_queued_not_dropped():
    # A fresh provider's ten parallel calls open their connections at once, faster than the server's one thread
    # accepts them on a busy machine: the kernel must queue them meanwhile. Here nothing accepts at all. With a
    # queue of 5 (cheroot's default) the kernel dropped the 7th's connection request, and TCP sent it again
    # only a second later: a call a second late.
    server = listening(Settings(name="burst", tls=False))
    try:
        established = _burst(*server.bind_addr[:2])
    finally:
        server.stop()
    assert established == BURST


@pytest.mark.parametrize("kind", ["ontap", "vault"])
def test_a_burst_of_connections_to_a_serving_simulator_is_taken_and_it_answers_after(simulator, kind):
    # The same burst, none of its connections saying a word, while the simulator serves: every one is established
    # in time, and the simulator answers afterwards.
    server = simulator(kind)
    assert _burst(server.settings.host, server.settings.port) == BURST
    assert requests.get(f"{server.url}/no-such-path", timeout=10, verify=server.ca_cert_file).status_code == 404


def test_a_client_that_says_nothing_holds_back_no_other(simulator):
    # The TLS handshake is made by the worker serving the connection, as an appliance's web server does. It was
    # made by the one thread that accepts: a client that connected and said nothing held every new connection
    # back for the server's whole time-out (10 s), longer than this GET waits.
    server = simulator("ontap")
    with socket.create_connection((server.settings.host, server.settings.port), timeout=10):
        answer = requests.get(f"{server.url}/no-such-path", timeout=5, verify=server.ca_cert_file)
    assert answer.status_code == 404


def test_plain_http_to_the_https_port_is_told_so(simulator):
    server = simulator("vault")
    answer = requests.get(f"http://{server.settings.host}:{server.settings.port}/v1/sys/health", timeout=10)
    assert answer.status_code == 400
    assert "only speaks HTTPS" in answer.text
    assert requests.get(f"{server.url}/v1/sys/health", timeout=10, verify=server.ca_cert_file).status_code == 200


def test_stop_closes_open_connections_and_frees_the_port(simulator):
    server = simulator("ontap")
    with requests.Session() as session:
        session.get(f"{server.url}/api/cluster", timeout=10)  # leaves a kept-alive connection open
        server.stop()
        with pytest.raises(requests.ConnectionError):
            session.get(f"{server.url}/api/cluster", timeout=5)


def test_a_simulator_listens_again_on_its_free_port_after_closing_connections_first(simulator):
    # A stop closes the open connections itself, which leaves them in TIME_WAIT on the simulator's port; the main
    # job's next run listens on the same ports again (``--reuse-ports``), else its DR secondaries' kept primary
    # address no longer answers.
    server = simulator("vault", name="vault-again")
    with requests.Session() as session:
        session.get(f"{server.url}/v1/sys/health", timeout=10)  # a kept-alive connection the stop closes first
        server.stop()
    again = simulator("vault", name="vault-again", port=server.settings.port)
    assert requests.get(f"{again.url}/v1/sys/health", timeout=10).status_code == 200
    assert again.settings.port == server.settings.port


def test_the_runner_stops_on_a_signal_that_comes_at_any_moment():
    # A program starting a simulator stops it as soon as it is ready; a signal landing while the runner
    # enters its wait once left it hung for ever (3 of 60 rounds). Twelve rounds, each must end promptly.
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    command = [sys.executable, "-m", "keyform.simulators", "vault", "--name", "vault-z", "--port", "0", "--quiet"]
    for _ in range(12):
        with started(command, stdout=subprocess.PIPE, text=True, env=env) as process:
            assert any(line.strip() == "ready" for line in process.stdout)
            process.terminate()
            assert process.wait(timeout=10) == 0


LEAVE_A_RUNNER = """
import subprocess, sys, time
log = sys.argv[1]
runner = subprocess.Popen(sys.argv[2:], stdout=open(log, "w"), stderr=subprocess.STDOUT)
deadline = time.monotonic() + 60
while "ready" not in open(log).read().split() and runner.poll() is None and time.monotonic() < deadline:
    time.sleep(0.1)
print(runner.pid)  # and this parent ends, as a killed main job does, leaving the runner
"""


def test_a_runner_whose_parent_is_gone_serves_until_idle_then_stops(tmp_path):
    """The main job killed: the simulators it started keep answering the Terraform it left applying, and stop
    once nothing has asked them anything for the linger (their ports are free again for the next run)."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    log = tmp_path / "runner.log"
    command = [sys.executable, "-m", "keyform.simulators", "vault", "--name", "vault-left", "--port", "0", "--http",
               "--stop-when-orphaned", "2"]
    left = subprocess.run([sys.executable, "-c", LEAVE_A_RUNNER, str(log), *command], env=env, capture_output=True,
                          text=True, timeout=90)
    pid = int(left.stdout)
    try:
        url = next(word for line in log.read_text().splitlines() if line.startswith("vault-left")
                   for word in line.split() if word.startswith("http://"))
        talked_until = time.monotonic() + 5  # asked something every 0.5 s, for longer than the linger
        while time.monotonic() < talked_until:
            assert requests.get(f"{url}/sys/health", timeout=10).status_code == 200
            time.sleep(0.5)
        assert alive(pid), "stopped while it was still being talked to"
        deadline = time.monotonic() + 20
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(pid), "still running 20 s after its last request, its parent gone"
        assert "nothing asked them for 2 s: stopping" in log.read_text()
    finally:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def test_a_runner_whose_parent_lives_is_not_stopped_by_idleness():
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    command = [sys.executable, "-m", "keyform.simulators", "vault", "--name", "vault-kept", "--port", "0", "--http",
               "--quiet", "--stop-when-orphaned", "1"]
    with started(command, stdout=subprocess.PIPE, text=True, env=env) as process:
        assert any(line.strip() == "ready" for line in process.stdout)
        time.sleep(3.5)  # idle for longer than the linger, with its parent (this test) alive
        assert process.poll() is None
        process.terminate()
        assert process.wait(timeout=10) == 0


def test_injected_errors_are_transient_for_each_request():
    # error_rate 1.0: every request would fail; one method and path fails at most ERRORS_IN_A_ROW times in a row,
    # so a client's retries outlast it, while other requests keep failing on their own count
    from keyform.simulators.common.faults import ERRORS_IN_A_ROW, Faults

    faults = Faults(error_rate=1.0)
    drawn = [faults.draw("GET /a") for _ in range(ERRORS_IN_A_ROW + 1)]
    assert [d is not None for d in drawn] == [True] * ERRORS_IN_A_ROW + [False]
    assert all(d[0] in (500, 503) for d in drawn[:-1])
    assert faults.draw("POST /a") is not None  # another request: its own count
    assert faults.draw("GET /a") is not None  # served once: the count starts again
