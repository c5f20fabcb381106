"""``python -m keyform import KIND=NAME ... (--out FILE | --app DIR)``: read live appliances and write a
stack that adopts what they hold.

Each appliance is a ``KIND=NAME`` pair: ``ontap=NAME`` (an ONTAP cluster), ``vsp=NAME`` (a VSP One Object
system), ``vault=NAME,NAME...`` (the clusters of ONE Vault DR set); a kind may be given several times.
Where each one is and how to log in comes from the environment variables the stacks use:
``KEYFORM_<NAME>_BASE_URL`` (required), ``KEYFORM_<NAME>_USERNAME`` (default admin) and
``KEYFORM_<NAME>_PASSWORD`` (ONTAP, VSP One Object), ``KEYFORM_<NAME>_TOKEN`` (Vault), and optionally
``KEYFORM_<NAME>_CA_CERT_FILE`` and ``KEYFORM_<NAME>_INSECURE``.
"""

from __future__ import annotations

import argparse
import keyword
import os
import sys
from pathlib import Path
from typing import Mapping

from keyform.appliances.connection import KINDS
from keyform.importer import app as output
from keyform.importer.connect import Access, from_env
from keyform.importer.errors import EXIT_WRITTEN, ImportFailed, UsageError
from keyform.importer.model import NAME, Inventory, env_name

