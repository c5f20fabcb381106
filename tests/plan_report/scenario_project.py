"""A throw-away CDKTF project for the plan-report scenarios, run with the real cdktf CLI and terraform.

:class:`ScenarioProject` writes ``cdktf.json`` (the repository's, with ``app`` set to this
Python), ``main.py`` (:mod:`tests.plan_report.scenario_app`) and ``scenario.json`` into a
temporary directory, and runs ``cdktf diff``/``cdktf deploy`` there with the environment that
``.keyform/env.sh`` gives a shell (see ``scripts/setup.sh``) plus the appliances' credentials.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from keyform.ops import cdktf_cli

REPO = Path(__file__).resolve().parents[2]
APP = Path(__file__).resolve().parent / "scenario_app.py"
STACKS = ("ontap", "vsp", "vault-dr")


def toolchain_problem() -> str | None:
    """Why the scenarios cannot run here, or None."""
    if shutil.which("terraform") is None:
        return "terraform is not on PATH"
    if not (REPO / "node_modules" / ".bin" / "cdktf").exists():
        return "the cdktf CLI is not installed (make setup)"
    if not (REPO / ".keyform" / "terraformrc").exists():
        return "the rest provider is not installed (make setup)"
    return None


def toolchain_env() -> dict:
    """What ``.keyform/env.sh`` exports (scripts/setup.sh writes it), for this checkout."""
    return {
        "TF_CLI_CONFIG_FILE": str(REPO / ".keyform" / "terraformrc"),
        "KEYFORM_PROVIDER_PYTHON": sys.executable,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), str(REPO / "node_modules" / ".bin"),
                                 os.environ.get("PATH", "")]),
        "PYTHONPATH": str(REPO),
        # cdktf points TF_PLUGIN_CACHE_DIR at ~/.terraform.d/plugin-cache by default, shared by every
        # project of the machine; other test runs install the provider there from temporary mirrors
        # that disappear. Take the provider from this checkout's mirror only.
        "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
        "TF_PLUGIN_CACHE_DIR": "",
        "CHECKPOINT_DISABLE": "1",
        "DISABLE_VERSION_CHECK": "1",
        "JSII_SILENCE_SUPPORT_WARNING": "1",
        "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": _node_major(),
    }


def _node_major() -> str:
    try:
        out = subprocess.run(["node", "-p", "process.versions.node.split('.')[0]"], capture_output=True, text=True,
                             timeout=30)
        return out.stdout.strip() or "20"
    except OSError:
        return "20"


@dataclass
class ScenarioProject:
    root: Path
    urls: dict
    kmip_ports: list
    env: dict = field(default_factory=dict)  # credentials and TF_VAR_* of the run
    log: list = field(default_factory=list)

    def __post_init__(self):
        self.root.mkdir(parents=True, exist_ok=True)
        config = json.loads((REPO / "cdktf.json").read_text())
        config["app"] = f"{sys.executable} main.py"
        (self.root / "cdktf.json").write_text(json.dumps(config, indent=2))
        shutil.copyfile(APP, self.root / "main.py")
        self.base_env = toolchain_env()

    @property
    def stacks_dir(self) -> Path:
        return self.root / "cdktf.out" / "stacks"

    def declare(self, *, key_servers: dict, vsp_primary: str, dr_primary: str) -> None:
        scenario = {"urls": self.urls, "kmip_ports": self.kmip_ports, "key_servers": key_servers, "vsp_primary": vsp_primary, "dr_primary": dr_primary}
        (self.root / "scenario.json").write_text(json.dumps(scenario, indent=2))

    def environment(self) -> dict:
        return {**self.base_env, **self.env}

    def cdktf(self, *args: str) -> str:
        # (not keyform.ops.cdktf_cli.run: it leaves its pipe open, a ResourceWarning that pytest turns into an error)
        result = subprocess.run([str(REPO / "node_modules" / ".bin" / "cdktf"), *args], cwd=self.root,
                                env={**os.environ, **cdktf_cli.QUIET_ENV, **self.environment()}, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        output = cdktf_cli.ANSI.sub("", result.stdout)
        self.log.append((args, output))
        assert result.returncode == 0, f"cdktf {' '.join(args)} failed:\n" + "\n".join(output.splitlines()[-40:])
        return output

    def diff(self, *stacks: str) -> None:
        """``cdktf diff`` per stack: each leaves ``cdktf.out/stacks/<stack>/plan``."""
        for stack in stacks:
            (self.stacks_dir / stack / "plan").unlink(missing_ok=True)
            self.cdktf("diff", stack, "--skip-provider-lock")
            assert (self.stacks_dir / stack / "plan").exists(), f"cdktf diff {stack} left no plan file"

    def deploy(self, *stacks: str) -> None:
        self.cdktf("deploy", *stacks, "--auto-approve", "--skip-provider-lock")

    def destroy_plan(self, stack: str, ok: bool = True) -> str:
        """A saved destroy plan (``cdktf destroy`` cannot save one): ``terraform plan -destroy -out plan``;
        ``ok=False`` expects the plan to be refused. Its output."""
        result = subprocess.run(["terraform", "plan", "-destroy", "-out", "plan", "-input=false", "-no-color"],
                                cwd=self.stacks_dir / stack, env={**os.environ, **self.environment()},
                                capture_output=True, text=True, timeout=300)
        self.log.append((("terraform plan -destroy", stack), result.stdout + result.stderr))
        assert (result.returncode == 0) == ok, result.stdout[-3000:] + result.stderr[-3000:]
        return result.stdout + result.stderr

    def report(self, *stacks: str) -> tuple[int, str, str]:
        """``python -m keyform plan-report`` in the project (default ``--stacks-dir cdktf.out/stacks``) on the
        plans of ``stacks``: exit code, Markdown ("" when none was written), stderr."""
        output = self.root / "plan-report.md"
        output.unlink(missing_ok=True)
        result = subprocess.run(
            [sys.executable, "-m", "keyform", "plan-report", "--output", str(output), *stacks],
            cwd=self.root, env={**os.environ, **self.environment()}, capture_output=True, text=True, timeout=300,
        )
        text = output.read_text(encoding="utf-8") if output.exists() else ""
        return result.returncode, text, result.stderr

    def state(self, stack: str) -> str:
        path = self.root / f"terraform.{stack}.tfstate"
        return path.read_text(encoding="utf-8") if path.exists() else ""
