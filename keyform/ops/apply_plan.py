"""``keyform apply-plan``: apply exactly the reviewed plans, the deploy job's command.

For each stack it applies the saved plan ``<stacks-dir>/<stack>/plan`` with ``terraform apply plan``.
Before anything is applied, every stack named is checked (a directory restored from the plan artifact
gets ``terraform init -input=false`` first):

- its plan exists and is readable (exit 1 otherwise, naming how to make it);
- its ``cdk.tf.json`` is the one the plan was made from (exit 1 otherwise): Terraform would apply the
  plan's own copy of the configuration whatever the directory holds, so a different file means the
  artifact is mixed up, and what is applied would not be what the code beside it says;
- the stack's state is still the one the plan was made against (exit 4 otherwise, naming the stack and
  ``cdktf diff <stack>``): the report reviewed is no longer what a deploy does.

Then the stacks are applied one after the other, in the order given; Terraform's progress is streamed
with each line naming its stack, every secret of the plans and of the environment blanked out. Terraform's
own "Saved plan is stale" (the state changed between the check and the apply) is exit 4 too. The first
failure stops the run; the stacks not applied yet are named.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from keyform import toolchain
from keyform.ops import interrupts
from keyform.plan_report import freshness, load
from keyform.plan_report.freshness import PLAN_FILE, remake_command, stale_message
from keyform.plan_report.load import PlanLoadError, StackPlan
from keyform.plan_report.mask import Scrubber, collect_secrets
from keyform.provider import warm

EXIT_APPLIED = 0
EXIT_FAILED = 1
EXIT_STALE = 4
EXIT_INTERRUPTED = 130
HELP = "apply exactly the reviewed saved plan of each stack (the deploy job), refusing a stale one"
EPILOG = """exit codes: 0 applied, 1 failed (a plan missing or unreadable, cdk.tf.json not the one the plan was made
from, or terraform failed; the stacks not applied are named), 2 wrong usage, 4 a plan is stale: the stack's state
changed after it was made (nothing applied; make it again with `cdktf diff <stack>` and review it again), 130
interrupted (SIGINT or SIGTERM: passed on to Terraform as one interrupt each; told once, it finishes what is under
way and saves the state, then stops; the stacks not applied are named).

Every stack named is checked before any is applied. A stack directory needs its plan, cdk.tf.json and
.terraform.lock.hcl (the plan artifact); `terraform init -input=false` runs there when .terraform is absent.
The environment gives what the apply needs: the provider's credentials, the TF_VAR_* secrets (ephemeral: never
in the plan file), the state backend's settings (KEYFORM_STATE_BACKEND and its variables)."""
# Terraform refusing a plan whose state moved on between our check and its apply
TERRAFORM_STALE = ("Saved plan is stale", "Saved plan does not match the given state")
# Terraform refusing an ephemeral input (keyform's secrets) set at plan but not at apply, or the other way round
EPHEMERAL_MISMATCH = ("Ephemeral variable was not set during planning", "was set during the plan phase")
# environment variables whose values are secrets, blanked out of the streamed output (values of 8+ characters:
# a short value such as "rest" would blank out innocent words)
SECRET_ENV = re.compile(r"PASSWORD|PASSPHRASE|TOKEN|SECRET|CONN_STR|PRIVATE_KEY|^TF_VAR_", re.IGNORECASE)
MIN_ENV_SECRET = 8


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser("apply-plan", help=HELP, description=HELP + ".", epilog=EPILOG,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stacks", nargs="*", metavar="STACK",
                        help="stacks to apply, in this order (default: every stack directory under --stacks-dir)")
    parser.add_argument("--stacks-dir", type=Path, default=Path("cdktf.out/stacks"),
                        help="where each stack's directory holds its saved plan (default: cdktf.out/stacks)")
    parser.add_argument("--terraform", default="terraform", help="the terraform binary (default: terraform on PATH)")
    parser.set_defaults(handler=run)


def _say(text: str) -> None:
    print(f"apply-plan: {text}", file=sys.stderr, flush=True)


def environment_secrets(env: Mapping[str, str]) -> list[str]:
    return [value for name, value in env.items() if SECRET_ENV.search(name) and len(value) >= MIN_ENV_SECRET]


def checked_plans(stacks_dir: Path, stacks: Sequence[str], terraform: str) -> list[StackPlan]:
    """The plans of ``stacks``, each loaded and its freshness checked; raises :class:`PlanLoadError` for a
    missing or unreadable plan, or one whose ``cdk.tf.json`` changed since."""
    dirs = load.plan_dirs(stacks_dir, stacks)
    plans = load.from_stack_dirs(dirs, terraform)
    changed = [d for d in dirs if freshness.config_changed(d)]
    if changed:
        names = ", ".join(d.name for d in changed)
        raise PlanLoadError(f"{changed[0] / 'cdk.tf.json'} is not the configuration the saved plan of stack "
                            f"{names} was made from (the plan holds its own copy): the artifact is mixed up; apply "
                            "the directory exactly as the plan job left it (plan, cdk.tf.json, .terraform.lock.hcl), "
                            f"or make the plan again with `{remake_command(changed[0].name)}` and review it")
    return plans


