"""The main job's step 4, the review of the four example stacks (``cdktf diff`` of ontap, vsp, vault-dr, site),
timed as it was (one by one, each diff synthesizing) and as it is (the first diff synthesizing, then the others
concurrently on that synthesis).

The stacks are deployed first to the embedded simulators (free ports, a temporary run directory), from a copy
of the example project in a temporary directory: the checkout's own demo state is not touched.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from keyform import toolchain
from keyform.main_job import DIFF_CONCURRENCY, STACKS, demo_secrets, review
from keyform.ops import cdktf_cli
from keyform.ops.simulators_process import SimulatorsProcess, stack_environment

PROJECT = Path(__file__).resolve().parents[2]
MODES = {"one by one, each diff synthesizing": 1,
         f"the first diff synthesizing, then the others {DIFF_CONCURRENCY} at a time": 0}


def time_review(repeat: int = 1, log=print) -> dict[str, float]:
    """Seconds (min of ``repeat``) of step 4 in each of :data:`MODES`; every diff must find nothing to change."""
    folder = Path(tempfile.mkdtemp(prefix="keyform-bench-review-"))
    try:
        project = _copy_of_the_example_project(folder / "project")
        run_dir = folder / "run"
        run_dir.mkdir()
        with SimulatorsProcess(run_dir, free_ports=True) as endpoints:
            env = toolchain.environment(**stack_environment(endpoints), **demo_secrets(run_dir),
                                        KEYFORM_SIMULATORS="1")
            log("review: deploying the four example stacks")
            deploy = cdktf_cli.run(["deploy", *STACKS, "--auto-approve", "--skip-provider-lock"], project, env)
            if deploy.returncode != 0:
                raise RuntimeError("cdktf deploy of the example stacks failed:\n" + deploy.output[-2000:])
            seconds: dict[str, list[float]] = {mode: [] for mode in MODES}
            for rep in range(repeat):
                for mode, concurrency in MODES.items():
                    log(f"review: {mode} ({rep + 1}/{repeat})")
                    started = time.perf_counter()
                    outcome = review(project, env, concurrency)
                    seconds[mode].append(time.perf_counter() - started)
                    pending = [stack for stack, clean in outcome if not clean]
                    if pending:
                        raise RuntimeError(f"cdktf diff found changes right after the deploy: {', '.join(pending)}")
            return {mode: min(values) for mode, values in seconds.items()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_of_the_example_project(project: Path) -> Path:
    project.mkdir(parents=True)
    shutil.copyfile(PROJECT / "main.py", project / "main.py")
    shutil.copytree(PROJECT / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    config = json.loads((PROJECT / "cdktf.json").read_text())
    config["app"] = f"{sys.executable} main.py"
    config["codeMakerOutput"] = str(PROJECT / config.get("codeMakerOutput", "generated"))
    (project / "cdktf.json").write_text(json.dumps(config, indent=2))
    return project
