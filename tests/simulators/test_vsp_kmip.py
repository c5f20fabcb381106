"""VSP One Object simulator: the /mapi/v1/kmip endpoints, their errors, isOnline (a real KMIP exchange with a
PyKMIP server) and persistence."""

from __future__ import annotations

import socket
import time

import pytest
import requests

from keyform.simulators.common.run_ca import RunCa
from keyform.simulators.common.tls import process_ca
from keyform.simulators.kmip.server import start_kmip_server
from keyform.simulators.vsp import reachability
from tests.simulators.test_vsp_auth import login

KMIP = "/mapi/v1/kmip/"
ENDPOINTS = ("list_servers", "get_server", "add_server", "update_server", "delete_server", "promote_server")
NOT_FOUND = "No matching existing KMIP configuration."
NOT_POST = "The specified HTTP method is not allowed. Please resend the request using the POST method."
TIMED_OUT = "Internal error - request timed out."
FIELDS = ["name", "host", "port", "isPrimary", "isTLS12Enabled", "kmipProtocol", "httpsCiphers", "isOnline", "uuid"]


@pytest.fixture
def vsp(simulator):
    return simulator("vsp")


def run_ca(running) -> RunCa:
    """The CA a simulator's certificates come from (the one VSP trusts KMIP servers by)."""
    return running.settings.ca or process_ca()


@pytest.fixture
def kmip_servers(vsp):
    """Start real KMIP servers with certificates from the VSP simulator's CA: ``kmip_servers()`` -> its port."""
    running = []

    def _start(ca: RunCa | None = None) -> int:
        started = start_kmip_server(ca or run_ca(vsp))
        running.append(started)
        return started.port

    yield _start
    for started in running:
        started.stop()


@pytest.fixture
def listener(kmip_servers):
    """A KMIP server VSP One Object trusts and is trusted by: online."""
    return kmip_servers()


@pytest.fixture
def closed_port():
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


class Api:
    def __init__(self, url: str):
        self.url = url
        self.session = login(url)

    def call(self, endpoint: str, body: dict | None = None) -> requests.Response:
        return self.session.post(self.url + KMIP + endpoint, json=body, timeout=10)

    def ok(self, endpoint: str, body: dict | None = None):
        response = self.call(endpoint, body)
        assert response.status_code == 200, response.text
        return response.json() if response.content else None

    def error(self, endpoint: str, body: dict | None, status: int) -> str:
        response = self.call(endpoint, body)
        assert response.status_code == status, response.text
        assert set(response.json()) == {"statusCode", "message"}
        assert response.json()["statusCode"] == status
        return response.json()["message"]


@pytest.fixture
def api(vsp):
    return Api(vsp.url)


def server(name: str, port: int, **fields) -> dict:
    return {"name": name, "host": "127.0.0.1", "port": port, **fields}


def test_add_server_returns_the_object_and_first_is_primary(api, listener, closed_port):
    first = api.ok("add_server", server("kms-a", listener, isTLS12Enabled=True, kmipProtocol="V2_0",
                                        httpsCiphers="TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256"))
    assert list(first) == FIELDS
    assert {k: v for k, v in first.items() if k != "uuid"} == {
        "name": "kms-a", "host": "127.0.0.1", "port": listener, "isPrimary": True, "isTLS12Enabled": True,
        "kmipProtocol": "V2_0", "httpsCiphers": "TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256", "isOnline": True}
    assert len(first["uuid"]) == 36
    second = api.ok("add_server", server("kms-b", closed_port))
    assert (second["isPrimary"], second["isOnline"]) == (False, False)
    assert second["uuid"] != first["uuid"]


def test_add_server_defaults(api, closed_port):
    created = api.ok("add_server", {"name": "kms", "host": "kms.example.test", "port": closed_port,
                                    "kmipProtocol": None, "isTLS12Enabled": None})
    assert created["kmipProtocol"] == "V1_4"
    assert created["isTLS12Enabled"] is True
    assert created["httpsCiphers"].split(",")[0] == "TLS_RSA_WITH_AES_128_CBC_SHA256"
    assert len(created["httpsCiphers"].split(",")) == 10
    no_port = api.ok("add_server", {"name": "kms2", "host": "127.0.0.1"})
    assert no_port["port"] == 5696


