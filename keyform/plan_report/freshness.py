"""Which state a saved plan was made against, and whether the stack's state is still that one.

A saved plan (a zip archive) holds a copy of the state it was planned on (``tfstate``: lineage and
serial). The stack's state now is read with ``terraform state pull`` in the stack's directory, which
speaks to whatever backend the stack declares (local, pg, s3, http); a directory not initialised yet
(the deploy job restores only the plan artifact) gets ``terraform init -input=false`` first. No state
at all is a snapshot of ``None``. A plan is stale when the two differ: applying it would be refused by
Terraform, and a report of it no longer says what a deploy does.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from keyform import toolchain

PLAN_FILE = "plan"
CONFIG_FILE = "cdk.tf.json"
PLANNED_CONFIG = "tfconfig/m-/" + CONFIG_FILE  # the root module's copy inside a saved plan
TIMEOUT = 300.0


class StateReadError(RuntimeError):
    """The plan's or the stack's state could not be read; the message names the stack and the fix."""


@dataclass(frozen=True)
class Snapshot:
    """One version of a stack's state: its lineage (which state) and serial (which write of it)."""

    lineage: str
    serial: int

    def describe(self) -> str:
        return f"state serial {self.serial} (lineage {self.lineage})"


def describe(snapshot: Optional[Snapshot]) -> str:
    return snapshot.describe() if snapshot else "no state (nothing deployed yet)"


@dataclass(frozen=True)
class Freshness:
    """The state a plan was made against and the stack's state when it was checked."""

    planned: Optional[Snapshot]
    current: Optional[Snapshot]

    @property
    def stale(self) -> bool:
        return self.planned != self.current


def remake_command(stack: str) -> str:
    return f"cdktf diff {stack}"


def stale_message(stack: str, plan_file: Path, freshness: Freshness) -> str:
    return (f"the saved plan of stack '{stack}' ({plan_file}) is stale: it was planned against "
            f"{describe(freshness.planned)}, the stack now has {describe(freshness.current)} "
            f"(e.g. after a deploy); make it again with `{remake_command(stack)}`")


def _snapshot(state: object) -> Optional[Snapshot]:
    if not isinstance(state, dict) or not state.get("lineage"):
        return None  # Terraform records "no state yet" as serial 0 with an empty lineage
    return Snapshot(str(state["lineage"]), int(state.get("serial") or 0))


def planned_against(plan_file: Path) -> Optional[Snapshot]:
    """The state ``plan_file`` was made against (``None``: there was none)."""
    try:
        with zipfile.ZipFile(plan_file) as archive:
            return _snapshot(json.loads(archive.read("tfstate")))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise StateReadError(f"{plan_file} is not a saved Terraform plan ({exc.__class__.__name__}); make it "
                             "again with `cdktf diff <stack>` or `terraform plan -out plan`") from None


def planned_config(plan_file: Path) -> Optional[bytes]:
    """The ``cdk.tf.json`` the plan was made from (its copy inside the plan), ``None`` if it holds none."""
    try:
        with zipfile.ZipFile(plan_file) as archive:
            return archive.read(PLANNED_CONFIG)
    except (OSError, KeyError, zipfile.BadZipFile):
        return None


def config_changed(stack_dir: Path) -> bool:
    """Whether the stack's ``cdk.tf.json`` differs from the one its saved plan was made from."""
    planned = planned_config(stack_dir / PLAN_FILE)
    try:
        return planned is not None and planned != (stack_dir / CONFIG_FILE).read_bytes()
    except OSError:
        return True


def terraform_env() -> dict[str, str]:
    return {**os.environ, "TF_IN_AUTOMATION": "1"}


def _terraform(terraform: str, args: list[str], stack_dir: Path, what: str,
               timeout: float = TIMEOUT) -> toolchain.Run:
    binary = shutil.which(terraform) or terraform
    try:
        return toolchain.run([binary, *args], stack_dir, terraform_env(), timeout=timeout, separate_stderr=True)
    except FileNotFoundError:
        raise StateReadError(f"cannot run `{terraform} {' '.join(args)}` for {what}: {terraform} is not on PATH "
                             "(source .keyform/env.sh, or give --terraform)") from None
    except toolchain.TimedOut:
        raise StateReadError(f"`terraform {' '.join(args)}` in {stack_dir} did not finish in {timeout:g} s") from None


def _detail(run: toolchain.Run) -> str:
    """Terraform's error output (never its standard output: ``state pull`` writes the state there)."""
    return " ".join(run.errors.split())[-600:] or "no message"


def ensure_initialised(stack_dir: Path, terraform: str = "terraform") -> bool:
    """``terraform init -input=false`` in ``stack_dir`` unless it has a ``.terraform`` directory; whether it ran."""
    if (stack_dir / ".terraform").is_dir():
        return False
    run = _terraform(terraform, ["init", "-input=false", "-no-color"], stack_dir, f"stack '{stack_dir.name}'")
    if run.returncode != 0:
        raise StateReadError(f"`terraform init -input=false` failed in {stack_dir} ({_detail(run)}); the directory "
                             f"needs its {CONFIG_FILE} and .terraform.lock.hcl, the provider installed (make setup; "
                             "source .keyform/env.sh) and the backend's credentials in the environment")
    return True


def current_state(stack_dir: Path, terraform: str = "terraform") -> Optional[Snapshot]:
    """The stack's state now, from its backend (``terraform state pull``); ``None`` when it has none."""
    ensure_initialised(stack_dir, terraform)
    run = _terraform(terraform, ["state", "pull"], stack_dir, f"stack '{stack_dir.name}'")
    if run.returncode != 0:
        raise StateReadError(f"`terraform state pull` failed in {stack_dir} ({_detail(run)}): cannot tell whether "
                             f"the plan of stack '{stack_dir.name}' is current; check the backend's settings and "
                             "credentials (KEYFORM_STATE_BACKEND and its variables), or run `terraform init` there")
    if not run.output.strip():
        return None
    try:
        return _snapshot(json.loads(run.output))
    except ValueError:
        raise StateReadError(f"`terraform state pull` in {stack_dir} did not answer a state") from None


def check(stack_dir: Path, terraform: str = "terraform") -> Freshness:
    """The state the stack's saved plan was made against and the stack's state now."""
    return Freshness(planned_against(stack_dir / PLAN_FILE), current_state(stack_dir, terraform))
