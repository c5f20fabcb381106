"""Plan review end to end: real plans made by ``cdktf diff`` against the simulators, one scenario
after the other on the same appliances, and the report of each checked line by line.

Scenarios: a first deploy, a secondary change (an ONTAP key server loses a secondary), a VSP
promotion, a destroy and a DR failover. The first three are deployed; the destroy and the
failover are planned only (the destroy plan is made on the deployed state, before the failover).
Each report is scanned for every secret of the run: appliance credentials, the KMIP password, the DR operation
token, the DR activation tokens (which the destroy plan's JSON does hold) and the unseal keys.

Set ``KEYFORM_PLAN_REPORT_SAMPLES=<dir>`` to keep the reports (docs/plan-report.md shows them).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
from pathlib import Path

import pytest

from keyform.ops import dr_token
from keyform.simulators.kmip.server import start_kmip_server
from keyform.simulators.vault import unseal_keys
from tests.conftest import CA_CERT_FILE, SESSION_CA
from tests.plan_report.scenario_project import STACKS, ScenarioProject, toolchain_problem

pytestmark = pytest.mark.e2e

def kms1(project: ScenarioProject) -> str:
    """ONTAP's first primary key server: the first KMIP server (the cluster connects to each primary it adds)."""
    return f"127.0.0.1:{project.kmip_ports[0]}"


def kms2(project: ScenarioProject) -> str:
    return f"localhost:{project.kmip_ports[1]}"


def first(project: ScenarioProject) -> dict:
    return {kms1(project): ["10.0.0.6", "10.0.0.7"], kms2(project): []}


def secondary_lost(project: ScenarioProject) -> dict:
    return {kms1(project): ["10.0.0.6"], kms2(project): []}


@pytest.fixture
def kmip_ports():
    """Three real KMIP servers (certificates of the session's run CA): VSP promotes only an online server, ONTAP adds
    only a key server it can reach over KMIP."""
    servers = [start_kmip_server(SESSION_CA) for _ in range(3)]
    yield [server.port for server in servers]
    for server in servers:
        server.stop()


def section(text: str, title: str) -> list[str]:
    """The list items under the ``### <title>`` heading."""
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("### "):
            inside = title in line
        elif inside and line.startswith("- "):
            out.append(line)
    return out


class Run:
    """The secrets of the run and the reports made so far."""

    def __init__(self, project: ScenarioProject, secret_values: dict):
        self.project = project
        self.secrets = secret_values
        samples = os.environ.get("KEYFORM_PLAN_REPORT_SAMPLES")
        self.samples = Path(os.environ["KEYFORM_PLAN_REPORT_SAMPLES"]) if samples else None

    def activation_tokens(self) -> list[str]:
        state = json.loads(self.project.state("vault-dr") or "{}")
        return [token for resource in state.get("resources", []) for instance in resource.get("instances", [])
                for token in ((instance.get("attributes") or {}).get("sensitive_output_values") or {}).values()]

    def report(self, scenario: str, *stacks: str) -> tuple[int, str]:
        code, text, stderr = self.project.report(*stacks)
        assert text and "error" not in stderr.lower(), f"{scenario}: exit {code}: {stderr}"
        activation = {f"activation-{i}": t for i, t in enumerate(self.activation_tokens())}
        for name, value in {**self.secrets, **activation}.items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                assert v not in text, f"{scenario}: the report shows the secret {name}"
                assert v not in stderr, f"{scenario}: stderr shows the secret {name}"
        if self.samples:
            self.samples.mkdir(parents=True, exist_ok=True)
            (self.samples / f"{scenario}.md").write_text(text, encoding="utf-8")
        return code, text