VALIDATION = [
    ({"host": "h"}, "name is required."),
    ({"name": "", "host": "h"}, "name is required."),
    ({"name": 7, "host": "h"}, "name must be a string."),
    ({"name": "x" * 64, "host": "h"}, "name must be at most 63 characters."),
    ({"name": "n"}, "host is required."),
    ({"name": "n", "host": " "}, "host is required and must be a hostname or IP address."),
    ({"name": "n", "host": "h", "port": 0}, "port must be an integer between 1 and 65535."),
    ({"name": "n", "host": "h", "port": 65536}, "port must be an integer between 1 and 65535."),
    ({"name": "n", "host": "h", "port": "5696"}, "port must be an integer between 1 and 65535."),
    ({"name": "n", "host": "h", "isTLS12Enabled": "yes"}, "isTLS12Enabled must be a boolean."),
    ({"name": "n", "host": "h", "kmipProtocol": "V9"},
     "Unexpected value 'V9' for kmipProtocol. Allowed values: V1_3, V1_4, V2_0, V2_1, V3_0."),
    ({"name": "n", "host": "h", "kmipProtocol": "1.4"},
     "Unexpected value '1.4' for kmipProtocol. Allowed values: V1_3, V1_4, V2_0, V2_1, V3_0."),
    ({"name": "n", "host": "h", "httpsCiphers": "A,,B"},
     "httpsCiphers must be a non-empty, comma-separated list of ciphers."),
]


def test_add_server_validation(api):
    for body, message in VALIDATION:
        assert api.error("add_server", body, 400) == message
    assert api.ok("list_servers") == {"servers": {}}
    response = api.session.post(api.url + KMIP + "add_server", data="[1]", timeout=5,
                                headers={"Content-Type": "application/json"})
    assert response.json() == {"statusCode": 400, "message": "The request body must be a JSON object."}


def test_add_server_name_limits(api, closed_port):
    assert api.ok("add_server", server("x" * 63, closed_port))["name"] == "x" * 63
    assert api.error("add_server", server("x" * 63, closed_port), 400) == (
        f"A KMIP server named '{'x' * 63}' already exists. name must be unique.")
    for protocol in ("V1_3", "V1_4", "V2_0", "V2_1", "V3_0"):
        assert api.ok("add_server", server(protocol, closed_port, kmipProtocol=protocol))["kmipProtocol"] == protocol


def test_list_and_get_server(api, listener, closed_port):
    assert api.ok("list_servers") == {"servers": {}}
    a = api.ok("add_server", server("kms-a", listener))
    b = api.ok("add_server", server("kms-b", closed_port))
    listed = api.ok("list_servers")
    assert listed == {"servers": {"kms-a": a, "kms-b": b}}
    assert api.ok("get_server", {"name": "kms-b"}) == b
    assert api.error("get_server", {"name": "kms-z"}, 404) == NOT_FOUND
    assert api.error("get_server", {}, 400) == "name is required."


def test_update_server_by_uuid_keeps_unsent_fields(api, listener, closed_port):
    created = api.ok("add_server", server("kms-a", closed_port, kmipProtocol="V1_3"))
    updated = api.ok("update_server", {"uuid": created["uuid"], "name": "kms-a", "port": listener,
                                       "host": None, "kmipProtocol": "V2_0"})
    assert updated == {**created, "port": listener, "kmipProtocol": "V2_0", "isOnline": True}
    renamed = api.ok("update_server", {"uuid": created["uuid"], "name": "kms-renamed"})
    assert (renamed["name"], renamed["uuid"], renamed["isPrimary"]) == ("kms-renamed", created["uuid"], True)
    assert api.error("get_server", {"name": "kms-a"}, 404) == NOT_FOUND
    assert api.ok("get_server", {"name": "kms-renamed"}) == renamed


