"""``keyform plan-report`` says which state each plan was made against and refuses to call a stale one current.

Real plans of real Terraform (built-in ``terraform_data`` objects, local backend; see :mod:`.tf_stacks`): the
state is read with ``terraform state pull``, as for any backend.
"""

from __future__ import annotations

from keyform.plan_report import EXIT_SAFE, EXIT_STALE
from tests.plan_report.tf_stacks import TERRAFORM, Stacks, keyform, needs_terraform

pytestmark = needs_terraform


def stack_lines(text: str, stack: str) -> list[str]:
    """The lines of the ``### Stack `<stack>``` section."""
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("### "):
            inside = line == f"### Stack `{stack}`"
        elif inside and line:
            out.append(line)
    return out


def test_fresh_plans_say_which_state_they_were_made_against(tmp_path):
    stacks = Stacks(tmp_path)
    stacks.declare("a", x="one")
    stacks.plan("a")
    result = keyform("plan-report", "a", cwd=tmp_path)
    assert result.returncode == EXIT_SAFE, result.stderr
    assert stack_lines(result.stdout, "a")[0] == ("Planned against no state (nothing deployed yet) — current: the "
                                                  "stack's state has not changed since.")
    assert "Not current" not in result.stdout and "stale" not in result.stdout.lower()

    stacks.deploy("a")
    stacks.declare("a", x="two")
    stacks.plan("a")
    state = stacks.state("a")
    result = keyform("plan-report", "a", cwd=tmp_path)
    assert result.returncode == EXIT_SAFE, result.stderr
    assert stack_lines(result.stdout, "a")[0] == (f"Planned against state serial {state['serial']} (lineage "
                                                  f"`{state['lineage']}`) — current: the stack's state has not "
                                                  "changed since.")


def test_a_stale_plan_exits_4_and_the_report_is_not_called_current(tmp_path):
    stacks = Stacks(tmp_path)
    for name in ("a", "b", "c"):
        stacks.declare(name, x=name)
        stacks.plan(name)
    stacks.deploy("b")  # applies without the saved plan: b's plan is stale now
    state = stacks.state("b")

    result = keyform("plan-report", cwd=tmp_path)  # every stack, loaded at once
    assert result.returncode == EXIT_STALE == 4, result.stderr
    text = result.stdout
    assert [line for line in text.splitlines() if line.startswith("### Stack")] == [
        "### Stack `a`", "### Stack `b`", "### Stack `c`"]
    assert text.splitlines()[3:5] == [
        "> [!WARNING]",
        "> **Not current**: the saved plan of stack `b` is stale: the stack's state changed after the plan was made. "
        "This report shows what that plan would have done, not what a deploy does now, and the plan cannot be "
        "applied. Make it again: `cdktf diff b`."]
    assert stack_lines(text, "b")[0] == (
        f"> ⚠️ **Stale plan**: planned against no state (nothing deployed yet), but the stack now has state serial "
        f"{state['serial']} (lineage `{state['lineage']}`); make it again with `cdktf diff b`.")
    assert "current:" not in " ".join(stack_lines(text, "b"))
    assert stack_lines(text, "a")[0].endswith("— current: the stack's state has not changed since.")
    assert ("plan-report: the saved plan of stack 'b' (cdktf.out/stacks/b/plan) is stale: it was planned against "
            "no state (nothing deployed yet), the stack now has state serial") in result.stderr
    assert "make it again with `cdktf diff b`" in result.stderr
    assert "stack 'a'" not in result.stderr and "stack 'c'" not in result.stderr
    assert "the report is not current (stale: b); exit 4" in result.stderr

    stacks.plan("b")  # made again: current
    assert keyform("plan-report", cwd=tmp_path).returncode == EXIT_SAFE


def test_a_plan_against_a_state_replaced_since_is_stale(tmp_path):
    """Same serial, other lineage (the state was deleted and made anew): stale."""
    stacks = Stacks(tmp_path)
    stacks.declare("a", x="one")
    stacks.plan("a")
    stacks.deploy("a")
    stacks.declare("a", x="two")
    stacks.plan("a")
    before = stacks.state("a")
    (tmp_path / "terraform.a.tfstate").unlink()
    stacks.declare("a", x="one")
    stacks.deploy("a")
    stacks.declare("a", x="two")
    after = stacks.state("a")
    assert after["lineage"] != before["lineage"]
    result = keyform("plan-report", "a", cwd=tmp_path)
    assert result.returncode == EXIT_STALE, result.stderr
    assert f"planned against state serial {before['serial']} (lineage {before['lineage']})" in result.stderr
    assert f"the stack now has state serial {after['serial']} (lineage {after['lineage']})" in result.stderr


def test_a_stack_directory_restored_from_the_artifact_is_initialised(tmp_path):
    stacks = Stacks(tmp_path / "plan-job")
    stacks.declare("a", x="one")
    stacks.plan("a")
    restored = stacks.artifact("a", tmp_path / "deploy-job")
    assert not (restored / "a" / ".terraform").exists()
    result = keyform("plan-report", "--stacks-dir", str(restored), cwd=tmp_path)
    assert result.returncode == EXIT_SAFE, result.stderr
    assert (restored / "a" / ".terraform").is_dir()
    assert "— current: the stack's state has not changed since." in result.stdout


def test_an_unreadable_backend_is_an_error_naming_the_stack(tmp_path):
    stacks = Stacks(tmp_path)
    stacks.declare("a", x="one")
    stacks.plan("a")
    (tmp_path / "terraform.a.tfstate").write_text("{not a state")
    result = keyform("plan-report", "a", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "`terraform state pull` failed in" in result.stderr
    assert "cannot tell whether the plan of stack 'a' is current" in result.stderr
    assert result.stdout == ""


def test_several_stacks_are_loaded_at_once(tmp_path):
    """Each stack's `terraform show` waits (10 s at most) until the other one's has started: loaded one after the
    other, the first would give up and the report fail."""
    stacks = Stacks(tmp_path)
    for name in ("a", "b"):
        stacks.declare(name, x=name)
        stacks.plan(name)
    met = tmp_path / "rendezvous"
    met.mkdir()
    wrapper = tmp_path / "terraform-rendezvous"
    wrapper.write_text(f"""#!/bin/sh
if [ "$1" = show ]; then
  touch "{met}/$(basename "$PWD")"
  i=0
  while [ "$(ls "{met}" | wc -l)" -lt 2 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
  [ "$(ls "{met}" | wc -l)" -ge 2 ] || {{ echo "loaded one at a time" >&2; exit 97; }}
fi
exec "{TERRAFORM}" "$@"
""")
    wrapper.chmod(0o755)
    result = keyform("plan-report", "--terraform", str(wrapper), cwd=tmp_path)
    assert result.returncode == EXIT_SAFE, result.stderr
    assert sorted(p.name for p in met.iterdir()) == ["a", "b"]
