"""The main job (``make run``) end to end on a copy of the example project: every stack deployed from empty,
the read-back summary, then a second run with nothing to do; no simulator left running (scenario 1)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys

import pytest

from tests.e2e.harness import DEFAULT_PORTS, REPO, run_process, tool_env, write_cdktf_json

pytestmark = pytest.mark.e2e

STACKS = ("ontap", "vsp", "vault-dr", "site")


def leftover_processes(marker: str) -> list[int]:
    found = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def endpoints_shown(output: str) -> dict:
    return dict(re.findall(r"^\s+(ontap|vsp|vault-[a-d]|site-vsp)\s+(https://\S+)$", output, re.M))


def kmip_ports_shown(output: str) -> dict:
    """The embedded KMIP servers' ports, as step 1 lists them (``kmip-1  kmip://127.0.0.1:PORT``)."""
    shown = re.findall(r"^\s+(kmip-[1-3])\s+kmip://127\.0\.0\.1:(\d+)$", output, re.M)
    return {name: int(port) for name, port in shown}


def section(output: str, step: int) -> str:
    """The lines of one announced step ``[n/5]``."""
    match = re.search(rf"^\[{step}/5\].*?(?=^\[{step + 1}/5\]|\Z)", output, re.M | re.S)
    assert match, f"step {step} is missing from:\n{output}"
    return match.group(0)


