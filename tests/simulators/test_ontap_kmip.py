"""ONTAP simulator: adding key servers and (re)certifying an external key manager really connect to them — KMIP
Discover Versions over mutual TLS against real KMIP servers the tests start, each failure with the seeds' code."""

from __future__ import annotations

import socket
import time

import pytest
import requests
from cryptography import x509

from keyform.simulators.__main__ import build_settings, start
from keyform.simulators.common import Faults
from tests.conftest import SESSION_CA
from tests.simulators.test_ontap import Api, assert_error, create_external, external_body
from tests.simulators.test_ontap_paging import _run_until_ready

UNREACHABLE = ("66060341", "Failed to establish secure connection for a key management server due to network "
                           "configuration issues.")
UNTRUSTED = ("66060338", "Failed to establish secure connection for a key management server due to incorrect "
                         "server_ca certificates.")
REFUSED = ("66060339", "Failed to establish secure connection for a key management server due to incorrect "
                       "client certificates.")
NOT_KMIP = ("65536852", "Failed to query supported KMIP protocol versions.")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def servers_of(api, uuid: str) -> list[str]:
    return [r["server"] for r in api.get(f"/security/key-managers/{uuid}/key-servers").json()["records"]]


def wait_for_job(api, href: str) -> dict:
    for _ in range(100):
        job = api.session.get(api.server.url + href, timeout=5).json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.1)
    raise AssertionError("the job did not end")


def test_seeded_certificates_chain_to_the_run_ca(api):
    records = {r["name"]: r for r in api.get("/security/certificates", params={"fields": "*"}).json()["records"]}
    certs = {n: x509.load_pem_x509_certificate(r["public_certificate"].encode()) for n, r in records.items()}
    assert certs["kmip-ca"] == SESSION_CA.certificate
    for name in ("kmip-client", "kmip-client-renewed"):
        certs[name].verify_directly_issued_by(SESSION_CA.certificate)
        usage = certs[name].extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        assert x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH in usage
    certs["kmip-client-other"].verify_directly_issued_by(certs["kmip-ca-2"])
    assert certs["kmip-ca-2"] != SESSION_CA.certificate


def test_real_kmip_servers_are_accepted(api, kmip_servers):
    first, second, third = kmip_servers(3)
    uuid = create_external(api, servers=[{"server": first.address}])
    base = f"/security/key-managers/{uuid}/key-servers"
    assert api.post(base, json={"records": [{"server": second.address}, {"server": f"localhost:{third.port}"}]}) \
        .status_code == 201
    assert servers_of(api, uuid) == [first.address, second.address, f"localhost:{third.port}"]


def test_secondaries_are_not_contacted(api, kmip_servers):
    (server,) = kmip_servers(1)
    uuid = create_external(api)
    response = api.post(f"/security/key-managers/{uuid}/key-servers",
                        json={"server": server.address, "secondary_key_servers": [f"127.0.0.1:{closed_port()}"]})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("return_timeout", [None, 0])
def test_adding_an_unreachable_key_server_fails_with_66060341(api, kmip_servers, return_timeout):
    (good,) = kmip_servers(1)
    uuid = create_external(api)
    base = f"/security/key-managers/{uuid}/key-servers"
    body = {"records": [{"server": good.address}, {"server": f"127.0.0.1:{closed_port()}"}]}
    if return_timeout is None:
        assert_error(api.post(base, json=body), 400, *UNREACHABLE, target="server")
    else:
        job = api.post(base, params={"return_timeout": 0}, json=body).json()["job"]
        done = wait_for_job(api, job["_links"]["self"]["href"])
        assert (done["state"], str(done["code"]), done["message"]) == ("failure", *UNREACHABLE)
        assert done["error"] == {"code": UNREACHABLE[0], "message": UNREACHABLE[1]}
    assert_error(api.post(base, json={"server": "kms1.example.com"}), 400, *UNREACHABLE)  # does not resolve
    assert servers_of(api, uuid) == []


def test_a_key_server_the_server_ca_does_not_trust_fails_with_66060338(api, kmip_servers):
    (server,) = kmip_servers(1)
    body = external_body(servers=[{"server": server.address}])
    body["external"]["server_ca_certificates"] = [{"name": "kmip-ca-2"}]
    assert_error(api.post("/security/key-managers", json=body), 400, *UNTRUSTED, target="external.servers")
    uuid = create_external(api)
    assert api.patch(f"/security/key-managers/{uuid}",
                     json={"external": {"server_ca_certificates": [{"name": "kmip-ca-2"}]}}).status_code == 200
    assert_error(api.post(f"/security/key-managers/{uuid}/key-servers", json={"server": server.address}), 400,
                 *UNTRUSTED)
    assert servers_of(api, uuid) == []


def test_a_client_certificate_the_key_server_refuses_fails_with_66060339(api, kmip_servers):
    (server,) = kmip_servers(1)
    body = external_body(servers=[{"server": server.address}])
    body["external"]["client_certificate"] = {"name": "kmip-client-other"}
    assert_error(api.post("/security/key-managers", json=body), 400, *REFUSED, target="external.servers")
    assert api.get("/security/key-managers").json()["num_records"] == 0


def test_a_listener_that_is_not_kmip_fails_with_65536852(api):
    https = api.server.settings.port  # the simulator's own HTTPS port: TLS with a trusted certificate, no KMIP
    uuid = create_external(api)
    assert_error(api.post(f"/security/key-managers/{uuid}/key-servers", json={"server": f"127.0.0.1:{https}"}), 400,
                 *NOT_KMIP)
    assert servers_of(api, uuid) == []


