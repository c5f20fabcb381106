"""What every simulator's HTTP server does, whatever the system: keep-alive, and a clean stop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.processes import started


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
