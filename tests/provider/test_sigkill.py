"""Terraform killed (SIGKILL) in the middle of 50 creates: some objects are on the appliance and not in the state
(the calls in flight, and whatever the state had not recorded yet). The next apply with the same configuration
finds each of them by its natural key and takes it into state: 50 objects, one per key, all in state, no
provider left running, and the plan after is clean. (Real terraform, the ONTAP simulator, 50 SVMs.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

from tests.provider.conftest import TERRAFORM, config

COUNT = 50
PASSWORD = "ontap-test-password"


def key_managers() -> str:
    return "".join(f"""
resource "rest_object" "km_{i}" {{
  path            = "/security/key-managers"
  data            = jsonencode({{ svm = {{ name = "svm{i}" }}, external = {{ client_certificate = {{ name = "kmip-client" }},
                                   server_ca_certificates = [{{ name = "kmip-ca" }}] }} }})
  api             = jsonencode({{
    id_attribute    = "uuid"
    force_new_keys  = ["svm", "scope", "onboard"]
    lookup_path     = "{{path}}?svm.name={{data.svm.name}}"
    lookup_selector = "records/0"
  }})
}}
""" for i in range(COUNT))  # noqa: E501 - the HCL as written


def providers_running(tmpdir) -> list[int]:
    """Provider processes started for this test (their socket folders live in its TMPDIR)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/environ", "rb") as handle:
                environ = handle.read()
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                cmdline = handle.read()
        except OSError:
            continue
        if f"TMPDIR={tmpdir}".encode() in environ and b"keyform.provider" in cmdline:
            found.append(int(pid))
    return found


def test_sigkill_during_50_creates_then_the_next_apply_converges(simulator, terraform):
    sim = simulator("ontap", name="ontap-kill", password=PASSWORD, extra={"svms": [f"svm{i}" for i in range(COUNT)]})
    sim.settings.faults.update({"latency_ms": 150})  # creates take a while: ten are in flight at any time
    store = sim.app.config["ONTAP_STORE"]
    tf = terraform()
    tf.write(config(sim.url + "/api", key_managers(), username="admin"))
    tf.init()
    env = {**tf.env, "KEYFORM_REST_PASSWORD": PASSWORD}
    apply = subprocess.Popen([TERRAFORM, "apply", "-auto-approve", "-input=false", "-no-color"], cwd=tf.dir, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(store.key_managers()) < 15 and apply.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(apply.pid, signal.SIGKILL)
    apply.wait(timeout=30)
    time.sleep(1.0)  # the calls in flight reach the appliance, the providers notice their parent is gone
    created = len(store.key_managers())
    recorded = sum(len(r["instances"]) for r in json.loads(tf.state_text() or '{"resources": []}')["resources"])
    assert 15 <= created < COUNT, created
    assert recorded < created, "the kill left objects the state does not know"
    assert providers_running(tf.env["TMPDIR"]) == [], "a provider outlived the killed terraform"

    sim.settings.faults.update({"latency_ms": 0})
    applied = tf.apply(env={"KEYFORM_REST_PASSWORD": PASSWORD})
    assert "Apply complete!" in applied.stdout, applied.output[-3000:]
    held = {m["svm_uuid"]: m["uuid"] for m in store.key_managers()}
    assert len(held) == len(store.key_managers()) == COUNT, "one key manager per SVM, none twice"
    state = json.loads(tf.state_text())
    ids = sorted(r["instances"][0]["attributes"]["id"] for r in state["resources"])
    assert ids == sorted(held.values()), "every key manager on the appliance is in the state: no orphan"
    assert "No changes." in tf.plan(env={"KEYFORM_REST_PASSWORD": PASSWORD}).stdout
