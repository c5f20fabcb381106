"""The pipeline's two users end to end: the repository's ONTAP stack (``stacks/ontap_stack.py``) planned by a
read-only user, its saved plan applied by the deploy's user with ``keyform apply-plan``.

With ``KEYFORM_ONTAP_USERNAME`` set at synth, no username is synthesized or saved in the plan: the provider reads
the variable whenever Terraform runs. So the plan job's user (role ``readonly``) makes the plan, the appliance
refuses that user's deploy (403), and the same kind of saved plan applies as the deploy job's user. Every output
is scanned for the run's passwords.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys

import pytest

from keyform import toolchain
from keyform.simulators.ontap import READONLY_CREDENTIALS
from tests.conftest import CA_CERT_FILE
from tests.e2e.harness import Ontap
from tests.plan_report.scenario_project import ScenarioProject, toolchain_problem

pytestmark = pytest.mark.e2e
STACK = "ontap"
MAIN = """\
from keyform.constructs import synth
from keyform.cdk import App
from stacks.ontap_stack import OntapStack

app = App()
OntapStack(app, "ontap")
synth(app)
"""


def apply_plan(project: ScenarioProject) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "keyform", "apply-plan", STACK], cwd=project.root,
                            env=project.environment(), capture_output=True, text=True, timeout=600)
    project.log.append((("apply-plan", STACK), result.stdout + result.stderr))
    return result


def test_a_read_only_plan_is_applied_as_the_deploy_user(simulator, kmip_servers, tmp_path):
    problem = toolchain_problem()
    if problem:
        pytest.skip(problem)
    admin_password, kmip_password = "ontap-" + secrets.token_urlsafe(12), "kmip-" + secrets.token_urlsafe(12)
    sim = simulator("ontap", name="ontap-users", password=admin_password)
    ontap = Ontap(sim)
    first, second = kmip_servers(2)  # the cluster connects to both primaries it adds
    project = ScenarioProject(tmp_path / "project", {}, [])
    (project.root / "main.py").write_text(MAIN)
    readonly = {"KEYFORM_ONTAP_USERNAME": READONLY_CREDENTIALS["username"],
                "KEYFORM_ONTAP_PASSWORD": READONLY_CREDENTIALS["password"]}
    deployer = {"KEYFORM_ONTAP_USERNAME": "admin", "KEYFORM_ONTAP_PASSWORD": admin_password}
    project.env = {
        "KEYFORM_STATE_BACKEND": "local", "KEYFORM_ONTAP_BASE_URL": sim.url + "/api",
        "KEYFORM_CA_CERT_FILE": CA_CERT_FILE, "KEYFORM_KMIP_HOST": "127.0.0.1",
        "KEYFORM_KMIP_PORT_1": str(first.port), "KEYFORM_KMIP_PORT_2": str(second.port),
        "KEYFORM_KMIP_PORT_3": "9", "TF_VAR_kmip_password": kmip_password, **readonly}

    # 1. the plan job: synthesized without a username, planned by the read-only user
    project.diff(STACK)
    synthesized = json.loads((project.stacks_dir / STACK / "cdk.tf.json").read_text())
    [block] = synthesized["provider"]["rest"]
    assert "username" not in block and block["env_prefix"] == "KEYFORM_ONTAP_"
    saved = toolchain.run([toolchain.terraform(), "show", "-json", "-no-color", "plan"], project.stacks_dir / STACK,
                          project.environment(), timeout=300, separate_stderr=True)
    assert saved.returncode == 0, saved.errors
    assert "keyform-ro" not in saved.output and '"username"' not in json.dumps(
        json.loads(saved.output)["configuration"]["provider_config"])

    # 2. that user cannot deploy: the appliance refuses the first write, nothing is created
    refused = apply_plan(project)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    output = " ".join((refused.stdout + refused.stderr).split())  # Terraform wraps its error details
    assert "403" in output and "not authorized for that command" in output, output[-3000:]
    assert ontap.key_managers() == []

    # 3. the deploy job: the read-only user's saved plan, applied as the deploy's user
    project.diff(STACK)
    project.env.update(deployer)
    applied = apply_plan(project)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert "ontap  Apply complete! Resources: 3 added, 0 changed, 0 destroyed." in applied.stdout.splitlines()
    [manager] = ontap.key_managers()
    assert set(ontap.key_servers(manager["uuid"])) == {first.address, second.address}

    project.env.update(readonly)  # the next plan, read-only again: nothing left to do
    assert "No changes" in project.cdktf("diff", STACK, "--skip-provider-lock")
    passwords = {"admin password": admin_password, "read-only password": READONLY_CREDENTIALS["password"],
                 "KMIP password": kmip_password}
    for what, output in project.log:
        for name, secret in passwords.items():
            assert secret not in output, f"{' '.join(what)} shows the {name}"
