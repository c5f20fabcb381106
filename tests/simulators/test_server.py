"""What every simulator's HTTP server does, whatever the system: keep-alive, and a clean stop."""

from __future__ import annotations

import pytest
import requests


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
