"""``keyform apply-plan``: exactly the saved plan is applied, a stale one never, checked before anything is applied.

Real Terraform on stacks of built-in ``terraform_data`` objects (see :mod:`tests.plan_report.tf_stacks`); the
end-to-end test with cdktf and the simulators is ``test_apply_plan_e2e.py``.
"""

from __future__ import annotations

import secrets
import stat
import sys

from tests.plan_report.tf_stacks import TERRAFORM, Stacks, keyform, needs_terraform
from tests.processes import signalled_at

pytestmark = needs_terraform


def test_applies_exactly_the_saved_plan_and_streams_progress(tmp_path):
    stacks = Stacks(tmp_path)
    stacks.declare("a", x="one")
    stacks.deploy("a")
    stacks.declare("a", x="two", y="new")
    stacks.plan("a")
    result = keyform("apply-plan", "a", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "a  Apply complete! Resources: 1 added, 1 changed, 0 destroyed." in result.stdout.splitlines()
    assert "apply-plan: stack a: applying its saved plan (cdktf.out/stacks/a/plan, planned against state serial" \
        in result.stderr
    assert result.stderr.splitlines()[-1] == "apply-plan: applied the reviewed plan(s) of a"
    assert stacks.inputs("a") == {"x": "two", "y": "new"}
    stacks.terraform("a", "plan", "-detailed-exitcode")  # exit 0: nothing left to do

    again = keyform("apply-plan", "a", cwd=tmp_path)  # the plan is spent: the state moved on when it was applied
    assert again.returncode == 4, again.stderr
    assert "the saved plan of stack 'a' (cdktf.out/stacks/a/plan) is stale" in again.stderr


def test_a_stale_plan_is_refused_before_any_stack_is_applied(tmp_path):
    stacks = Stacks(tmp_path)
    for name in ("a", "b"):
        stacks.declare(name, x=name)
        stacks.plan(name)
    stacks.deploy("b")  # b's state moves on after its plan was made
    before = stacks.state("b")
    result = keyform("apply-plan", "a", "b", cwd=tmp_path)
    assert result.returncode == 4, result.stderr
    assert "the saved plan of stack 'b' (cdktf.out/stacks/b/plan) is stale" in result.stderr
    assert "make it again with `cdktf diff b`" in result.stderr
    assert "refused: stale plan(s) of b; nothing applied; exit 4" in result.stderr
    assert "stack 'a'" not in result.stderr
    assert stacks.state("a") == {}  # a's plan was fresh, yet nothing was applied
    assert stacks.state("b") == before
    assert "Apply complete" not in result.stdout


def test_terraforms_own_stale_refusal_is_exit_4(tmp_path):
    """A deploy that lands between apply-plan's check and its apply: Terraform refuses the plan itself."""
    stacks = Stacks(tmp_path)
    stacks.declare("a", x="one")
    stacks.deploy("a")
    stacks.declare("a", x="two")
    stacks.plan("a")
    racer = tmp_path / "terraform-with-a-race"
    racer.write_text(f"""#!/bin/sh
if [ "$1" = apply ] && [ "$4" = plan ]; then
  "{TERRAFORM}" apply -auto-approve -input=false -no-color -replace=terraform_data.x >/dev/null || exit 99
fi
exec "{TERRAFORM}" "$@"
""")
    racer.chmod(racer.stat().st_mode | stat.S_IEXEC)
    result = keyform("apply-plan", "a", "--terraform", str(racer), cwd=tmp_path)
    assert result.returncode == 4, result.stdout + result.stderr
    assert "a  Error: Saved plan is stale" in result.stdout.splitlines()
    assert ("refused by Terraform: the saved plan of stack 'a' is stale (its state changed after the check, e.g. by "
            "a deploy running at the same time); make it again with `cdktf diff a` and review it; exit 4"
            in result.stderr)


def test_a_fresh_copy_holding_only_the_artifact_is_initialised_and_applied(tmp_path):
    stacks = Stacks(tmp_path / "plan-job")
    stacks.declare("a", x="one")
    stacks.plan("a")
    restored = stacks.artifact("a", tmp_path / "deploy-job")
    result = keyform("apply-plan", "--stacks-dir", str(restored), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (restored / "a" / ".terraform").is_dir()
    assert stacks.inputs("a") == {"x": "one"}  # the state the plan job planned on (the backend is shared)


def test_a_configuration_changed_after_the_plan_is_refused(tmp_path):
    stacks = Stacks(tmp_path)
    stacks.declare("a", x="one")
    stacks.plan("a")
    stacks.declare("a", x="other")  # e.g. synthesized again from other code
    result = keyform("apply-plan", "a", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert ("cdktf.out/stacks/a/cdk.tf.json is not the configuration the saved plan of stack a was made from"
            in result.stderr)
    assert "`cdktf diff a`" in result.stderr and result.stderr.rstrip().endswith("nothing applied")
    assert stacks.state("a") == {}


def test_missing_plans_and_stacks_are_errors_with_the_fix(tmp_path):
    stacks = Stacks(tmp_path)
    stacks.declare("a", x="one")
    stacks.declare("b", x="two")
    stacks.plan("b")
    result = keyform("apply-plan", "a", "b", cwd=tmp_path)
    assert result.returncode == 1
    assert ("apply-plan: error: cdktf.out/stacks/a/plan: no saved plan for stack 'a'; make it with `cdktf diff a`"
            in result.stderr)
    assert "nothing applied" in result.stderr and stacks.state("b") == {}
    result = keyform("apply-plan", cwd=tmp_path)  # every stack: a has no plan
    assert result.returncode == 1 and "no saved plan for stack(s) a" in result.stderr
    result = keyform("apply-plan", "site", cwd=tmp_path)
    assert result.returncode == 1 and "no such stack directory (stacks found: a, b)" in result.stderr
    result = keyform("apply-plan", "--stacks-dir", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 1 and "no such directory" in result.stderr
    assert keyform("apply-plan", "--no-such-option", cwd=tmp_path).returncode == 2


def test_secrets_of_the_environment_never_reach_the_output(tmp_path):
    """A secret given as TF_VAR_ and output unmarked by mistake: Terraform prints it, apply-plan blanks it."""
    stacks = Stacks(tmp_path)
    password = "pw-" + secrets.token_urlsafe(16)
    stacks.declare("a", extra={"variable": {"password": {"type": "string"}},
                               "output": {"leak": {"value": "${var.password}"}}}, x="one")
    stacks.env["TF_VAR_password"] = password
    stacks.plan("a")
    result = keyform("apply-plan", "a", cwd=tmp_path, env=stacks.env)
    assert result.returncode == 0, result.stderr
    assert 'a  leak = "•••"' in result.stdout.splitlines()
    assert password not in result.stdout + result.stderr
    assert stacks.state("a")["outputs"]["leak"]["value"] == password  # the output is real: Terraform printed it


def test_a_failed_apply_stops_the_run_and_names_what_was_not_applied(tmp_path):
    """Stack a was planned without its ephemeral secret, the deploy sets it: Terraform refuses; b is not applied."""
    stacks = Stacks(tmp_path)
    token = "tok-" + secrets.token_urlsafe(16)
    stacks.declare("a", extra={"variable": {"token": {"type": "string", "ephemeral": True, "sensitive": True,
                                                      "default": ""}}}, x="one")
    stacks.declare("b", x="two")
    stacks.plan("a")
    stacks.plan("b")
    result = keyform("apply-plan", "a", "b", cwd=tmp_path, env={**stacks.env, "TF_VAR_token": token})
    assert result.returncode == 1, result.stderr
    assert "a  Error: Ephemeral variable was not set during planning" in result.stdout.splitlines()
    assert ("apply-plan: error: `terraform apply plan` failed for stack 'a' (exit 1; its output is above); set the "
            "same TF_VAR_* secrets as when the plan was made") in result.stderr
    assert result.stderr.rstrip().endswith("; not applied: b")
    assert stacks.state("a").get("resources", []) == [] and stacks.state("b") == {}
    assert token not in result.stdout + result.stderr


HELD_TERRAFORM = """#!{python}
import signal, subprocess, sys, time
ended = subprocess.run([{terraform!r}, *sys.argv[1:]]).returncode
if sys.argv[1] == "apply":
    signal.signal(signal.SIGINT, lambda *_: sys.exit(ended))
    print("held: terraform ended", flush=True)
    time.sleep(120)  # until apply-plan passes an interrupt on (bounded: never left behind)
sys.exit(ended)
"""


def test_an_interrupt_between_stacks_applies_no_further_stack(tmp_path):
    """SIGTERM (a cancelled deploy job) as stack a's apply ends: a is applied whole, b is not started.

    Terraform is run through a wrapper that, once Terraform has applied stack a and exited, waits for the
    interrupt apply-plan passes on: the signal lands between a's end and b's start every time, not by timing."""
    held = tmp_path / "held-terraform"
    held.write_text(HELD_TERRAFORM.format(python=sys.executable, terraform=TERRAFORM))
    held.chmod(held.stat().st_mode | stat.S_IXUSR)
    stacks = Stacks(tmp_path)
    for name in ("a", "b"):
        stacks.declare(name, x=name)
        stacks.plan(name)
    ended = signalled_at([sys.executable, "-m", "keyform", "apply-plan", "--terraform", str(held), "a", "b"],
                         lambda line: line.startswith("a  held: terraform ended"), 120, cwd=tmp_path,
                         env=stacks.env)
    assert ended.returncode == 130, ended.stdout + ended.stderr
    assert "a  Apply complete! Resources: 1 added, 0 changed, 0 destroyed." in ended.stdout.splitlines()
    assert "apply-plan: stack a: applied" in ended.stderr.splitlines()
    assert ended.stderr.rstrip().endswith("apply-plan: interrupted (SIGTERM) before stack 'b': not applied: b; "
                                          "applied before: a; exit 130")
    assert stacks.inputs("a") == {"x": "a"} and stacks.state("b") == {}