def test_plan_review_scenarios(simulator, tmp_path, kmip_ports):
    problem = toolchain_problem()
    if problem:
        pytest.skip(problem)
    secret_values = {
        "ontap password": "ontap-" + secrets.token_urlsafe(12),
        "vsp password": "vsp-" + secrets.token_urlsafe(12),
        "dr-west token": "hvs.west-" + secrets.token_urlsafe(12),
        "dr-east token": "hvs.east-" + secrets.token_urlsafe(12),
        "kmip password": "kmip-" + secrets.token_urlsafe(12),
    }
    ontap = simulator("ontap", name="ontap-east", password=secret_values["ontap password"])
    vsp = simulator("vsp", name="vsp-west", password=secret_values["vsp password"])
    west = simulator("vault", name="dr-west", token=secret_values["dr-west token"])
    east = simulator("vault", name="dr-east", token=secret_values["dr-east token"])
    urls = {"ontap-east": ontap.url + "/api", "vsp-west": vsp.url + "/mapi", "dr-west": west.url + "/v1",
            "dr-east": east.url + "/v1"}
    secret_values["unseal keys"] = list(unseal_keys(west.settings)["keys_base64"])
    project = ScenarioProject(tmp_path / "project", urls, kmip_ports, env={
        "KEYFORM_ONTAP_EAST_PASSWORD": secret_values["ontap password"],
        "KEYFORM_VSP_WEST_PASSWORD": secret_values["vsp password"],
        "KEYFORM_DR_WEST_TOKEN": secret_values["dr-west token"],
        "KEYFORM_DR_EAST_TOKEN": secret_values["dr-east token"],
        "TF_VAR_kmip_password": secret_values["kmip password"],
        # the simulators' HTTPS: each provider trusts the session's run CA (<env_prefix>CA_CERT_FILE)
        **{f"KEYFORM_{name}_CA_CERT_FILE": CA_CERT_FILE for name in ("ONTAP_EAST", "VSP_WEST", "DR_WEST", "DR_EAST")},
    })
    run = Run(project, secret_values)

    first_deploy(run, urls)
    secondary_change(run)
    vsp_promotion(run, urls)
    destroy(run, west, urls)  # a plan only: the state stays as deployed
    dr_failover(run, west, east, urls)


def first_deploy(run: Run, urls: dict) -> None:
    """Everything is new: the DR secondary's wipe is flagged, the rest is plain additions."""
    project = run.project
    project.declare(key_servers=first(project), vsp_primary="kms-a", dr_primary="dr-west")
    project.diff(*STACKS)
    code, text = run.report("first-deploy")
    lines = text.splitlines()
    assert code == 3, text
    assert section(text, "Dangerous operations") == [
        "- **Vault cluster `dr-east` is DEMOTED (DR primary demote)** — runs only if `dr-east` is a DR primary when "
        "applied · stack `vault-dr`, Vault `dr-east`",
        "- **Vault cluster `dr-west` is PROMOTED to DR primary** — runs only if `dr-west` is a DR secondary when "
        "applied · stack `vault-dr`, Vault `dr-west`",
        "- **Vault cluster `dr-east` will be WIPED (DR secondary enable) — refused if it holds data of its own** — "
        "runs only if DR replication is disabled on `dr-east` and a new activation token was issued when applied · "
        "stack `vault-dr`, Vault `dr-east`",
    ]
    assert "| `ontap` | NetApp ONTAP `ontap-east` | 3 | 0 | 0 | 0 | 0 |" in lines
    assert "| `vsp` | VSP One Object `vsp-west` | 4 | 0 | 0 | 0 | 0 |" in lines
    assert f"#### NetApp ONTAP `ontap-east` · `{urls['ontap-east']}`" in lines
    assert ("- key manager of SVM `svm1` is created (external; client certificate `kmip-client`; server CA `kmip-ca`)"
            in lines)
    assert (f"- primary key server `{kms1(project)}` is added to the key manager of SVM `svm1`: secondaries "
            "`10.0.0.6`, `10.0.0.7`; KMIP user `kmip` with a password (hidden)") in lines
    assert (f"- primary key server `{kms2(project)}` is added to the key manager of SVM `svm1`: no secondary"
            in lines)
    assert "- KMIP server `kms-a` is the primary (added first; promote_server confirms it)" in lines
    assert f"- KMIP server `kms-b` is added (`127.0.0.1:{project.kmip_ports[1]}`, KMIP `V1_4`, TLS 1.2 on)" in lines
    assert ("- `dr-west` becomes the DR **primary** (replication enabled) _(runs only if DR replication is disabled on "
            "`dr-west` when applied)_") in lines
    assert ("- `dr-west` issues an activation token for DR secondary `dr-east` (never shown) _(runs only if `dr-west` "
            "is a DR primary and `dr-east` is not yet a DR secondary of `dr-west` when applied)_") in lines
    assert ("- ⚠️ `dr-east` becomes a DR **secondary** of `dr-west`: its data is **wiped** and replaced by the "
            "primary's _(runs only if DR replication is disabled on `dr-east` and a new activation token was issued "
            "when applied)_") in lines
    assert ("- `dr-west` checks the DR operation token (merkle-check, which changes nothing) before anything is "
            "demoted "
            "_(runs only if `dr-west` is a DR secondary when applied)_") in lines
    project.deploy(*STACKS)
    # cdktf deploy applies without the saved plan: the plan of the diff is stale now, the report not current
    stale, text, stderr = project.report("vsp")
    assert stale == 4, stderr
    assert "> **Not current**: the saved plan of stack `vsp` is stale: the stack's state changed after the plan " \
           "was made." in text
    assert "current:" not in text and "> ⚠️ **Stale plan**: planned against no state (nothing deployed yet), but " \
           "the stack now has state serial" in text
    assert "the saved plan of stack 'vsp' (cdktf.out/stacks/vsp/plan) is stale" in stderr
    assert "make it again with `cdktf diff vsp`" in stderr


