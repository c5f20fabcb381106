"""``keyform apply-plan`` end to end: real ``cdktf diff`` plans of the ONTAP stack against the ONTAP simulator.

One run, three steps on the same appliance: the reviewed plan is applied exactly (the appliance and the state hold
what the plan said, ``cdktf diff`` finds nothing left); an old plan artifact, after someone deployed, is refused
with exit 4 and the appliance is left untouched; a plan artifact copied into a fresh directory tree (plan,
cdk.tf.json, .terraform.lock.hcl only: the deploy job) is initialised and applied. Every output is scanned for
the run's secrets.
"""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from keyform import toolchain
from tests.conftest import CA_CERT_FILE
from tests.e2e.harness import Ontap
from tests.plan_report.scenario_project import ScenarioProject, toolchain_problem
from tests.plan_report.tf_stacks import ARTIFACT

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


def test_apply_plan_applies_the_reviewed_plan_and_refuses_a_stale_one(simulator, kmip_servers, tmp_path):
    problem = toolchain_problem()
    if problem:
        pytest.skip(problem)
    password, kmip_password = "ontap-" + secrets.token_urlsafe(12), "kmip-" + secrets.token_urlsafe(12)
    sim = simulator("ontap", name="ontap-east", password=password)
    ontap = Ontap(sim)
    kms = kmip_servers(1)[0]
    unused = "https://127.0.0.1:{}"  # the other stacks of the app are synthesized, never planned here
    urls = {"ontap-east": sim.url + "/api", "vsp-west": unused.format(9) + "/mapi",
            "dr-west": unused.format(10) + "/v1", "dr-east": unused.format(11) + "/v1"}
    project = ScenarioProject(tmp_path / "project", urls, [kms.port, 9, 9], env={
        "KEYFORM_ONTAP_EAST_PASSWORD": password, "TF_VAR_kmip_password": kmip_password,
        "KEYFORM_ONTAP_EAST_CA_CERT_FILE": CA_CERT_FILE})
    server = f"127.0.0.1:{kms.port}"

    def declare(*secondaries: str) -> None:
        project.declare(key_servers={server: list(secondaries)}, vsp_primary="kms-a", dr_primary="dr-west")

    def secondaries_held() -> list:
        [manager] = ontap.key_managers()
        return ontap.key_servers(manager["uuid"])[server]["secondary_key_servers"]

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

    for what, output in project.log:
        for name, secret in (("ONTAP password", password), ("KMIP password", kmip_password)):
            assert secret not in output, f"{' '.join(what)} shows the {name}"
