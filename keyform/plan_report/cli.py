"""``python -m keyform plan-report``: the Markdown review of the saved plans, for a pull-request comment.

Exit codes: 0 no dangerous operation; 3 dangerous operations are planned (a pipeline should
require an approval); 4 a plan is stale (the stack's state changed after it was made: the report is
not current; it is still written, headed by a warning); 1 a plan is missing or unreadable; 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from keyform.plan_report import EXIT_DANGEROUS, EXIT_ERROR, EXIT_SAFE, EXIT_STALE, build, load
from keyform.plan_report.freshness import stale_message
from keyform.plan_report.render import render

HELP = "Markdown review of the saved plans: what a deploy does to key servers and DR roles"
EPILOG = """exit codes: 0 no dangerous operation, 3 dangerous operations planned (require an approval),
4 a plan is stale: the stack's state changed after the plan was made, so the report is not current
(make the plan again with `cdktf diff <stack>`), 1 a plan is missing or unreadable, 2 wrong usage.

Make the plans first: `cdktf diff <stack>` for each stack (it leaves cdktf.out/stacks/<stack>/plan),
or `terraform plan -out plan` (`-destroy` for a destroy) in a stack's directory. Each stack's report
says which state its plan was made against (serial, lineage) and compares it with the stack's state
now (`terraform state pull` in its directory, any backend; `terraform init` first if needed).
Apply the reviewed plans with `keyform apply-plan`."""


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("plan-report", help=HELP, description=HELP + ".", epilog=EPILOG,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stacks", nargs="*", metavar="STACK",
                        help="stacks to report on (default: every stack directory under --stacks-dir)")
    parser.add_argument("--stacks-dir", type=Path, default=Path("cdktf.out/stacks"),
                        help="where cdktf synthesizes the stacks and cdktf diff saves each plan "
                             "(default: cdktf.out/stacks); `terraform show -json plan` runs in each")
    parser.add_argument("--plan-json", action="append", default=[], metavar="[STACK=]FILE",
                        help="a `terraform show -json <planfile>` document instead; the stack is named by STACK= "
                             "or the file name (ontap.json -> ontap). Repeat for each stack")
    parser.add_argument("--output", "-o", type=Path, help="write the Markdown here (default: standard output)")
    parser.add_argument("--terraform", default="terraform", help="the terraform binary (default: terraform on PATH)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        if args.plan_json:
            plans = [load.from_json_file(spec) for spec in args.plan_json]
            if args.stacks:
                plans = [p for p in plans if p.stack in args.stacks]
        else:
            plans = load.from_stacks_dir(args.stacks_dir, args.stacks, args.terraform)
    except load.PlanLoadError as exc:
        print(f"plan-report: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if not plans:
        print("plan-report: error: no plan matches the stacks named", file=sys.stderr)
        return EXIT_ERROR
    report, scrubber = build(plans)
    text = scrubber(render(report))
    if args.output:
        try:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"plan-report: error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return EXIT_ERROR
    else:
        sys.stdout.write(text)
    dangers = len(report.dangers)
    names = ", ".join(s.stack for s in report.stacks)
    stale = {p.stack: p for p in plans if p.stale}
    if stale:
        for plan in stale.values():
            assert plan.freshness is not None
            print(f"plan-report: {stale_message(plan.stack, Path(plan.source), plan.freshness)}", file=sys.stderr)
        print(f"plan-report: the report is not current (stale: {', '.join(stale)}); exit {EXIT_STALE}",
              file=sys.stderr)
        return EXIT_STALE
    if dangers:
        print(f"plan-report: {dangers} dangerous operation(s) planned ({names}); exit {EXIT_DANGEROUS}: "
              "require an approval", file=sys.stderr)
        return EXIT_DANGEROUS
    print(f"plan-report: no dangerous operation planned ({names})", file=sys.stderr)
    return EXIT_SAFE