def secondary_change(run: Run) -> None:
    """A key server loses a secondary: a safe change (exit 0); an untouched stack says "No changes"."""
    project = run.project
    project.declare(key_servers=secondary_lost(project), vsp_primary="kms-a", dr_primary="dr-west")
    project.diff("ontap", "vsp")
    code, text = run.report("secondary-change", "ontap", "vsp")
    lines = text.splitlines()
    assert code == 0, text
    assert section(text, "Dangerous operations") == []
    assert "> No dangerous operation in this plan." in lines
    assert f"- key server `{kms1(project)}` loses its secondary `10.0.0.7`" in lines
    assert "| `ontap` | NetApp ONTAP `ontap-east` | 0 | 1 | 0 | 0 | 0 |" in lines
    assert "| `vsp` | — | no changes | | | | |" in lines
    for stack in ("ontap", "vsp"):  # both planned on the deployed state, which has not moved since
        state = json.loads(project.state(stack))
        assert (f"Planned against state serial {state['serial']} (lineage `{state['lineage']}`) — current: the "
                "stack's state has not changed since.") in lines
    assert text.count("No changes.") == 1
    project.deploy("ontap")


def vsp_promotion(run: Run, urls: dict) -> None:
    """Another KMIP server becomes primary: flagged, with the old and the new primary."""
    project = run.project
    project.declare(key_servers=secondary_lost(project), vsp_primary="kms-b", dr_primary="dr-west")
    project.diff("vsp")
    code, text = run.report("vsp-promotion", "vsp")
    lines = text.splitlines()
    assert code == 3, text
    assert section(text, "Dangerous operations") == [
        "- **KMIP server `kms-b` becomes primary on `vsp-west` (was `kms-a`)** · "
        "stack `vsp`, VSP One Object `vsp-west`"]
    assert f"#### VSP One Object `vsp-west` · `{urls['vsp-west']}`" in lines
    assert "- ⚠️ KMIP server `kms-b` **becomes primary** on `vsp-west` (was `kms-a`): promote_server" in lines
    assert "| `vsp` | VSP One Object `vsp-west` | 0 | 1 | 0 | 0 | **1** |" in lines
    project.deploy("vsp")


def dr_failover(run: Run, west, east, urls: dict) -> None:
    """dr-east becomes the primary: promote, demote, the old primary wiped as the new secondary, and the
    revocation of the old activation; all flagged with the live-status condition they run under."""
    project = run.project
    token = dr_token.generate(urls["dr-east"], unseal_keys(west.settings)["keys_base64"], ca_cert_file=CA_CERT_FILE)
    run.secrets["DR operation token"] = token
    project.env["TF_VAR_dr_operation_token"] = token
    project.declare(key_servers=secondary_lost(project), vsp_primary="kms-b", dr_primary="dr-east")
    project.diff("vault-dr")
    code, text = run.report("dr-failover", "vault-dr")
    lines = text.splitlines()
    assert code == 3, text
    assert section(text, "Dangerous operations") == [
        "- **Vault cluster `dr-west` is DEMOTED (DR primary demote)** — runs only if `dr-west` is a DR primary when "
        "applied · stack `vault-dr`, Vault `dr-west`",
        "- **Vault cluster `dr-east` is PROMOTED to DR primary** — runs only if `dr-east` is a DR secondary when "
        "applied · stack `vault-dr`, Vault `dr-east`",
        "- **Vault cluster `dr-west` will be WIPED (DR secondary enable) — refused if it holds data of its own** — "
        "runs only if DR replication is disabled on `dr-west` and a new activation token was issued when applied · "
        "stack `vault-dr`, Vault `dr-west`",
        "- **Vault cluster `dr-west` REVOKES DR secondary `dr-east`** — runs only if `dr-west` is a DR primary and "
        "`dr-east` no longer replicates from `dr-west` when applied · stack `vault-dr`, Vault `dr-west`",
    ]
    assert ("- `dr-west` is re-pointed to its DR primary `dr-east` (update-primary) _(runs only if `dr-west` is a DR "
            "secondary and a new activation token was issued when applied)_") in lines
    assert ("- `dr-east` becomes the DR **primary** (replication enabled) — runs again: the declared DR primary "
            "changes "
            "from `dr-west` to `dr-east`; it was the DR secondary enable step _(runs only if DR replication is "
            "disabled on `dr-east` when applied)_") in lines
    # removed steps without a destroy call are bookkeeping, found on their cluster through the plan file
    assert "- `dr-east`: the DR primary demote step is removed; it has no destroy call" in lines
    assert "- `dr-west`: the DR secondary promote step is removed; it has no destroy call" in lines
    assert "| `vault-dr` | Vault `dr-west` | 2 | 1 | 0 | 1 | **3** |" in lines


