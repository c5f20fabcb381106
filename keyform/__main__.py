"""``keyform <command>`` (also ``python -m keyform``): keyform's command line. Each command lives in its own
module and adds its subparser here (``add_parser(subparsers)`` setting ``handler``)."""

from __future__ import annotations

import argparse
import sys

from keyform import PROVIDER_SOURCE, __version__
from keyform.importer import cli as import_cli
from keyform.ops import apply_plan, dr_token_cli
from keyform.plan_report import cli as plan_report_cli
from keyform.provider import install as provider_cli
from keyform.scaffold import cli as init_cli

PLUGIN_PROTOCOL = 6
SIMULATOR_DEPENDENCIES = ("flask", "werkzeug", "cheroot")
COMMANDS = (init_cli, provider_cli, import_cli, plan_report_cli, apply_plan, dr_token_cli)


def version_text() -> str:
    return (f"keyform {__version__} (provider {PROVIDER_SOURCE} {__version__}, "
            f"Terraform plugin protocol {PLUGIN_PROTOCOL})")


def _simulators(subparsers) -> None:
    """Listed in the help; its arguments are the simulators' own (``keyform simulators --help``)."""
    subparsers.add_parser("simulators", help="run the appliance simulators (development and tests)", add_help=False)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="keyform", description="keyform: encryption key servers and replication "
                                   "roles as code (constructs, a Terraform provider, import, plan reports)",
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    root.add_argument("--version", action="version", version=version_text())
    subparsers = root.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.add_parser(subparsers)
    _simulators(subparsers)
    return root


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["simulators"]:
        try:
            from keyform.simulators.__main__ import main as simulators
        except ModuleNotFoundError as exc:
            if exc.name not in SIMULATOR_DEPENDENCIES:
                raise
            print(f"keyform simulators: error: {exc.name} is not installed: the simulators are a development tool, "
                  f"installed with `pip install 'keyform[simulators]=={__version__}'`", file=sys.stderr)
            return 2
        return simulators(argv[1:])
    args = parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
