"""``python -m keyform dr-operation-token --url URL``: print a Vault DR operation token made on a DR secondary.

Unseal-key shares are read from a file (``--keys-file``, one per line), or from the environment
variable ``KEYFORM_UNSEAL_KEYS`` (comma- or newline-separated) — never from the command line,
where other users could see them. Only the token is printed, so it can be captured:
``export TF_VAR_dr_operation_token=$(python -m keyform dr-operation-token --url ...)``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from keyform.ops.dr_token import DrTokenError, generate

HELP = "generate a Vault DR operation token on a DR secondary from unseal-key shares"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("dr-operation-token", help=HELP, description=__doc__)
    parser.add_argument("--url", required=True, help="the DR secondary's API base, e.g. https://vault-b:8200/v1")
    parser.add_argument("--keys-file", type=Path, help="file with the unseal-key shares, one per line")
    parser.add_argument("--ca-cert-file", default=os.environ.get("KEYFORM_CA_CERT_FILE") or None,
                        help="the CA the cluster's certificate chains to (default $KEYFORM_CA_CERT_FILE, else the "
                             "system's CAs)")
    parser.set_defaults(handler=run)


def _shares(args) -> list[str]:
    text = args.keys_file.read_text(encoding="utf-8") if args.keys_file else os.environ.get("KEYFORM_UNSEAL_KEYS", "")
    return [share for share in re.split(r"[\s,]+", text) if share]


def run(args: argparse.Namespace) -> int:
    shares = _shares(args)
    if not shares:
        print("error: no unseal-key shares: give --keys-file FILE or set KEYFORM_UNSEAL_KEYS", file=sys.stderr)
        return 1
    try:
        print(generate(args.url, shares, ca_cert_file=args.ca_cert_file))
    except (DrTokenError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
