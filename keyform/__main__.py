"""``python -m keyform <command>``: keyform's command line. Each command lives in its own module
and adds its subparser here (``add_parser(subparsers)`` setting ``handler``)."""

from __future__ import annotations

import argparse
import sys

from keyform.importer import cli as import_cli
from keyform.ops import dr_token_cli
from keyform.plan_report import cli as plan_report_cli

COMMANDS = (plan_report_cli, dr_token_cli, import_cli)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m keyform", description=__doc__.splitlines()[0])
    subparsers = root.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
