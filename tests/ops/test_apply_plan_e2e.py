"""``keyform apply-plan`` end to end: real ``cdktf diff`` plans of the ONTAP stack against the ONTAP simulator.

One run, three steps on the same appliance: the reviewed plan is applied exactly (the appliance and the state hold
what the plan said, ``cdktf diff`` finds nothing left); an old plan artifact, after someone deployed, is refused
with exit 4 and the appliance is left untouched; a plan artifact copied into a fresh directory tree (plan,
cdk.tf.json, .terraform.lock.hcl only: the deploy job) is initialised and applied. Every output is scanned for
the run's secrets.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from keyform import toolchain
from tests.conftest import CA_CERT_FILE
from tests.e2e.harness import Ontap
from tests.plan_report.scenario_project import ScenarioProject, toolchain_problem
from tests.plan_report.tf_stacks import ARTIFACT
from tests.processes import signalled_at

pytestmark = pytest.mark.e2e
STACK = "ontap"


def apply_plan(project: ScenarioProject, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "keyform", "apply-plan", *args], cwd=cwd or project.root,
                            env=project.environment(), capture_output=True, text=True, timeout=600)
    project.log.append((("apply-plan", *args), result.stdout + result.stderr))
    return result


def artifact(project: ScenarioProject, to: Path) -> Path:
    """The stack's plan artifact alone in a new directory tree; its stacks directory."""
    target = to / "cdktf.out" / "stacks" / STACK
    target.mkdir(parents=True)
    for name in ARTIFACT:
        shutil.copyfile(project.stacks_dir / STACK / name, target / name)
    return to / "cdktf.out" / "stacks"


def terraform_json(project: ScenarioProject, *args: str, stack_dir: Path | None = None) -> dict:
    result = toolchain.run([toolchain.terraform(), "show", "-json", "-no-color", *args],
                           stack_dir or project.stacks_dir / STACK, project.environment(), timeout=300,
                           separate_stderr=True)
    assert result.returncode == 0, result.errors
    return json.loads(result.output)


def values(module: dict) -> dict:
    return {r["address"]: r.get("values", {}) for r in module.get("resources", [])}


def assert_state_holds_the_plan(project: ScenarioProject, planned: dict) -> None:
    """Every value the plan knew is the state's value now, for every object the plan leaves in place."""
    state = values(terraform_json(project)["values"]["root_module"])
    assert set(state) == set(planned), (sorted(state), sorted(planned))
    for address, attributes in planned.items():
        for name, value in attributes.items():
            assert state[address][name] == value, f"{address}.{name}: planned {value!r}, state {state[address][name]!r}"


@dataclass
class Scenario:
    """The ONTAP stack's project against one ONTAP simulator and one KMIP server."""

    project: ScenarioProject
    sim: Any
    ontap: Ontap
    server: str  # the KMIP server's address, as declared
    secrets: dict  # name -> value, never in any output

    def declare(self, *secondaries: str) -> None:
        self.project.declare(key_servers={self.server: list(secondaries)}, vsp_primary="kms-a", dr_primary="dr-west")

    def secondaries_held(self) -> list:
        [manager] = self.ontap.key_managers()
        return self.ontap.key_servers(manager["uuid"])[self.server]["secondary_key_servers"]

    def assert_state_knows_the_appliance(self, if_empty: str) -> None:
        """Nothing is on the appliance that the stack's state does not know (and something is: else ``if_empty``)."""
        state = json.loads(self.project.state(STACK) or "{}")
        ids = {instance["attributes"].get("id") for resource in state.get("resources", [])
               for instance in resource.get("instances", [])}
        managers = self.ontap.key_managers()
        assert managers, if_empty
        for manager in managers:
            assert manager["uuid"] in ids, f"key manager {manager['uuid']} is on the appliance but not in the state"
            for server in self.ontap.key_servers(manager["uuid"]):
                assert server in ids, f"key server {server} is on the appliance but not in the state"

    def assert_no_secret_shown(self) -> None:
        for what, output in self.project.log:
            for name, secret in self.secrets.items():
                assert secret not in output, f"{' '.join(what)} shows the {name}"