@pytest.fixture
def example_project(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copyfile(REPO / "main.py", project / "main.py")
    shutil.copytree(REPO / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    write_cdktf_json(project, bindings_here=True)
    run_dir = tmp_path / "run"
    yield project, run_dir
    pids = leftover_processes(str(run_dir))
    for pid in pids:  # started by this test's main job and left behind: end them, the test has failed already
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


def _objects_in_state(project, stack: str) -> int:
    """The managed resource instances in a stack's local state (0 without one)."""
    path = project / f"terraform.{stack}.tfstate"
    if not path.exists():
        return 0
    resources = json.loads(path.read_text())["resources"]
    return sum(len(r["instances"]) for r in resources if r["mode"] == "managed")


def main_job(project, run_dir, *flags: str, env: dict | None = None):
    command = [sys.executable, "-m", "keyform.main_job", "--free-ports", "--project-dir", str(project),
               "--run-dir", str(run_dir), *flags]
    return run_process(command, project.parent, {**tool_env(), **(env or {})}, timeout=600)


def test_main_job_deploys_every_stack_then_has_nothing_to_do(example_project):
    project, run_dir = example_project

    first = main_job(project, run_dir, "--fresh")
    assert first.returncode == 0, first.describe()
    assert not leftover_processes(str(run_dir)), "the simulators outlived the main job"
    endpoints = endpoints_shown(section(first.output, 1))
    assert set(endpoints) == {"ontap", "vsp", "vault-a", "vault-b", "site-vsp", "vault-c", "vault-d"}
    ca = run_dir / "sim-state" / "ca.pem"  # kept with the simulators' state: the second run trusts the same
    assert f"HTTPS certificates issued by the run's CA {ca} (trusted through KEYFORM_CA_CERT_FILE)" in first.output
    assert not [url for url in endpoints.values() if int(url.split(":")[2].split("/")[0]) in DEFAULT_PORTS]
    kmip = kmip_ports_shown(section(first.output, 1))  # real KMIP servers, on free ports too: the stacks use them
    assert set(kmip) == {"kmip-1", "kmip-2", "kmip-3"} and not set(kmip.values()) & {5696, 5697, 5698}
    k1, k2, k3 = kmip["kmip-1"], kmip["kmip-2"], kmip["kmip-3"]
    for stack in STACKS:
        applied = re.search(rf"{stack}\s+Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\.",
                            first.output)
        # cdktf's live view, which the main job shows, once left out a stack's "Apply complete!" when stacks
        # finished together (vsp, applied: its state, the summary and the diff all said so). The stack's state
        # must then hold objects, as many as its plan line said when there is one.
        planned = re.search(rf"{stack}\s+Plan: (\d+) to add, 0 to change, 0 to destroy\.", first.output)
        in_state = _objects_in_state(project, stack)
        assert applied or (in_state > 0 and (planned is None or in_state == int(planned.group(1)))), \
            f"{stack} was not applied:\n{first.tail()}"
    summary = section(first.output, 3)
    api = {name: url[: -len("/v1")] for name, url in endpoints.items() if name.startswith("vault")}
    expected = [
        r"ONTAP ontap \(.*\): 2 key manager\(s\)",
        r"key manager for SVM svm1 \(external\)",
        rf"primary key server 127\.0\.0\.1:{k1}  secondaries: kms1-dr\.example\.com, kms1-dr2\.example\.com",
        rf"primary key server 127\.0\.0\.1:{k2}  secondaries: none",
        r"key manager for SVM svm2 \(external\)",
        rf"primary key server 127\.0\.0\.1:{k3}  secondaries: kms-site-dr\.example\.com",
        r"VSP One Object vsp \(.*\): 3 KMIP server\(s\)",
        # every VSP KMIP server online: VSP One Object's KMIP exchange with the embedded KMIP servers succeeded
        rf"kms-a\s+PRIMARY\s+127\.0\.0\.1:{k1}\s+V2_0\s+online$",
        rf"kms-b\s+secondary\s+127\.0\.0\.1:{k2}\s+V2_0\s+online$",
        rf"kms-c\s+secondary\s+127\.0\.0\.1:{k3}\s+V1_4\s+online$",
        r"VSP One Object site-vsp \(.*\): 2 KMIP server\(s\)",
        rf"site-kms-1\s+PRIMARY\s+127\.0\.0\.1:{k1}\s+V1_4\s+online$",
        rf"site-kms-2\s+secondary\s+127\.0\.0\.1:{k2}\s+V1_4\s+online$",
        r"Vault vault-a \(.*\): DR primary, running; secondaries: vault-b \(connected\)",
        rf"Vault vault-b \(.*\): DR secondary, stream-wals; primary: {re.escape(api['vault-a'])}$",
        r"Vault vault-c \(.*\): DR primary, running; secondaries: vault-d \(connected\)",
        rf"Vault vault-d \(.*\): DR secondary, stream-wals; primary: {re.escape(api['vault-c'])}$",
    ]
    missing = [line for line in expected if not re.search(line, summary, re.M)]
    assert not missing, f"summary lines missing: {missing}\n{summary}"
    assert "could not read back" not in summary and "offline" not in summary
    for stack in STACKS:
        assert re.search(rf"^\s+{stack}\s+no changes$", section(first.output, 4), re.M), section(first.output, 4)

    # the same run again, state kept: nothing to add or change anywhere, same endpoints
    second = main_job(project, run_dir)
    assert second.returncode == 0, second.describe()
    assert not leftover_processes(str(run_dir)), "the simulators outlived the main job"
    assert endpoints_shown(section(second.output, 1)) == endpoints
    assert kmip_ports_shown(section(second.output, 1)) == kmip  # the same KMIP servers: the stacks are unchanged
    for stack in STACKS:
        assert re.search(rf"{stack}\s+No changes\. Your infrastructure matches the configuration\.", second.output), \
            f"{stack} planned changes:\n{second.tail()}"
        assert re.search(rf"{stack}\s+Apply complete! Resources: 0 added, 0 changed, 0 destroyed\.", second.output), \
            second.tail()
        assert re.search(rf"^\s+{stack}\s+no changes$", section(second.output, 4), re.M), section(second.output, 4)
    assert "Plan:" not in second.output
    assert section(second.output, 3).count("PRIMARY") == 2

    # the KMIP password the job generated is in no state file and was never shown
    password = json.loads((run_dir / "demo-secrets.json").read_text())["TF_VAR_kmip_password"]
    written = [p for p in project.rglob("*.tfstate*")] + list((project / "cdktf.out").rglob("*.json"))
    assert [p for p in written if password in p.read_text()] == []
    assert password not in first.output and password not in second.output

    # a failover declared without a DR operation token is refused at plan; the job says why, though cdktf's
    # deploy does not print a refused plan, and nothing changed on the clusters
    refused = main_job(project, run_dir, env={"KEYFORM_VAULT_DR_PRIMARY": "vault-b"})
    assert refused.returncode == 1, refused.describe()
    assert "error: the plan of vault-dr was refused; cdktf diff vault-dr says:" in refused.output, refused.tail()
    assert ("vault-b is a DR secondary: making it the primary (promote) needs the DR operation token"
            in " ".join(refused.output.split())), refused.tail()
    assert not leftover_processes(str(run_dir)), "the simulators outlived the main job"
    after = main_job(project, run_dir)
    assert after.returncode == 0 and "Plan:" not in after.output, after.describe()
