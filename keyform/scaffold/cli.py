"""``keyform init [DIR] [--force]``: scaffold an infrastructure repository (see :mod:`keyform.scaffold`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from keyform.scaffold import files

HELP = "scaffold an infrastructure-as-code repository that uses keyform"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("init", help=HELP, description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=Path("."), help="where (default: here)")
    parser.add_argument("--force", action="store_true", help="overwrite files keyform init writes")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    root: Path = args.directory
    planned = files()
    existing = sorted(name for name in planned if (root / name).exists())
    if existing and not args.force:
        print(f"keyform init: error: {root} already has {', '.join(existing)}: pass --force to overwrite them",
              file=sys.stderr)
        return 2
    for name, text in planned.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    print(f"wrote {len(planned)} files in {root}. Next: install keyform ({root / 'requirements.txt'}) and the "
          f"cdktf CLI (npm install), then `keyform provider install` there; see {root / 'README.md'}")
    return 0