def test_update_server_errors(api, closed_port):
    a = api.ok("add_server", server("kms-a", closed_port))
    api.ok("add_server", server("kms-b", closed_port))
    assert api.error("update_server", {"name": "kms-a", "port": 1}, 400) == "uuid is required."
    assert api.error("update_server", {"uuid": "00000000-0000-0000-0000-000000000000", "name": "kms-a"},
                     404) == NOT_FOUND
    assert api.error("update_server", {"uuid": a["uuid"], "name": "kms-b"}, 400) == (
        "A KMIP server named 'kms-b' already exists. name must be unique.")
    assert api.error("update_server", {"uuid": a["uuid"], "port": 70000}, 400) == (
        "port must be an integer between 1 and 65535.")
    assert api.error("update_server", {"uuid": a["uuid"], "kmipProtocol": "V4_0"}, 400) == (
        "Unexpected value 'V4_0' for kmipProtocol. Allowed values: V1_3, V1_4, V2_0, V2_1, V3_0.")
    assert api.ok("get_server", {"name": "kms-a"}) == a


def test_delete_server(api, closed_port):
    api.ok("add_server", server("kms-a", closed_port))
    api.ok("add_server", server("kms-b", closed_port))
    response = api.call("delete_server", {"name": "kms-b"})
    assert (response.status_code, response.content) == (200, b"")
    assert list(api.ok("list_servers")["servers"]) == ["kms-a"]
    assert api.error("delete_server", {"name": "kms-b"}, 404) == NOT_FOUND
    assert api.error("delete_server", {}, 400) == "name is required."


def test_delete_primary_is_refused_while_secondaries_exist(api, closed_port):
    api.ok("add_server", server("kms-a", closed_port))
    api.ok("add_server", server("kms-b", closed_port))
    assert api.error("delete_server", {"name": "kms-a"}, 400) == (
        "Cannot delete the primary KMIP server. Promote another KMIP server to primary first.")
    assert api.ok("get_server", {"name": "kms-a"})["isPrimary"] is True
    api.ok("delete_server", {"name": "kms-b"})
    api.ok("delete_server", {"name": "kms-a"})  # the last server may go
    assert api.ok("list_servers") == {"servers": {}}
    assert api.ok("add_server", server("kms-c", closed_port))["isPrimary"] is True


def test_promote_moves_the_primary(api, listener, closed_port):
    api.ok("add_server", server("kms-a", closed_port))
    api.ok("add_server", server("kms-b", listener))
    promoted = api.ok("promote_server", {"name": "kms-b"})
    assert (promoted["name"], promoted["isPrimary"], promoted["isOnline"]) == ("kms-b", True, True)
    servers = api.ok("list_servers")["servers"]
    assert {name: s["isPrimary"] for name, s in servers.items()} == {"kms-a": False, "kms-b": True}
    # Promoting the current primary changes nothing (the Ansible module reports changed=false).
    assert api.ok("promote_server", {"name": "kms-b"}) == promoted
    # The old primary is now a secondary and may be deleted.
    api.ok("delete_server", {"name": "kms-a"})


def test_promote_errors(api, listener, closed_port):
    api.ok("add_server", server("kms-a", listener))
    api.ok("add_server", server("kms-off", closed_port))
    assert api.error("promote_server", {"name": "kms-off"}, 400) == "Cannot promote offline KMIP server."
    assert api.error("promote_server", {"name": "kms-z"}, 404) == NOT_FOUND
    assert api.error("promote_server", {}, 400) == "name is required."
    assert api.ok("get_server", {"name": "kms-a"})["isPrimary"] is True


def test_other_methods_are_405(api):
    for endpoint in ENDPOINTS:
        for method in ("GET", "PUT", "DELETE", "PATCH", "OPTIONS"):
            response = api.session.request(method, api.url + KMIP + endpoint, timeout=5)
            assert response.status_code == 405, (method, endpoint)
            assert response.json() == {"statusCode": 405, "message": NOT_POST}
            assert response.headers["Allow"] == "POST"


def test_is_online_follows_the_kmip_server(api, vsp):
    kmip = start_kmip_server(run_ca(vsp))
    try:
        assert api.ok("add_server", server("kms", kmip.port))["isOnline"] is True
    finally:
        kmip.stop()
    assert api.ok("get_server", {"name": "kms"})["isOnline"] is False