def destroy(run: Run, west, urls: dict) -> None:
    """A destroy plan of every stack: removals of the last key server, the last KMIP servers, the key
    manager and DR replication, all flagged; the activation token in the plan JSON never shows. Disabling
    the DR secondary takes the DR operation token: without one, that destroy is refused at plan."""
    project = run.project
    refused = project.destroy_plan("vault-dr", ok=False)
    assert "Refused: the destroy call POST /sys/replication/dr/secondary/disable needs a secret" in refused, refused
    assert "provider secret(s) dr_operation_token, which are empty here" in " ".join(refused.split())
    token = dr_token.generate(urls["dr-east"], unseal_keys(west.settings)["keys_base64"], ca_cert_file=CA_CERT_FILE)
    run.secrets["DR operation token (destroy)"] = token
    project.env["TF_VAR_dr_operation_token"] = token
    for stack in STACKS:
        project.destroy_plan(stack)
    shown = subprocess.run(["terraform", "show", "-json", "plan"], cwd=project.stacks_dir / "vault-dr",
                           env={**os.environ, **project.environment()}, capture_output=True, text=True, timeout=120)
    tokens = run.activation_tokens()
    assert tokens and any(t in shown.stdout for t in tokens), "the destroy plan JSON should hold the activation token"
    code, text = run.report("destroy")
    lines = text.splitlines()
    assert code == 3, text
    assert section(text, "Dangerous operations") == [
        f"- **primary key server `{kms1(run.project)}` is REMOVED from the key manager of SVM `svm1`; no key server "
        "is left** · stack `ontap`, NetApp ONTAP `ontap-east`",
        f"- **primary key server `{kms2(run.project)}` is REMOVED from the key manager of SVM `svm1`; no key server "
        "is left** · stack `ontap`, NetApp ONTAP `ontap-east`",
        "- **the key manager of SVM `svm1` is DELETED** · stack `ontap`, NetApp ONTAP `ontap-east`",
        "- **DR replication is DISABLED on `dr-east` (DR secondary disable)** — runs only if `dr-east` is a DR "
        "secondary when applied · stack `vault-dr`, Vault `dr-east`",
        "- **DR replication is DISABLED on `dr-west` (DR primary disable)** — runs only if `dr-west` is a DR primary "
        "when applied · stack `vault-dr`, Vault `dr-west`",
        "- **Vault cluster `dr-west` REVOKES DR secondary `dr-east`** — runs only if `dr-west` is a DR primary and "
        "`dr-east` no longer replicates from `dr-west` when applied · stack `vault-dr`, Vault `dr-west`",
        "- **KMIP server `kms-a` is REMOVED on `vsp-west`; no KMIP server is left** · "
        "stack `vsp`, VSP One Object `vsp-west`",
        "- **KMIP server `kms-c` is REMOVED on `vsp-west`; no KMIP server is left** · "
        "stack `vsp`, VSP One Object `vsp-west`",
        "- **the PRIMARY KMIP server `kms-b` is REMOVED on `vsp-west`; no KMIP server is left** · stack `vsp`, "
        "VSP One Object `vsp-west`",
    ]
    assert "- the declaration of the KMIP primary (`kms-b`) is removed; no call, `kms-b` stays primary" in lines
    assert "| `ontap` | NetApp ONTAP `ontap-east` | 0 | 0 | 0 | 3 | **3** |" in lines