@pytest.fixture
def scenario(simulator, kmip_servers, tmp_path) -> Scenario:
    problem = toolchain_problem()
    if problem:
        pytest.skip(problem)
    password, kmip_password = "ontap-" + secrets.token_urlsafe(12), "kmip-" + secrets.token_urlsafe(12)
    sim = simulator("ontap", name="ontap-east", password=password)
    kms = kmip_servers(1)[0]
    unused = "https://127.0.0.1:{}"  # the other stacks of the app are synthesized, never planned here
    urls = {"ontap-east": sim.url + "/api", "vsp-west": unused.format(9) + "/mapi",
            "dr-west": unused.format(10) + "/v1", "dr-east": unused.format(11) + "/v1"}
    project = ScenarioProject(tmp_path / "project", urls, [kms.port, 9, 9], env={
        "KEYFORM_ONTAP_EAST_PASSWORD": password, "TF_VAR_kmip_password": kmip_password,
        "KEYFORM_ONTAP_EAST_CA_CERT_FILE": CA_CERT_FILE})
    return Scenario(project, sim, Ontap(sim), f"127.0.0.1:{kms.port}",
                    {"ONTAP password": password, "KMIP password": kmip_password})


def test_apply_plan_applies_the_reviewed_plan_and_refuses_a_stale_one(scenario, tmp_path):
    project, declare, secondaries_held = scenario.project, scenario.declare, scenario.secondaries_held
    # 1. the reviewed plan, applied in the project: the appliance and the state hold what it said
    declare("10.0.0.6", "10.0.0.7")
    project.diff(STACK)
    planned = values(terraform_json(project, "plan")["planned_values"]["root_module"])
    result = apply_plan(project, STACK)
    assert result.returncode == 0, result.stderr
    assert "ontap  Apply complete! Resources: 2 added, 0 changed, 0 destroyed." in result.stdout.splitlines()
    assert secondaries_held() == ["10.0.0.6", "10.0.0.7"]
    assert_state_holds_the_plan(project, planned)
    assert "No changes" in project.cdktf("diff", STACK, "--skip-provider-lock")

    # 2. an old artifact after someone deployed: refused (exit 4), the appliance untouched
    declare("10.0.0.6")
    project.diff(STACK)
    old = artifact(project, tmp_path / "old-artifact")
    declare("10.0.0.6", "10.0.0.7", "10.0.0.8")
    project.deploy(STACK)
    state = project.state(STACK)
    result = apply_plan(project, "--stacks-dir", str(old), STACK, cwd=tmp_path)
    assert result.returncode == 4, result.stdout + result.stderr
    assert f"the saved plan of stack '{STACK}' ({old / STACK / 'plan'}) is stale" in result.stderr
    assert f"make it again with `cdktf diff {STACK}`" in result.stderr and "nothing applied" in result.stderr
    assert "Apply complete" not in result.stdout
    assert secondaries_held() == ["10.0.0.6", "10.0.0.7", "10.0.0.8"]
    assert project.state(STACK) == state

    # 3. the deploy job: a fresh tree holding only the artifact, initialised and applied
    declare("10.0.0.6")
    project.diff(STACK)
    planned = values(terraform_json(project, "plan")["planned_values"]["root_module"])
    fresh = artifact(project, tmp_path / "deploy-job")
    result = apply_plan(project, "--stacks-dir", str(fresh), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ontap  Apply complete! Resources: 0 added, 1 changed, 0 destroyed." in result.stdout.splitlines()
    assert (fresh / STACK / ".terraform").is_dir()
    assert secondaries_held() == ["10.0.0.6"]
    assert_state_holds_the_plan(project, planned)
    assert "No changes" in project.cdktf("diff", STACK, "--skip-provider-lock")

    scenario.assert_no_secret_shown()


LATENCY_MS = 3000  # every answer of the appliance this late: the apply is under way when the job is cancelled


def test_a_cancelled_deploy_lets_terraform_finish_what_is_under_way(scenario):
    """A deploy job cancelled mid-apply (SIGTERM to apply-plan): Terraform is told once to stop, so the create under
    way ends and is in the state; everything on the appliance is in the state; a new plan applies the rest."""
    project = scenario.project
    scenario.declare("10.0.0.6")
    project.diff(STACK)
    scenario.sim.settings.faults.update({"latency_ms": LATENCY_MS})
    ended = signalled_at([sys.executable, "-m", "keyform", "apply-plan", STACK], lambda line: "Creating..." in line,
                         300, cwd=project.root, env=project.environment())
    stdout, stderr = ended.stdout, ended.stderr
    project.log.append((("apply-plan", STACK), stdout + stderr))
    assert ended.returncode == 130, stdout + stderr
    assert (f"interrupted (SIGTERM) while stack '{STACK}' was applied: Terraform finished the operations under way, "
            "saved the state and stopped") in stderr
    assert f"make a new one with `cdktf diff {STACK}`" in stderr
    assert "Apply complete" not in stdout

    scenario.assert_state_knows_the_appliance("the create under way was not carried out")

    # the next reviewed plan applies the rest
    scenario.sim.settings.faults.update({"latency_ms": 0})
    project.diff(STACK)
    result = apply_plan(project, STACK)
    assert result.returncode == 0, result.stdout + result.stderr
    assert scenario.secondaries_held() == ["10.0.0.6"]
    assert "No changes" in project.cdktf("diff", STACK, "--skip-provider-lock")
    scenario.assert_no_secret_shown()


def _terraform_applying(stack_dir: Path) -> list[int]:
    """Process ids of the Terraform applies running in ``stack_dir``."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            argv = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            cwd = os.readlink(f"/proc/{entry}/cwd")
        except OSError:
            continue
        if os.path.basename(argv[0]) == b"terraform" and b"apply" in argv and cwd == str(stack_dir):
            pids.append(int(entry))
    return pids


def test_a_killed_deploy_job_leaves_terraform_to_apply_the_plan_and_save_the_state(scenario):
    """apply-plan SIGKILLed mid-apply (nothing passed on to Terraform): Terraform is not killed by its next line of
    output to a reader that is gone, before saving what it made; it applies the reviewed plan to its end and saves
    the state. Nothing is on the appliance that the state does not know, and nothing is left to apply."""
    project = scenario.project
    scenario.declare("10.0.0.6", "10.0.0.7")
    project.diff(STACK)
    scenario.sim.settings.faults.update({"latency_ms": LATENCY_MS})
    ended = signalled_at([sys.executable, "-m", "keyform", "apply-plan", STACK], lambda line: "Creating..." in line,
                         60, sig=signal.SIGKILL, cwd=project.root, env=project.environment())
    project.log.append((("apply-plan", STACK), ended.stdout + ended.stderr))
    assert ended.returncode == -signal.SIGKILL
    scenario.sim.settings.faults.update({"latency_ms": 0})
    stack_dir = project.stacks_dir / STACK
    deadline = time.monotonic() + 120
    try:
        while _terraform_applying(stack_dir) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _terraform_applying(stack_dir), "Terraform did not finish the apply within 120 s"
    finally:
        for pid in _terraform_applying(stack_dir):
            os.kill(pid, signal.SIGKILL)

    scenario.assert_state_knows_the_appliance("the plan was not applied")
    assert scenario.secondaries_held() == ["10.0.0.6", "10.0.0.7"]
    assert "No changes" in project.cdktf("diff", STACK, "--skip-provider-lock")
    scenario.assert_no_secret_shown()