HELP = "read live appliances and write a stack that adopts what they hold (cdktf, keyform's constructs)"
EPILOG = """examples:
  python -m keyform import ontap=ONTAP vsp=VSP vault=VAULT_A,VAULT_B --out stacks/adopted.py
  python -m keyform import ontap=EAST ontap=WEST --app adopted-app

Each NAME reads KEYFORM_<NAME>_BASE_URL, KEYFORM_<NAME>_USERNAME (default admin) and KEYFORM_<NAME>_PASSWORD
(ontap, vsp) or KEYFORM_<NAME>_TOKEN (vault); optionally KEYFORM_<NAME>_CA_CERT_FILE, KEYFORM_<NAME>_INSECURE.
The generated stack reads the same variables when it is synthesized and deployed.

exit codes: 0 written, 1 an appliance could not be read or what it holds cannot be declared,
2 wrong usage (an argument, a missing environment variable, an output that is in the way)."""


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("import", help=HELP, description=HELP + ".", epilog=EPILOG,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("appliances", nargs="+", metavar="KIND=NAME",
                        help="ontap=NAME, vsp=NAME or vault=NAME[,NAME...] (the clusters of one DR set)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="FILE", help="write the stack's module to FILE")
    target.add_argument("--app", type=Path, metavar="DIR",
                        help="write a whole cdktf app into DIR (empty or new): the module, main.py, cdktf.json")
    parser.add_argument("--force", action="store_true", help="overwrite FILE, or write into a DIR that is not empty")
    parser.add_argument("--class", dest="class_name", default="AdoptedStack", metavar="NAME",
                        help="the stack class's name (default: AdoptedStack)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, environ: Mapping[str, str] = os.environ) -> int:
    try:
        specs = parse_appliances(args.appliances)
        if not args.class_name.isidentifier() or keyword.iskeyword(args.class_name) or \
                not args.class_name[:1].isupper():
            raise UsageError(f"--class {args.class_name!r} is not a class name (e.g. AdoptedStack)")
        output.check_target(args.out, args.app, args.force)
        accesses = [[from_env(kind, name, environ) for name in names] for kind, names in specs]
        _distinct_urls([a for group in accesses for a in group])
        inventory = read(accesses)
        text = generate(inventory, args.class_name)
        written = (output.write_app(args.app, text, args.class_name) if args.app is not None
                   else [output.write_module(args.out, text)])
    except (UsageError, ImportFailed) as exc:
        print(f"keyform import: error: {exc}", file=sys.stderr)
        return exc.exit_code
    for line in summary(inventory):
        print(f"read {line}")
    print(f"wrote {', '.join(str(p) for p in written)}: the first `cdktf deploy` imports every object "
          "(N to import, 0 to add, 0 to change)")
    if args.app is None:
        print(f"add it to your app: from {_module(args.out)} import {args.class_name}; "
              f"{args.class_name}(app, \"adopted\")")
    else:
        print(f"next: `keyform provider install {args.app}`, then `cdktf diff adopted` there")
    return EXIT_WRITTEN


def _module(path: Path) -> str:
    """How ``path`` is imported from the current directory (``stacks/adopted.py`` → ``stacks.adopted``)."""
    try:
        relative = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path.stem
    return ".".join(relative.with_suffix("").parts)


def parse_appliances(pairs: list[str]) -> list[tuple[str, list[str]]]:
    """``KIND=NAME`` pairs → (kind, names); a :class:`UsageError` for an unknown kind or a bad or repeated name."""
    specs, seen = [], {}
    for pair in pairs:
        kind, sep, value = pair.partition("=")
        kind = kind.strip().lower()
        if not sep or kind not in KINDS:
            raise UsageError(f"'{pair}': unknown kind '{kind}'{'' if sep else ' (no =)'}: give ontap=NAME, "
                             "vsp=NAME or vault=NAME[,NAME...]")
        names = [n.strip() for n in value.split(",") if n.strip()]
        if not names:
            raise UsageError(f"'{pair}' names no appliance: give {kind}=NAME")
        if kind != "vault" and len(names) > 1:
            raise UsageError(f"'{pair}': {kind}= takes one name: give {kind}= once per appliance")
        for name in names:
            if not NAME.match(name):
                raise UsageError(f"'{name}' is not a usable name: use letters, digits, '_' and '-', starting "
                                 "with a letter (it names KEYFORM_<NAME>_* variables)")
            if env_name(name) in seen:
                raise UsageError(f"'{name}' is named twice ({seen[env_name(name)]} and {kind}={name}): both would "
                                 f"read KEYFORM_{env_name(name)}_*")
            seen[env_name(name)] = f"{kind}={name}"
        specs.append((kind, names))
    return specs


def _distinct_urls(accesses: list[Access]) -> None:
    by_url: dict[str, Access] = {}
    for access in accesses:
        other = by_url.setdefault(access.base_url.rstrip("/"), access)
        if other is not access:
            raise UsageError(f"{other.kind}={other.name} and {access.kind}={access.name} have the same base URL: "
                             "name each appliance once")


def read(accesses: list[list[Access]]) -> Inventory:
    """The inventory of every appliance named (read in the order given)."""
    from keyform.importer import read_ontap, read_vault, read_vsp

    ontap, vsp, vault = [], [], []
    for group in accesses:
        kind = group[0].kind
        if kind == "ontap":
            ontap.append(read_ontap.read(group[0]))
        elif kind == "vsp":
            vsp.append(read_vsp.read(group[0]))
        else:
            vault.append(read_vault.read(group))
    return Inventory(tuple(ontap), tuple(vsp), tuple(vault))


def generate(inventory: Inventory, class_name: str) -> str:
    """The module's text, checked: values it can carry, and a stack the constructs accept."""
    from keyform.importer.check import check_stack, check_text
    from keyform.importer.render import render

    check_text(inventory)
    text = render(inventory, class_name)
    check_stack(text, class_name)
    return text


def summary(inventory: Inventory) -> list[str]:
    lines = []
    for cluster in inventory.ontap:
        lines.append(f"ontap={cluster.name}: {len(cluster.key_managers)} key manager(s), "
                     f"{sum(len(m.key_servers) for m in cluster.key_managers)} key server(s)")
    for system in inventory.vsp:
        lines.append(f"vsp={system.name}: {len(system.servers)} KMIP server(s)"
                     + (f", primary {system.primary}" if system.primary else ""))
    for dr_set in inventory.vault:
        names = ",".join(m.cli_name for m in dr_set.members)
        lines.append(f"vault={names}: DR set, primary {dr_set.primary.name}, secondaries "
                     f"{', '.join(m.name for m in dr_set.secondaries) or 'none'}")
    return lines
