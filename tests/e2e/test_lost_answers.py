"""Answers lost after the appliance committed, end to end (cdktf, Terraform, the provider, simulators): a loopback
proxy lets ONTAP and VSP One Object carry out a create, then resets the connection or withholds the answer past
the client's timeout; job polls answer 500 after the job was accepted. Every deploy ends with exactly the
declared objects on the appliance, each in Terraform's state once (no orphan, no duplicate), and a clean plan."""

from __future__ import annotations

import pytest

from tests.conftest import proxy_tls
from tests.e2e.harness import KmipListener, Ontap, Vsp, unique
from tests.faultproxy import FaultProxy

pytestmark = pytest.mark.e2e

KEY_MANAGERS = r"^/api/security/key-managers$"
KEY_SERVERS = r"^/api/security/key-managers/[^/]+/key-servers$"


@pytest.fixture
def proxied():
    """``proxied(sim)``: a fault proxy in front of a simulator, stopped when the test ends."""
    started = []

    def _start(sim) -> FaultProxy:
        proxy = FaultProxy(upstream_url=sim.url, **proxy_tls())
        started.append(proxy)
        return proxy

    yield _start
    for proxy in started:
        proxy.stop()


def fired(proxy: FaultProxy) -> list[tuple[str, str]]:
    return [(method, action) for method, _, action in proxy.rules_fired()]


def test_ontap_answers_lost_after_the_cluster_committed(simulator, project, proxied, kmip_servers):
    kms1, kms2, kms3 = (server.address for server in kmip_servers(3))  # the cluster connects to each it adds
    admin = unique("ontap-admin")
    sim = simulator("ontap", name="ontap-lost", password=admin)
    ontap, proxy = Ontap(sim), proxied(sim)
    proj = project({"E2E_ONTAP_URL": proxy.url + "/api", "KEYFORM_ONTAP_PASSWORD": admin,
                    "KEYFORM_ONTAP_TIMEOUT_SECONDS": "3", "TF_VAR_kmip_password": unique("kmip")})
    # the key manager is created, then the connection is reset; one key server's job is accepted and its
    # answer withheld until the client gives up; the other's accepted and the connection reset
    proxy.add_rule("POST", KEY_MANAGERS, "reset", times=1)
    proxy.add_rule("POST", KEY_SERVERS, "withhold", times=1)
    proxy.add_rule("POST", KEY_SERVERS, "reset", times=1)
    servers = [{"server": kms1, "secondaries": ["kms1-dr.example.com"]}, {"server": kms2}]
    proj.declare(ontap={"svm": "svm1", "key_servers": servers})
    deploy = proj.deploy("ontap")
    assert "Apply complete! Resources: 3 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    assert sorted(fired(proxy)) == [("POST", "reset"), ("POST", "reset"), ("POST", "withhold")]
    assert "An existing object was taken into state" in deploy.output, deploy.tail()

    [manager] = ontap.key_managers()
    state = proj.resources("ontap", "rest_object")
    assert sorted(a["id"] for a in state.values()) == sorted([manager["uuid"], kms1, kms2])
    assert set(ontap.key_servers(manager["uuid"])) == {kms1, kms2}
    posts = [target for method, target, _ in proxy.requests if method == "POST" and "key-managers?" not in target]
    assert sum(1 for t in posts if t.endswith("/security/key-managers")) == 1  # found, not created twice
    proj.assert_no_changes("ontap")

    # a job accepted, then every poll answers 500 for a while: polls are retried until the job's end is seen
    proxy.add_rule("GET", r"^/api/cluster/jobs/", "error", status=500, times=8)
    servers.append({"server": kms3})
    proj.declare(ontap={"svm": "svm1", "key_servers": servers})
    deploy = proj.deploy("ontap")
    assert "Apply complete! Resources: 1 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    assert fired(proxy).count(("GET", "error")) == 8
    assert set(ontap.key_servers(manager["uuid"])) == {kms1, kms2, kms3}
    proj.assert_no_changes("ontap")


def test_vsp_answers_lost_after_the_appliance_committed(simulator, project, proxied):
    password = unique("vsp-admin")
    sim = simulator("vsp", name="vsp-lost", password=password)
    vsp, proxy = Vsp(sim), proxied(sim)
    listeners = [KmipListener() for _ in range(3)]
    try:
        proj = project({"E2E_VSP_URL": proxy.url + "/mapi", "KEYFORM_VSP_PASSWORD": password,
                        "KEYFORM_VSP_TIMEOUT_SECONDS": "3"})
        proxy.add_rule("POST", r"^/mapi/v1/kmip/add_server$", "reset", times=1)
        proxy.add_rule("POST", r"^/mapi/v1/kmip/add_server$", "withhold", times=1)
        ports = {f"kms-{n}": listener.port for n, listener in zip("abc", listeners)}
        declared = {"primary": "kms-a",
                    "servers": [{"name": n, "host": "127.0.0.1", "port": p} for n, p in ports.items()]}
        proj.declare(vsp=declared)
        deploy = proj.deploy("vsp")
        assert "Apply complete! Resources: 4 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
        assert sorted(fired(proxy)) == [("POST", "reset"), ("POST", "withhold")]
        held = vsp.servers()
        assert {n: s["port"] for n, s in held.items()} == ports and vsp.primary() == "kms-a"
        state = proj.resources("vsp", "rest_object")
        assert sorted(a["id"] for a in state.values()) == sorted(s["uuid"] for s in held.values())
        proj.assert_no_changes("vsp")

        # the promotion's answer is lost: its read-back shows it took effect
        proxy.add_rule("POST", r"^/mapi/v1/kmip/promote_server$", "reset", times=1)
        proj.declare(vsp=dict(declared, primary="kms-b"))
        deploy = proj.deploy("vsp")
        assert "Apply complete!" in deploy.output, deploy.tail()
        assert ("POST", "reset") in fired(proxy)[2:]
        assert vsp.primary() == "kms-b"
        proj.assert_no_changes("vsp")
    finally:
        for listener in listeners:
            listener.close()
