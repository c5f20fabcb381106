"""``synth(app)``: each stack's state backend (:mod:`keyform.constructs.state_backend`), ``app.synth()``,
then each stack's Terraform lock entry for keyform's provider.

``cdktf deploy``/``diff`` run ``terraform providers lock`` when a stack has no lock file, and that command
asks the provider's registry, which a provider from a local mirror does not have (``keyform.local … no such
host``). The entry written here is the one ``terraform init`` would write for the installed launcher
(version and ``h1:`` hash, see :mod:`keyform.provider.install`), so cdktf finds the provider locked and
nothing asks a registry: no ``--skip-provider-lock``. Entries of other providers are left as they are.
Before that, the provider is checked to be installed where Terraform will look, by this very keyform.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from keyform.cdk import App

from keyform import PROVIDER_SOURCE, __version__
from keyform.constructs.errors import KeyformConfigError
from keyform.constructs.state_backend import apply_state_backends
from keyform.provider.install import installation_problem, package_hash

LOCK_FILE = ".terraform.lock.hcl"
KEYFORM_BLOCK = re.compile(r'provider "' + re.escape(PROVIDER_SOURCE) + r'" \{.*?\n\}\n', re.S)
HEADER = ('# This file is maintained automatically by "terraform init".\n'
          "# Manual edits may be lost in future updates.\n")


def synth(app: App) -> None:
    """Each stack's state backend (``KEYFORM_STATE_BACKEND``), ``app.synth()``, then keyform's provider entry in
    the lock file of each stack that uses it."""
    apply_state_backends(app)
    app.synth()
    stacks = [s for s in sorted(Path(app.outdir, "stacks").glob("*/cdk.tf.json"))
              if _requires_keyform(json.loads(s.read_text()))]
    if stacks:
        problem = installation_problem()
        if problem:  # said now, rather than as a checksum or registry error of terraform init
            raise KeyformConfigError("app", "keyform provider", *problem)
    entry = lock_entry()  # one digest of the provider's code for every stack
    for stack in stacks:
        write_lock_entry(stack.parent / LOCK_FILE, entry)


def _requires_keyform(document: dict[str, Any]) -> bool:
    required = (document.get("terraform") or {}).get("required_providers") or {}
    return any(isinstance(p, dict) and p.get("source") == PROVIDER_SOURCE for p in required.values())


def lock_entry() -> str:
    return (f'provider "{PROVIDER_SOURCE}" {{\n  version     = "{__version__}"\n  constraints = "{__version__}"\n'
            f'  hashes = [\n    "{package_hash()}",\n  ]\n}}\n')


def write_lock_entry(path: Path, entry: str) -> None:
    """Add or replace keyform's provider block (``entry``, see :func:`lock_entry`) in the lock file at ``path``."""
    text = path.read_text() if path.exists() else HEADER
    updated = (KEYFORM_BLOCK.sub(lambda _: entry, text, count=1) if KEYFORM_BLOCK.search(text)
               else text.rstrip("\n") + "\n\n" + entry)
    if updated != text:
        path.write_text(updated)