def test_is_online_is_reachability_whatever_the_kmip_version(api, listener):
    """A KMIP answer is enough: PyKMIP speaks 1.0 to 2.0, a server declared V3_0 is online too."""
    for protocol in ("V1_3", "V1_4", "V2_0", "V2_1", "V3_0"):
        assert api.ok("add_server", server(protocol, listener, kmipProtocol=protocol))["isOnline"] is True, protocol


def test_tls12_disabled_is_offline_with_a_tls12_only_server(api, listener):
    assert api.ok("add_server", server("kms", listener, isTLS12Enabled=False))["isOnline"] is False
    assert api.ok("add_server", server("kms-12", listener, isTLS12Enabled=True))["isOnline"] is True


def test_a_port_that_is_not_kmip_is_offline(api, vsp):
    with socket.create_server(("127.0.0.1", 0)) as tcp_only:  # accepts TCP, never speaks TLS or KMIP
        assert api.ok("add_server", server("kms", tcp_only.getsockname()[1]))["isOnline"] is False
    # The simulator's own HTTPS port: TLS with a certificate VSP trusts, but no KMIP.
    assert api.ok("add_server", server("vsp-itself", vsp.settings.port))["isOnline"] is False


def test_a_kmip_server_of_another_ca_is_offline(api, kmip_servers):
    assert api.ok("add_server", server("kms", kmip_servers(RunCa.generate())))["isOnline"] is False


def test_promote_refuses_a_server_that_is_not_a_trusted_kmip_peer(api, listener, kmip_servers):
    api.ok("add_server", server("kms-a", listener))
    api.ok("add_server", server("kms-foreign", kmip_servers(RunCa.generate())))
    with socket.create_server(("127.0.0.1", 0)) as tcp_only:
        api.ok("add_server", server("kms-tcp", tcp_only.getsockname()[1]))
        api.ok("add_server", server("kms-tls13", listener, isTLS12Enabled=False))
        for name in ("kms-foreign", "kms-tcp", "kms-tls13"):
            assert api.error("promote_server", {"name": name}, 400) == "Cannot promote offline KMIP server."
    assert {n: s["isPrimary"] for n, s in api.ok("list_servers")["servers"].items()} == {
        "kms-a": True, "kms-foreign": False, "kms-tcp": False, "kms-tls13": False}


def test_list_probes_servers_concurrently(simulator, closed_port):
    api = Api(simulator("vsp", extra={"reachability_timeout": 0.3}).url)
    for i in range(8):
        api.ok("add_server", {"name": f"kms-{i}", "host": "192.0.2.1", "port": closed_port})  # TEST-NET: no answer
    response = api.call("list_servers")
    assert response.status_code == 200
    assert [s["isOnline"] for s in response.json()["servers"].values()] == [False] * 8
    assert response.elapsed.total_seconds() < 1.5  # 8 × 0.3 s timeouts would take 2.4 s one by one


def test_reachability_past_its_deadline_is_a_504(simulator, monkeypatch, closed_port):
    api = Api(simulator("vsp", extra={"reachability_deadline": 0.2}).url)
    api.ok("add_server", server("kms", closed_port))
    monkeypatch.setattr(reachability, "_probe", lambda server, ca, client, timeout: time.sleep(1) or False)
    assert api.error("list_servers", None, 504) == TIMED_OUT


def test_restart_keeps_the_servers(simulator, tmp_path, listener, closed_port):
    state = str(tmp_path / "s.json")
    first = simulator("vsp", state_path=state)
    api = Api(first.url)
    a = api.ok("add_server", server("kms-a", closed_port))
    api.ok("add_server", server("kms-b", listener, kmipProtocol="V1_3"))
    b = api.ok("promote_server", {"name": "kms-b"})
    first.stop()
    again = Api(simulator("vsp", state_path=state).url)
    assert again.ok("list_servers") == {"servers": {"kms-a": {**a, "isPrimary": False}, "kms-b": b}}
    assert again.ok("add_server", server("kms-c", closed_port))["isPrimary"] is False
