"""VSP One Object KMIP servers end to end: three servers, the primary moved by promote_server (no delete),
a server promoted by hand shows in the diff and is demoted again, a secondary removed, drift repaired, an offline
server refused as primary, destroy (scenarios 3, 5 and 6; issue 12: role drift is visible)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.harness import KmipListener, Vsp, closed_port, unique

pytestmark = pytest.mark.e2e


@pytest.fixture
def listeners():
    """``listeners(n)``: n loopback KMIP listeners, closed when the test ends."""
    opened = []

    def _open(count: int) -> list:
        new = [KmipListener() for _ in range(count)]
        opened.extend(new)
        return new

    yield _open
    for listener in opened:
        listener.close()


def declared(primary: str, ports: dict) -> dict:
    return {"primary": primary,
            "servers": [{"name": name, "host": "127.0.0.1", "port": port} for name, port in ports.items()]}


def test_vsp_kmip_servers_promote_drift_offline_and_destroy(simulator, project, listeners):
    password = unique("vsp-admin")
    sim = simulator("vsp", name="vsp-e2e", password=password)
    vsp = Vsp(sim)
    assert vsp.servers() == {}
    a, b, c = listeners(3)
    ports = {"kms-a": a.port, "kms-b": b.port, "kms-c": c.port}
    proj = project({"E2E_VSP_URL": vsp.base, "KEYFORM_VSP_PASSWORD": password})

    # 1. three servers, kms-a primary, all online
    proj.declare(vsp=declared("kms-a", ports))
    deploy = proj.deploy("vsp")
    assert "Apply complete! Resources: 4 added, 0 changed, 0 destroyed." in deploy.output, deploy.tail()
    held = vsp.servers()
    assert {n: (s["port"], s["isPrimary"], s["isOnline"]) for n, s in held.items()} == {
        "kms-a": (a.port, True, True), "kms-b": (b.port, False, True), "kms-c": (c.port, False, True)}
    uuids = {n: s["uuid"] for n, s in held.items()}

    # 2. the primary moves to kms-b: the diff plans promote_server, in place; nothing is deleted
    proj.declare(vsp=declared("kms-b", ports))
    plan = proj.plan_text("vsp")
    assert "Plan: 0 to add, 1 to change, 0 to destroy." in plan, plan[-3000:]
    # the plan names the operation by its construct path; that operation is the promote_server call
    assert "(kmip/promote) will be updated in-place" in plan and 'name = "kms-a" -> "kms-b"' in plan, plan[-3000:]
    [promotion] = proj.resources("vsp", "rest_operation").values()
    assert promotion["path"] == "/v1/kmip/promote_server"
    deploy = proj.deploy("vsp")
    assert "0 added, 1 changed, 0 destroyed" in deploy.output, deploy.tail()
    held = vsp.servers()
    assert vsp.primary() == "kms-b"
    assert {n: s["uuid"] for n, s in held.items()} == uuids

    # 2b. another server promoted outside the stack: the diff shows the promotion that restores the declared
    #     primary (its read-back no longer holds), the deploy makes it, and the diff is clean again
    vsp.call("promote_server", {"name": "kms-c"})
    plan = proj.plan_text("vsp")
    assert "Plan: 1 to add, 0 to change, 1 to destroy." in plan, plan[-3000:]
    assert "(kmip/promote) must be replaced" in plan, plan[-3000:]
    assert re.search(r"in_effect\s+= false -> \(known after apply\) # forces replacement", plan), plan[-3000:]
    deploy = proj.deploy("vsp")
    assert "1 added, 0 changed, 1 destroyed" in deploy.output, deploy.tail()
    assert vsp.primary() == "kms-b"
    proj.assert_no_changes("vsp")

    # 3. drift: a port changed on the appliance and a secondary deleted there show in the diff; the deploy repairs
    drifted_port = closed_port()
    vsp.call("update_server", {"uuid": uuids["kms-c"], "port": drifted_port})
    vsp.call("delete_server", {"name": "kms-a"})
    plan = proj.plan_text("vsp")
    assert "Plan: 1 to add, 1 to change, 0 to destroy." in plan, plan[-3000:]
    assert re.search(rf"port\s+= {drifted_port} -> {c.port}", plan), plan[-3000:]
    assert "(kmip/kmip_server_kms_a) will be created" in plan, plan[-3000:]
    deploy = proj.deploy("vsp")
    assert "1 added, 1 changed, 0 destroyed" in deploy.output, deploy.tail()
    held = vsp.servers()
    assert held["kms-c"]["port"] == c.port and held["kms-c"]["uuid"] == uuids["kms-c"]
    assert held["kms-a"]["port"] == a.port and not held["kms-a"]["isPrimary"]
    assert vsp.primary() == "kms-b"
    uuids["kms-a"] = held["kms-a"]["uuid"]

    # 4. a secondary removed from the declaration is deleted
    del ports["kms-c"]
    proj.declare(vsp=declared("kms-b", ports))
    deploy = proj.deploy("vsp")
    assert "0 added, 0 changed, 1 destroyed" in deploy.output, deploy.tail()
    assert set(vsp.servers()) == {"kms-a", "kms-b"}

    # 5. promoting a server whose port is closed is refused at plan, naming the server; the primary stays
    #    (cdktf 0.21's deploy does not print a refused plan: the reason is read from the diff)
    a.close()
    proj.declare(vsp=declared("kms-a", ports))
    refused = proj.cdktf("diff", "vsp", "--skip-provider-lock", ok=False)
    assert "KMIP server kms-a is offline: VSP One Object cannot promote it" in refused.flat, refused.tail()
    proj.deploy("vsp", ok=False)
    assert vsp.primary() == "kms-b"

    # 6. destroy (declared as the appliance is): no server is left; the appliance deletes a primary only when
    #    it is the last server, so an empty appliance means the primary went last
    proj.declare(vsp=declared("kms-b", ports))
    proj.destroy("vsp")
    assert vsp.servers() == {}
    proj.assert_secrets_absent({"VSP admin password": password})
