"""A throw-away CDKTF project for the plan-report scenarios, run with the real cdktf CLI and terraform.

:class:`ScenarioProject` writes ``cdktf.json`` (the repository's, with ``app`` set to this
Python), ``main.py`` (:mod:`tests.plan_report.scenario_app`) and ``scenario.json`` into a
temporary directory, and runs ``cdktf diff``/``cdktf deploy`` there with the environment that
``.keyform/env.sh`` gives a shell (:func:`keyform.toolchain.environment`, over the caller's environment:
nothing inherited is dropped) plus the appliances' credentials.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from keyform import toolchain

REPO = Path(__file__).resolve().parents[2]
APP = Path(__file__).resolve().parent / "scenario_app.py"
STACKS = ("ontap", "vsp", "vault-dr")


def toolchain_problem() -> str | None:
    """Why the scenarios cannot run here (make setup was not run, no terraform), or None."""
    missing = toolchain.missing(REPO)
    return f"missing: {', '.join(missing)}" if missing else None


def toolchain_env() -> dict:
    """What ``.keyform/env.sh`` exports (scripts/setup.sh writes it) for this checkout, over this environment."""
    return toolchain.environment(REPO, pythonpath=REPO)


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
        scenario = {"urls": self.urls, "kmip_ports": self.kmip_ports, "key_servers": key_servers,
                    "vsp_primary": vsp_primary, "dr_primary": dr_primary}
        (self.root / "scenario.json").write_text(json.dumps(scenario, indent=2))

    def environment(self) -> dict:
        return {**self.base_env, **self.env}

    def cdktf(self, *args: str) -> str:
        result = toolchain.run([toolchain.cdktf(REPO), *args], self.root, self.environment(), timeout=600)
        self.log.append((args, result.output))
        assert result.returncode == 0, f"cdktf {' '.join(args)} failed:\n" + result.tail(40)
        return result.output

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
        result = toolchain.run([toolchain.terraform(), "plan", "-destroy", "-out", "plan", "-input=false", "-no-color"],
                               self.stacks_dir / stack, self.environment(), timeout=300)
        self.log.append((("terraform plan -destroy", stack), result.output))
        assert (result.returncode == 0) == ok, result.output[-6000:]
        return result.output

    def report(self, *stacks: str) -> tuple[int, str, str]:
        """``python -m keyform plan-report`` in the project (default ``--stacks-dir cdktf.out/stacks``) on the
        plans of ``stacks``: exit code, Markdown ("" when none was written), stderr."""
        output = self.root / "plan-report.md"
        output.unlink(missing_ok=True)
        result = subprocess.run(
            [sys.executable, "-m", "keyform", "plan-report", "--output", str(output), *stacks],
            cwd=self.root, env=self.environment(), capture_output=True, text=True, timeout=300,
        )
        text = output.read_text(encoding="utf-8") if output.exists() else ""
        return result.returncode, text, result.stderr

    def state(self, stack: str) -> str:
        path = self.root / f"terraform.{stack}.tfstate"
        return path.read_text(encoding="utf-8") if path.exists() else ""
