"""Small stack directories for the freshness and apply-plan tests, planned and applied by the real Terraform.

Each stack is a ``cdk.tf.json`` (as cdktf writes it) holding ``terraform_data`` objects only — Terraform's built-in
provider, so no provider install and a plan in well under a second — with a local backend whose state lives
outside the stack directory (as cdktf's ``terraform.<stack>.tfstate`` in the project root). What a deploy
job restores is :meth:`Stacks.artifact`: plan, cdk.tf.json and .terraform.lock.hcl, nothing else.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from keyform import toolchain

TERRAFORM = shutil.which("terraform")
needs_terraform = pytest.mark.skipif(TERRAFORM is None, reason="terraform is not on PATH")
ARTIFACT = ("plan", "cdk.tf.json", ".terraform.lock.hcl")


class Stacks:
    """``<root>/cdktf.out/stacks/<stack>/`` directories and their states ``<root>/terraform.<stack>.tfstate``."""

    def __init__(self, root: Path):
        self.root = root
        self.stacks_dir = root / "cdktf.out" / "stacks"
        self.env = {**os.environ, "TF_IN_AUTOMATION": "1", "CHECKPOINT_DISABLE": "1"}
        self.backend: dict | None = None  # e.g. {"pg": {...}}; default: local, terraform.<stack>.tfstate in root

    def dir(self, stack: str) -> Path:
        return self.stacks_dir / stack

    def declare(self, stack: str, extra: dict | None = None, **objects: str) -> None:
        """The stack's configuration: one ``terraform_data.<name>`` per keyword, its ``input`` the value;
        ``extra``: more top-level blocks (``variable``, ``output``)."""
        state = self.root / f"terraform.{stack}.tfstate"
        backend = self.backend or {"local": {"path": str(state)}}
        config = {"terraform": {"backend": backend},
                  "resource": {"terraform_data": {name: {"input": value} for name, value in objects.items()}},
                  **(extra or {})}
        self.dir(stack).mkdir(parents=True, exist_ok=True)
        (self.dir(stack) / "cdk.tf.json").write_text(json.dumps(config, indent=2))

    def terraform(self, stack: str, *args: str, ok: bool = True) -> toolchain.Run:
        result = toolchain.run([TERRAFORM or "terraform", *args, "-input=false", "-no-color"], self.dir(stack),
                               self.env, timeout=120)
        assert (result.returncode == 0) == ok, result.describe()
        return result

    def init(self, stack: str) -> None:
        if not (self.dir(stack) / ".terraform").is_dir():
            self.terraform(stack, "init")

    def plan(self, stack: str) -> None:
        """``terraform init`` (once) and ``terraform plan -out plan``, as ``cdktf diff`` leaves it."""
        self.init(stack)
        self.terraform(stack, "plan", "-out", "plan")

    def deploy(self, stack: str) -> None:
        """An apply without the saved plan (what ``cdktf deploy`` does): the state moves on."""
        self.init(stack)
        self.terraform(stack, "apply", "-auto-approve")

    def state(self, stack: str) -> dict:
        path = self.root / f"terraform.{stack}.tfstate"
        return json.loads(path.read_text()) if path.exists() else {}

    def inputs(self, stack: str) -> dict:
        """``{name: input}`` of the stack's ``terraform_data`` objects in its state."""
        return {r["name"]: r["instances"][0]["attributes"]["input"]["value"]
                for r in self.state(stack).get("resources", [])}

    def artifact(self, stack: str, to: Path) -> Path:
        """A fresh stack directory under ``to`` holding only the plan artifact's files, as the deploy job has it."""
        target = to / "cdktf.out" / "stacks" / stack
        target.mkdir(parents=True)
        for name in ARTIFACT:  # built-in providers only: Terraform writes no lock file
            if name != ".terraform.lock.hcl" or (self.dir(stack) / name).exists():
                shutil.copyfile(self.dir(stack) / name, target / name)
        return to / "cdktf.out" / "stacks"


def keyform(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m keyform <args>`` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "keyform", *args], cwd=cwd, env=env or dict(os.environ),
                          capture_output=True, text=True, timeout=300)