def apply(plan: StackPlan, terraform: str, scrub: Callable[[str], str],
          extra_env: Optional[Mapping[str, str]] = None,
          on_start: Optional[Callable[[int], None]] = None) -> toolchain.Run:
    """``terraform apply -input=false plan`` in the stack's directory, each line shown as it comes; Terraform in a
    process group of its own (interrupts reach it through :mod:`keyform.ops.interrupts`). Should this process be
    killed, Terraform applies the plan to its end and saves the state (its output goes to a file, not a pipe)."""
    stack_dir = Path(plan.source).parent

    def show(line: str) -> None:
        if line.strip():
            print(f"{plan.stack}  {scrub(line)}", flush=True)

    binary = shutil.which(terraform) or terraform
    return toolchain.run([binary, "apply", "-input=false", "-no-color", PLAN_FILE], stack_dir,
                         {**freshness.terraform_env(), **(extra_env or {})}, timeout=None, on_line=show,
                         own_group=True, on_start=on_start, outlive_us=True)


def run(args: argparse.Namespace) -> int:
    try:
        plans = checked_plans(args.stacks_dir, args.stacks, args.terraform)
    except PlanLoadError as exc:
        _say(f"error: {exc}; nothing applied")
        return EXIT_FAILED
    stale = [p for p in plans if p.stale]
    if stale:
        for plan in stale:
            assert plan.freshness is not None
            _say(stale_message(plan.stack, Path(plan.source), plan.freshness))
        _say(f"refused: stale plan(s) of {', '.join(p.stack for p in stale)}; nothing applied; exit {EXIT_STALE}")
        return EXIT_STALE
    scrub = Scrubber(environment_secrets(dict(os.environ)))
    for plan in plans:
        scrub.add(collect_secrets(plan.document))
    # one warm provider for every stack's apply: Terraform's provider launches fork from it (keyform.provider.warm)
    with warm.running(required=False) as warm_provider, interrupts.passed_on() as interrupted:
        return apply_all(plans, args.terraform, scrub, warm_provider.env, interrupted)


def apply_all(plans: list[StackPlan], terraform: str, scrub: Scrubber, extra_env: Mapping[str, str],
              interrupted: interrupts.Interrupts) -> int:
    for i, plan in enumerate(plans):
        assert plan.freshness is not None
        done = ", ".join(p.stack for p in plans[:i])
        applied = f"; applied before: {done}" if done else ""
        if interrupted.received:
            _say(f"interrupted ({interrupted.describe()}) before stack '{plan.stack}': not applied: "
                 f"{', '.join(p.stack for p in plans[i:])}{applied}; exit {EXIT_INTERRUPTED}")
            return EXIT_INTERRUPTED
        _say(f"stack {plan.stack}: applying its saved plan ({plan.source}, planned against "
             f"{freshness.describe(plan.freshness.planned)})")
        try:
            result = apply(plan, terraform, scrub, extra_env, on_start=interrupted.started)
        except FileNotFoundError:
            _say(f"error: cannot run {terraform}: not on PATH (source .keyform/env.sh, or give --terraform)")
            return EXIT_FAILED
        finally:
            interrupted.ended()
        rest = ", ".join(p.stack for p in plans[i + 1:])
        not_applied = f"; not applied: {rest}" if rest else ""
        if result.returncode != 0 and interrupted.received:
            _say(_interrupted_message(plan.stack, interrupted) + f"{applied}{not_applied}; exit {EXIT_INTERRUPTED}")
            return EXIT_INTERRUPTED
        if result.returncode != 0:
            if any(marker in result.output for marker in TERRAFORM_STALE):
                _say(f"refused by Terraform: the saved plan of stack '{plan.stack}' is stale (its state changed "
                     f"after the check, e.g. by a deploy running at the same time); make it again with "
                     f"`{remake_command(plan.stack)}` and review it{applied}{not_applied}; exit {EXIT_STALE}")
                return EXIT_STALE
            hint = ""
            if any(marker in " ".join(result.output.split()) for marker in EPHEMERAL_MISMATCH):
                hint = ("; set the same TF_VAR_* secrets as when the plan was made: Terraform needs an ephemeral "
                        "input at apply exactly when the plan had one (a stand-in value at plan is enough)")
            _say(f"error: `terraform apply {PLAN_FILE}` failed for stack '{plan.stack}' (exit {result.returncode}; "
                 f"its output is above){hint}{applied}{not_applied}")
            return EXIT_FAILED
        _say(f"stack {plan.stack}: applied")
    _say(f"applied the reviewed plan(s) of {', '.join(p.stack for p in plans)}")
    return EXIT_APPLIED


def _interrupted_message(stack: str, interrupted: interrupts.Interrupts) -> str:
    what = f"interrupted ({interrupted.describe()}) while stack '{stack}' was applied"
    if len(interrupted.received) == 1:
        return (f"{what}: Terraform finished the operations under way, saved the state and stopped (its output is "
                f"above); the state holds every object it made. The rest of the plan was not applied: make a new "
                f"one with `{remake_command(stack)}` and review it")
    return (f"{what}: told more than once, Terraform stopped at once, and an object it was making may be on the "
            f"appliance but not in the state; make a new plan with `{remake_command(stack)}` and check it (where an "
            "object declares api.lookup_path, a create the appliance refuses as existing takes it into the state)")
