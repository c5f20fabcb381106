"""The two pipelines a user copies — this repository's `.github/workflows/keyform.yml` and the one `keyform init`
writes: valid GitHub workflows (SchemaStore's schema, vendored by check-jsonschema, so offline), and what the
README's "Running in a pipeline" promises of them. The gate's and the artifact's shell scripts run for real."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from keyform.main_job import STACKS as EXAMPLE_STACKS
from keyform.scaffold import files

REPO = Path(__file__).resolve().parents[2]
SCAFFOLD_STACKS = ("ontap", "vsp", "vault-dr")  # the stacks the scaffolded main.py builds
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def repository_workflow() -> str:
    return (REPO / ".github/workflows/keyform.yml").read_text()


def scaffold_workflow() -> str:
    return files()[".github/workflows/keyform.yml"]


WORKFLOWS = {"repository": repository_workflow, "scaffold": scaffold_workflow}
STACK_LISTS = {"repository": EXAMPLE_STACKS, "scaffold": SCAFFOLD_STACKS}


def parse(text: str) -> dict[str, Any]:
    data = YAML(typ="safe").load(text)
    assert isinstance(data, dict)
    return data


def referenced(node: Any, kind: str) -> set[str]:
    """The names ``kind`` (``secrets``, ``vars``) that the expressions anywhere under ``node`` read."""
    found: set[str] = set()
    if isinstance(node, dict):
        for value in node.values():
            found |= referenced(value, kind)
    elif isinstance(node, list):
        for value in node:
            found |= referenced(value, kind)
    elif isinstance(node, str):
        for expression in EXPRESSION.findall(node):
            found |= set(re.findall(rf"\b{kind}\.([A-Za-z0-9_]+)", expression))
    return found


def runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def uses(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


@pytest.fixture(params=sorted(WORKFLOWS))
def workflow(request) -> tuple[str, str]:
    return request.param, WORKFLOWS[request.param]()


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True, timeout=120)


def test_valid_against_the_github_workflow_schema(workflow, tmp_path):
    name, text = workflow
    (tmp_path / "keyform.yml").write_text(text)
    result = validate(tmp_path / "keyform.yml")
    assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
    # the same check refuses a workflow with a mistake a user could make: a job without `runs-on`
    broken = text.replace("    runs-on: ubuntu-latest\n", "", 1)
    (tmp_path / "broken.yml").write_text(broken)
    result = validate(tmp_path / "broken.yml")
    assert result.returncode == 1 and "runs-on" in result.stdout + result.stderr


def test_python_and_npm_dependencies_are_cached(workflow):
    name, text = workflow
    lockfiles = {"repository": {"requirements.lock", "pyproject.toml"}, "scaffold": {"requirements.txt"}}[name]
    jobs = parse(text)["jobs"]
    for job_name, job in jobs.items():
        for step in uses(job, "actions/setup-python"):
            assert step["with"]["cache"] == "pip", job_name
            assert set(step["with"]["cache-dependency-path"].split()) == lockfiles, job_name
        for step in uses(job, "actions/setup-node"):
            assert step["with"]["cache"] == "npm" and step["with"]["cache-dependency-path"] == "package-lock.json"
    assert all(uses(jobs[job], "actions/setup-python") and uses(jobs[job], "actions/setup-node")
               for job in ("plan", "deploy"))
    if name == "repository":  # the files the cache keys hash exist (the scaffold's: tests/scaffold/test_init.py)
        assert all((REPO / f).is_file() for f in [*lockfiles, "package-lock.json"])


def test_state_is_shared(workflow):
    _, text = workflow
    data = parse(text)
    assert data["env"]["KEYFORM_STATE_BACKEND"] == "pg"
    for job in ("plan", "deploy"):
        assert data["jobs"][job]["env"]["PG_CONN_STR"] == "${{ secrets.PG_CONN_STR }}"


def test_the_plan_job_holds_no_write_credential_and_no_dr_token(workflow):
    _, text = workflow
    jobs = parse(text)["jobs"]
    plan, deploy = jobs["plan"], jobs["deploy"]
    plan_secrets, deploy_secrets = referenced(plan, "secrets"), referenced(deploy, "secrets")
    assert "TF_VAR_dr_operation_token" in deploy_secrets and "TF_VAR_dr_operation_token" not in plan_secrets
    assert "${{" not in plan["env"]["TF_VAR_dr_operation_token"]  # the stand-in an ephemeral input needs
    # shared with the deploy: only the state's connection and the KMIP password the plan compares
    assert plan_secrets & deploy_secrets == {"PG_CONN_STR", "TF_VAR_kmip_password"}
    for variable, value in plan["env"].items():
        if variable.endswith("_TOKEN") and variable.startswith("KEYFORM_"):  # Vault: a read-policy token
            assert value == "${{ secrets.%s }}" % variable.replace("_TOKEN", "_READONLY_TOKEN"), variable
        if variable.endswith(("_PASSWORD", "_USERNAME")) and variable.startswith("KEYFORM_"):  # ONTAP, VSP
            kind = "secrets" if variable.endswith("_PASSWORD") else "vars"
            plan_name = re.sub(r"_(PASSWORD|USERNAME)$", r"_PLAN_\1", variable)
            assert value == "${{ %s.%s }}" % (kind, plan_name), variable
    # the deploy applies the plans as its own users: each ONTAP/VSP password has its user beside it, and no plan
    # variable (read-only users) reaches the deploy
    passwords = [v for v in deploy["env"] if v.startswith("KEYFORM_") and v.endswith("_PASSWORD")]
    assert passwords and all(deploy["env"][v.replace("_PASSWORD", "_USERNAME")] == "${{ vars.%s }}"
                             % v.replace("_PASSWORD", "_USERNAME") for v in passwords)
    assert not {v for v in referenced(deploy, "vars") if "_PLAN_" in v}
    assert referenced(plan, "vars") & {v.replace("_PASSWORD", "_USERNAME") for v in passwords} == set()
    # write credentials on pull requests would come only from the environment; it is the review one there
    assert plan["environment"] == "${{ github.event_name == 'pull_request' && 'keyform-review' || 'keyform-plan' }}"
    assert all(referenced(job, "secrets") <= {"PG_CONN_STR"} | plan_secrets
               for name, job in jobs.items() if name != "deploy")


def test_the_deploy_applies_the_reviewed_artifact_in_a_protected_environment(workflow):
    _, text = workflow
    data = parse(text)
    plan, deploy = data["jobs"]["plan"], data["jobs"]["deploy"]
    assert deploy["environment"] == "production"
    assert deploy["if"] == "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert deploy["needs"] == "gate"
    assert deploy["concurrency"]["group"] == "keyform-deploy" and deploy["concurrency"]["cancel-in-progress"] is False
    assert data["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    [upload] = uses(plan, "actions/upload-artifact")
    [download] = uses(deploy, "actions/download-artifact")
    assert upload["with"]["name"] == download["with"]["name"] == "keyform-plan"
    assert upload["with"]["include-hidden-files"] is True  # .terraform.lock.hcl
    assert download["with"]["path"] == "."
    steps = deploy["steps"]
    apply = next(i for i, step in enumerate(steps) if "apply-plan" in step.get("run", ""))
    assert steps.index(download) < apply
    assert "apply-plan $STACKS --stacks-dir cdktf.out/stacks" in steps[apply]["run"]
    for forbidden in ("cdktf diff", "cdktf deploy", "terraform apply", "terraform plan", "plan-report"):
        assert forbidden not in runs(deploy), forbidden
    assert "cdktf diff" in runs(plan) and "plan-report $STACKS" in runs(plan)


def test_every_job_plans_and_applies_the_same_stacks(workflow):
    name, text = workflow
    data = parse(text)
    assert data["env"]["STACKS"].split() == list(STACK_LISTS[name])
    for job_name, job in data["jobs"].items():
        for script in [step["run"] for step in job["steps"] if "run" in step]:
            if re.search(r"cdktf diff|plan-report|apply-plan|cdktf\.out/stacks/", script):
                assert "$STACKS" in script and not any(f" {s} " in f" {script} " for s in STACK_LISTS[name]), \
                    (job_name, script)


def run_gate(workflow_text: str, plan: str, verdict: str, approval: str) -> subprocess.CompletedProcess[str]:
    gate = parse(workflow_text)["jobs"]["gate"]
    [step] = gate["steps"]
    return subprocess.run(["bash", "-e", "-c", step["run"]], capture_output=True, text=True, timeout=30,
                          env={"PATH": os.environ["PATH"], "PLAN": plan, "VERDICT": verdict, "APPROVAL": approval})


@pytest.mark.parametrize("plan, verdict, approval, opens", [
    ("success", "safe", "skipped", True),
    ("success", "dangerous", "success", True),
    ("success", "dangerous", "skipped", False),   # approval job never ran
    ("success", "dangerous", "failure", False),   # a reviewer rejected it
    ("failure", "", "skipped", False),            # the plan job failed: the approval job was skipped
    ("failure", "safe", "skipped", False),        # a safe report, then the upload of the plans failed
    ("failure", "dangerous", "success", False),   # approved, but the plans were not uploaded
    ("failure", "stale", "skipped", False),
    ("cancelled", "", "skipped", False),
    ("skipped", "", "skipped", False),
    ("success", "", "skipped", False),            # no verdict: never open
])
def test_the_gate_fails_closed(workflow, plan, verdict, approval, opens):
    _, text = workflow
    gate = parse(text)["jobs"]["gate"]
    assert gate["if"] == "always()" and set(gate["needs"]) == {"plan", "approval"}
    assert gate["steps"][0]["env"]["PLAN"] == "${{ needs.plan.result }}"
    assert parse(text)["jobs"]["approval"]["environment"] == "keyform-dangerous-change"
    result = run_gate(text, plan, verdict, approval)
    assert (result.returncode == 0) is opens, result.stdout + result.stderr
    if not opens:
        assert "::error::" in result.stdout


def test_the_artifact_holds_each_stacks_plan_config_and_lock_file(workflow, tmp_path):
    name, text = workflow
    plan = parse(text)["jobs"]["plan"]
    [gather] = [step["run"] for step in plan["steps"] if "reviewed/" in step.get("run", "")]
    stacks = STACK_LISTS[name]
    for stack in stacks:
        for file in ("plan", "cdk.tf.json", ".terraform.lock.hcl", "other.json"):
            (tmp_path / "cdktf.out/stacks" / stack / file).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "cdktf.out/stacks" / stack / file).write_text(f"{stack}/{file}")
    env = {"PATH": os.environ["PATH"], "STACKS": " ".join(stacks)}
    subprocess.run(["bash", "-e", "-c", gather], cwd=tmp_path, env=env, check=True, timeout=30)
    reviewed = tmp_path / "reviewed"
    kept = ("plan", "cdk.tf.json", ".terraform.lock.hcl")
    assert {p.relative_to(reviewed).as_posix() for p in reviewed.rglob("*") if p.is_file()} == {
        f"cdktf.out/stacks/{stack}/{file}" for stack in stacks for file in kept}
    (tmp_path / "cdktf.out/stacks" / stacks[0] / "plan").unlink()  # a stack whose plan is missing fails the job
    result = subprocess.run(["bash", "-e", "-c", gather], cwd=tmp_path, env=env, capture_output=True, timeout=30)
    assert result.returncode != 0 and b"plan" in result.stderr


def step_script(job: dict[str, Any], text: str) -> str:
    return next(step["run"] for step in job["steps"] if text in step.get("run", ""))


def checkout_without_plans(tmp_path: Path) -> dict[str, str]:
    """A directory where the steps' scripts run keyform for real, with no `cdktf diff` made yet."""
    (tmp_path / ".keyform").mkdir()
    (tmp_path / ".keyform/env.sh").write_text(f". {REPO / '.keyform/env.sh'}\n")  # what `make setup` writes
    return {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path),
            "GITHUB_OUTPUT": str(tmp_path / "output"), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary")}


def test_a_missing_plan_fails_the_plan_job_and_the_deploy(workflow, tmp_path):
    """The report and apply steps run the real `keyform plan-report` / `keyform apply-plan` (exit 1 here)."""
    name, text = workflow
    jobs = parse(text)["jobs"]
    env = {**checkout_without_plans(tmp_path), "STACKS": " ".join(STACK_LISTS[name])}
    report = subprocess.run(["bash", "-e", "-c", step_script(jobs["plan"], "plan-report")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert report.returncode != 0 and "plan-report: error:" in report.stderr
    assert (tmp_path / "output").read_text() == "verdict=error\n"  # the gate reads it: never open
    deploy = subprocess.run(["bash", "-e", "-c", step_script(jobs["deploy"], "apply-plan")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert deploy.returncode == 1 and "apply-plan: error:" in deploy.stderr and "nothing applied" in deploy.stderr
