"""Loading saved plans: ``terraform show -json`` documents, from files or from cdktf's stack directories.

``cdktf diff <stack>`` leaves the saved plan in ``cdktf.out/stacks/<stack>/plan``; this module
runs ``terraform show -json plan`` there and records which state the plan was made against and the
stack's state now (:mod:`.freshness`), for several stacks at once (a bounded thread pool).
A missing or unreadable plan is a :class:`PlanLoadError` whose message names the file and
how to make it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

from keyform.plan_report import freshness
from keyform.plan_report.freshness import PLAN_FILE, Freshness

MAX_PARALLEL = 4  # stacks loaded at once (each runs terraform show and state pull, one provider each)


class PlanLoadError(RuntimeError):
    """A plan could not be loaded; the message says which file and how to make it."""


@dataclass
class StackPlan:
    stack: str
    source: str  # where the plan came from, for messages
    document: dict
    # address -> provider configuration key (``rest.vault-b``) of the resources in the prior state. The
    # JSON plan leaves out the provider alias of a resource removed from the configuration; the
    # plan file's own copy of the prior state has it.
    state_providers: dict = field(default_factory=dict)
    # the state the plan was made against and the stack's state now; None: not checked (a plan JSON document)
    freshness: Optional[Freshness] = None

    @property
    def stale(self) -> bool:
        return self.freshness is not None and self.freshness.stale


def how_to_make(stack: str, stack_dir: Optional[Path] = None) -> str:
    where = f" in {stack_dir}" if stack_dir else " in the stack's directory"
    return f"make it with `cdktf diff {stack}`, or `terraform plan -out {PLAN_FILE}`{where}"


def _checked(document, stack: str, source: str) -> dict:
    if not isinstance(document, dict) or "format_version" not in document:
        raise PlanLoadError(f"{source} is not the JSON of a saved plan (`terraform show -json <planfile>`); "
                            + how_to_make(stack))
    if "resource_changes" not in document and "planned_values" not in document:
        raise PlanLoadError(f"{source} is Terraform state, not a plan; " + how_to_make(stack))
    if document.get("errored"):
        raise PlanLoadError(f"{source}: the plan of stack '{stack}' errored and is incomplete; fix the errors "
                            "`cdktf diff` shows, then make the plan again")
    return document


def stack_name_of(path: Path) -> str:
    """``vault-dr.json`` → ``vault-dr``; ``ontap.plan.json`` → ``ontap``."""
    name = path.name
    for suffix in (".json", ".plan", ".tfplan"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name or path.name


def from_json_file(spec: str) -> StackPlan:
    """``[STACK=]FILE``: a ``terraform show -json`` document; the stack is named by STACK or the file name."""
    stack, sep, file = spec.partition("=")
    if not sep:
        stack, file = "", spec
    path = Path(file)
    stack = stack or stack_name_of(path)
    if not path.is_file():
        raise PlanLoadError(f"{path}: no such file. Write it with `terraform show -json plan > {path}` in the "
                            f"stack's directory after you made the plan ({how_to_make(stack)})")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PlanLoadError(f"{path}: cannot read it as JSON ({exc.__class__.__name__}); write it with "
                            f"`terraform show -json plan > {path}`") from None
    return StackPlan(stack, str(path), _checked(document, stack, str(path)))


def from_stack_dir(stack_dir: Path, terraform: str = "terraform", timeout: float = 300) -> StackPlan:
    """``terraform show -json plan`` in ``stack_dir`` (where ``cdktf diff`` left the plan), and the
    plan's freshness (``terraform init`` first when the directory is not initialised)."""
    stack = stack_dir.name
    plan = stack_dir / PLAN_FILE
    if not plan.is_file():
        raise PlanLoadError(f"{plan}: no saved plan for stack '{stack}'; {how_to_make(stack, stack_dir)}")
    try:
        fresh = freshness.check(stack_dir, terraform)
    except freshness.StateReadError as exc:
        raise PlanLoadError(str(exc)) from None
    binary = shutil.which(terraform) or terraform
    try:
        result = subprocess.run([binary, "show", "-json", "-no-color", PLAN_FILE], cwd=stack_dir, capture_output=True,
                                text=True, timeout=timeout, env=freshness.terraform_env(),
                                stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise PlanLoadError(f"cannot run `{terraform} show -json {PLAN_FILE}` for {plan}: terraform is not on PATH "
                            "(source .keyform/env.sh, or give --terraform)") from None
    except subprocess.TimeoutExpired:
        raise PlanLoadError(f"`terraform show -json {PLAN_FILE}` in {stack_dir} "
                            f"did not finish in {timeout:g} s") from None
    if result.returncode != 0:
        detail = " ".join(result.stderr.split())[-600:]
        raise PlanLoadError(f"`terraform show -json {PLAN_FILE}` failed in {stack_dir} ({detail}); is the directory "
                            f"initialised and the provider installed (make setup; source .keyform/env.sh)? "
                            f"Otherwise {how_to_make(stack, stack_dir)}")
    try:
        document = json.loads(result.stdout)
    except ValueError:
        raise PlanLoadError(f"`terraform show -json {PLAN_FILE}` in {stack_dir} did not answer JSON") from None
    return StackPlan(stack, str(plan), _checked(document, stack, str(plan)), prior_state_providers(plan), fresh)


def prior_state_providers(plan_file: Path) -> dict:
    """address -> ``rest.<alias>`` from the prior state inside a saved plan (a zip archive); {} if unreadable.
    Only the ``provider`` fields are read."""
    try:
        with zipfile.ZipFile(plan_file) as archive:
            state = json.loads(archive.read("tfstate"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return {}
    providers = {}
    for resource in state.get("resources") or []:
        if resource.get("mode") != "managed":
            continue
        address = ".".join(p for p in (resource.get("module"), resource.get("type"), resource.get("name")) if p)
        provider = str(resource.get("provider", ""))
        local = provider.split("]", 1)[-1].lstrip(".")  # provider["host/ns/rest"].alias -> alias
        name = provider.split('"')[1].rsplit("/", 1)[-1] if '"' in provider else "rest"
        providers[address] = f"{name}.{local}" if local else name
    return providers


def plan_dirs(stacks_dir: Path, stacks: Sequence[str] = ()) -> list[Path]:
    """The directories of ``stacks`` (default: every synthesized stack under ``stacks_dir``), each holding its
    saved plan, in that order."""
    if not stacks_dir.is_dir():
        raise PlanLoadError(f"{stacks_dir}: no such directory; run `cdktf diff <stack>` for each stack first "
                            "(it synthesizes the stacks there and saves each plan), or pass --plan-json FILE")
    if stacks:
        dirs = [stacks_dir / name for name in stacks]
        for d in dirs:
            if not d.is_dir():
                known = ", ".join(sorted(p.name for p in stacks_dir.iterdir() if p.is_dir())) or "none"
                raise PlanLoadError(f"{d}: no such stack directory (stacks found: {known}); {how_to_make(d.name)}")
        for d in dirs:
            if not (d / PLAN_FILE).is_file():
                raise PlanLoadError(f"{d / PLAN_FILE}: no saved plan for stack '{d.name}'; {how_to_make(d.name, d)}")
        return dirs
    dirs = sorted(p for p in stacks_dir.iterdir() if p.is_dir() and (p / "cdk.tf.json").exists())
    if not dirs:
        raise PlanLoadError(f"{stacks_dir}: no synthesized stacks; run `cdktf diff <stack>` for each stack first")
    missing = [d for d in dirs if not (d / PLAN_FILE).is_file()]
    if missing:
        names = ", ".join(d.name for d in missing)
        raise PlanLoadError(f"no saved plan for stack(s) {names} ({missing[0] / PLAN_FILE} does not exist); "
                            f"make one per stack with `cdktf diff <stack>` (or `terraform plan -out {PLAN_FILE}` "
                            "in its directory), or name the stacks to use")
    return dirs


def from_stack_dirs(dirs: Sequence[Path], terraform: str = "terraform") -> list[StackPlan]:
    """:func:`from_stack_dir` for each of ``dirs``, several at once, in the order given. When some fail,
    one :class:`PlanLoadError` names every failure."""
    if len(dirs) <= 1:
        return [from_stack_dir(d, terraform) for d in dirs]

    def load(stack_dir: Path) -> StackPlan | PlanLoadError:
        try:
            return from_stack_dir(stack_dir, terraform)
        except PlanLoadError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(dirs)), thread_name_prefix="plan-load") as pool:
        loaded = list(pool.map(load, dirs))
    errors = [str(item) for item in loaded if isinstance(item, PlanLoadError)]
    if errors:
        raise PlanLoadError("; ".join(errors))
    return [item for item in loaded if isinstance(item, StackPlan)]


def from_stacks_dir(stacks_dir: Path, stacks: Sequence[str] = (), terraform: str = "terraform") -> list[StackPlan]:
    """The plans of ``stacks`` (default: every stack directory under ``stacks_dir``), in that order."""
    return from_stack_dirs(plan_dirs(stacks_dir, stacks), terraform)