def test_changing_certificates_reconnects_to_the_key_servers(api, kmip_servers):
    first, second = kmip_servers(2)
    uuid = create_external(api, servers=[{"server": first.address}, {"server": second.address}])
    path = f"/security/key-managers/{uuid}"
    assert_error(api.patch(path, json={"external": {"server_ca_certificates": [{"name": "kmip-ca-2"}]}}), 400,
                 *UNTRUSTED, target="external")
    both = {"server_ca_certificates": [{"name": "kmip-ca-2"}, {"name": "kmip-ca"}]}
    assert api.patch(path, json={"external": both}).status_code == 200
    assert api.patch(path, json={"external": {"client_certificate": {"name": "kmip-client-renewed"}}}) \
        .status_code == 200
    assert api.get(path).json()["external"]["client_certificate"]["name"] == "kmip-client-renewed"
    second.stop()  # PATCH's seed (004) has no 66060341: a server gone answers 65536852 there
    assert_error(api.patch(path, json={"external": {"server_ca_certificates": [{"name": "kmip-ca"}]}}), 400,
                 *NOT_KMIP)
    assert [c["name"] for c in api.get(path).json()["external"]["server_ca_certificates"]] == ["kmip-ca-2", "kmip-ca"]


def test_the_admin_switch_still_answers_first(api, kmip_servers):
    (server,) = kmip_servers(1)
    uuid = create_external(api)
    api.session.put(api.server.url + "/_admin/ontap", json={"kmip_failure": 66060340}, timeout=5).raise_for_status()
    assert_error(api.post(f"/security/key-managers/{uuid}/key-servers", json={"server": server.address}), 400,
                 "66060340", "Failed to establish secure connection for a key management server due to Cryptsoft "
                             "error.")


def test_probes_are_bounded_concurrent_and_outside_the_store_lock(api):
    uuid = create_external(api)
    silent = [socket.create_server(("127.0.0.1", 0)) for _ in range(3)]  # connect, then no TLS ever: times out
    try:
        body = {"records": [{"server": f"127.0.0.1:{s.getsockname()[1]}"} for s in silent]}
        started = time.monotonic()
        job = api.post(f"/security/key-managers/{uuid}/key-servers", params={"return_timeout": 0}, json=body)
        href = job.json()["job"]["_links"]["self"]["href"]
        time.sleep(0.8)  # the job waits 0.3 s, then probes for 2 s
        during = time.monotonic()
        assert api.get("/security/key-managers").status_code == 200
        # the probes do not hold the cluster: held, the read would wait for them (~1.5 s more)
        assert time.monotonic() - during < 1.0
        done = wait_for_job(api, href)
        assert (done["state"], str(done["code"])) == ("failure", UNREACHABLE[0])
        assert time.monotonic() - started < 4.5  # three 2 s probes at once
    finally:
        for listener in silent:
            listener.close()


def test_a_cluster_without_the_run_ca_has_its_own_and_takes_the_run_ca_on_restart(simulator, tmp_path, kmip_servers):
    state = str(tmp_path / "ontap.json")
    settings = build_settings("ontap", "ontap-own-ca", 0, state, Faults())
    settings.tls, settings.ca = False, None
    own = start("ontap", settings)
    try:
        before = Api(own).get("/security/certificates", params={"fields": "*"}).json()["records"]
    finally:
        own.stop()
    own_ca = next(r for r in before if r["name"] == "kmip-ca")
    assert own_ca["ca"] == own_ca["common_name"] == "KMIP Test CA"  # self-signed, this cluster's own

    again = Api(simulator("ontap", name="ontap-run-ca", state_path=state))
    after = {r["name"]: r for r in again.get("/security/certificates", params={"fields": "*"}).json()["records"]}
    assert {r["name"]: r["uuid"] for r in before} == {n: r["uuid"] for n, r in after.items()}
    assert x509.load_pem_x509_certificate(after["kmip-ca"]["public_certificate"].encode()) == SESSION_CA.certificate
    (server,) = kmip_servers(1)
    create_external(again, servers=[{"server": server.address}])


@pytest.mark.parametrize("transport", [[], ["--http"]], ids=["https", "http"])
def test_the_runners_ontap_adds_the_runners_kmip_servers(tmp_path, transport):
    """``python -m keyform.simulators all``: ONTAP and the KMIP servers share the run's CA, as in-process; with
    ``--http`` too (the API is plain HTTP, the KMIP servers still speak TLS with a CA ONTAP trusts)."""
    def check(endpoints):
        ontap = endpoints["ontap"]
        session = requests.Session()
        session.auth, session.trust_env = (ontap["username"], ontap["password"]), False  # trust the runner's CA
        session.verify = ontap.get("ca_cert_file") or True
        assert ontap["url"].startswith("http://" if transport else "https://")
        body = external_body(servers=[{"server": f"{endpoints[name]['host']}:{endpoints[name]['port']}"}
                                      for name in ("kmip-1", "kmip-2")])
        created = session.post(ontap["url"] + "/security/key-managers", json=body, timeout=10)
        assert created.status_code == 201, created.text
        other = external_body("svm2", servers=[{"server": f"127.0.0.1:{endpoints['kmip-3']['port']}"}])
        other["external"]["client_certificate"] = {"name": "kmip-client-other"}
        refused = session.post(ontap["url"] + "/security/key-managers", json=other, timeout=10)
        assert (refused.status_code, refused.json()["error"]["code"]) == (400, REFUSED[0])

    _run_until_ready(["all", "--port", "0", "--state-dir", str(tmp_path / "state"), *transport], tmp_path / "all.json",
                     check)
