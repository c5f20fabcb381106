"""The main job: deploy the example stacks to the embedded simulators, show what the appliances
hold, and prove that ``cdktf diff`` then has nothing to do (``cdktn``, CDK Terrain's CLI, when the checkout is set
up with it).

``python -m keyform.main_job`` (what ``make run`` runs). Steps, each announced:
start the simulators → ``cdktf deploy`` every stack → read the appliances back → ``cdktf diff``
every stack → stop the simulators (always, also on error or Ctrl-C). Steps 2-4 run with a warm provider
(:mod:`keyform.provider.warm`): Terraform's provider launches fork from it instead of starting Python.
Simulator objects and Terraform state are kept under ``.keyform/run`` and the project, so a
second run changes nothing; ``--fresh`` starts both from empty.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

from keyform import toolchain
from keyform.ops import cdktf_cli
from keyform.ops.simulators_process import SimulatorsFailed, SimulatorsProcess, stack_environment
from keyform.ops.summary import Appliance, summarize
from keyform.provider import warm

PROJECT = Path(__file__).resolve().parents[1]
STACKS = ("ontap", "vsp", "vault-dr", "site")
STEPS = 5
DIFF_CONCURRENCY = 2  # cdktf diffs at once in step 4: each is ~3-6 s of mostly Node CPU; the machines have 2 cores
DEMO_FORMAT = "2"
"""What the embedded default's state in ``<run>/sim-state`` is made for (``FORMAT`` there): 2 = HTTPS on the run's
CA, real KMIP servers, Vault tokens replicated across the DR set. State of an earlier format is not carried over."""
CHANGE_LINE = re.compile(r"#\s+\S+.* (will|must) be |Plan: |Error: ")
"""A line of a diff's output that says what it would change, or why it failed."""


def step(number: int, text: str) -> None:
    print(f"[{number}/{STEPS}] {text}", flush=True)


def show(line: str) -> None:
    print(f"      {line.rstrip()}", flush=True)


def demo_secrets(run_dir: Path) -> dict:
    """Inputs the example stacks need as sensitive variables, made once per run directory (mode 0600)."""
    path = run_dir / "demo-secrets.json"
    if path.exists():
        return json.loads(path.read_text())
    values = {"TF_VAR_kmip_password": "kmip-" + secrets.token_urlsafe(12)}
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(values, handle)
    return values


def unfinished(deploy_output: str) -> list[str]:
    """The stacks a failed deploy did not apply to the end."""
    done = cdktf_cli.applied(deploy_output)
    return [stack for stack in STACKS if stack not in done]


def explain_refused_plan(project_dir: Path, env: dict, stacks: list[str]) -> None:
    """cdktf 0.21's deploy does not always print a plan that failed (a refusal at plan: upstream
    open-constructs/cdk-terrain#169; whether it does depends on when the error reaches it); ``cdktf diff`` does.
    Show its errors for each of ``stacks`` whose plan is refused (a stack that failed at apply plans cleanly)."""
    for stack in stacks:
        diff = cdktf_cli.run(["diff", stack, "--skip-provider-lock"], project_dir, env)
        if diff.returncode == 0:
            continue
        lines = diff.output.splitlines()
        first = next((i for i, line in enumerate(lines) if "Error:" in line), max(0, len(lines) - 25))
        print(f"error: the plan of {stack} was refused; {toolchain.cdk_name()} diff {stack} says:", file=sys.stderr)
        print("\n".join(line for line in lines[first:first + 25] if "Stack failed to plan" not in line),
              file=sys.stderr)


def appliances(endpoints: dict) -> list[Appliance]:
    kinds = {"ontap": "ontap", "vsp": "vsp", "site-vsp": "vsp"}
    return [
        Appliance(kinds.get(name, "vault"), name, entry["url"], entry.get("username", ""),
                  entry.get("password", ""), entry.get("token", ""), entry.get("ca_cert_file", ""))
        for name, entry in endpoints.items() if entry.get("system") != "kmip"  # KMIP servers: no API to read
    ]


def fresh_start(project_dir: Path, run_dir: Path) -> None:
    shutil.rmtree(run_dir / "sim-state", ignore_errors=True)
    for stack in STACKS:
        for suffix in ("", ".backup"):
            (project_dir / f"terraform.{stack}.tfstate{suffix}").unlink(missing_ok=True)


def earlier_demo_state(run_dir: Path) -> str:
    """Why the simulators' kept state cannot be used (empty when it can): made by an earlier keyform, its Vault
    clusters follow plain-HTTP addresses and its key servers are names no KMIP server answers."""
    state = run_dir / "sim-state"
    if not state.is_dir() or not any(state.glob("*.json")):
        return ""
    marker = state / "FORMAT"
    found = marker.read_text(encoding="utf-8").strip() if marker.is_file() else "1"
    if found == DEMO_FORMAT:
        return ""
    return (f"the embedded simulators' state in {state} was made by an earlier keyform (format {found}: plain HTTP, "
            f"no KMIP servers), which this one cannot carry over (its DR secondaries follow http:// addresses the "
            f"stacks no longer declare). Start the demo again from empty with `python -m keyform.main_job --fresh` "
            f"(it deletes {state} and the example stacks' local state, terraform.<stack>.tfstate).")


def state_backend() -> str:
    """``KEYFORM_STATE_BACKEND`` as the stacks read it (``local`` when unset or empty); an unknown value is left
    for the synth to refuse, naming the choices (:mod:`keyform.constructs.state_backend`, not imported here:
    it loads the CDK and its Node runtime)."""
    return os.environ.get("KEYFORM_STATE_BACKEND", "").strip() or "local"


def shared_state_problem(fresh: bool, backend: str) -> str:
    """Why ``--fresh`` cannot start from empty state (empty when it can): it deletes only the local state files,
    and keyform never deletes state kept elsewhere (``KEYFORM_STATE_BACKEND``, README "Shared state")."""
    if not fresh or backend == "local":
        return ""
    where = {"pg": "PostgreSQL", "s3": "S3", "http": "an HTTP state service"}.get(backend, backend)
    return (f"--fresh deletes only local Terraform state, but KEYFORM_STATE_BACKEND={backend} keeps it in {where}, "
            f"which keyform does not delete. Run without --fresh, or with a fresh database (pg: a new PGDATABASE, "
            f"or DROP SCHEMA keyform_<stack> CASCADE for each example stack) and a new --run-dir")


def one_at_a_time(backend: str) -> list[str]:
    """cdktf's flag to deploy the stacks one after the other with pg state: Terraform's pg backend holds one lock
    per database while it creates a stack's state, so new stacks deployed at once fail "Already locked for
    workspace creation" (README "Shared state")."""
    return ["--parallelism", "1"] if backend == "pg" else []


def run(project_dir: Path, run_dir: Path, free_ports: bool, fresh: bool) -> int:
    backend = state_backend()
    shared = shared_state_problem(fresh, backend)
    if shared:  # before anything is deleted or started
        print(f"error: {shared}", file=sys.stderr)
        return 2
    run_dir.mkdir(parents=True, exist_ok=True)
    if fresh:
        fresh_start(project_dir, run_dir)
    problem = earlier_demo_state(run_dir)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    (run_dir / "sim-state").mkdir(exist_ok=True)
    (run_dir / "sim-state" / "FORMAT").write_text(DEMO_FORMAT + "\n", encoding="utf-8")
    started = time.monotonic()
    step(1, "starting the embedded simulators (ONTAP, VSP One Object x2, Vault x4, KMIP servers x3)")
    with SimulatorsProcess(run_dir, free_ports=free_ports) as endpoints:
        for name, entry in endpoints.items():
            show(f"{name:9} {entry['url']}")
        for ca in sorted({entry["ca_cert_file"] for entry in endpoints.values() if entry.get("ca_cert_file")}):
            show(f"HTTPS certificates issued by the run's CA {ca} (trusted through KEYFORM_CA_CERT_FILE)")
        # the checkout's toolchain (what .keyform/env.sh sets) over the caller's environment, nothing dropped
        # KEYFORM_SIMULATORS=1: the example stacks may use the simulators' addresses (stacks/endpoints.py)
        env = toolchain.environment(**stack_environment(endpoints), **demo_secrets(run_dir), KEYFORM_SIMULATORS="1")
        # Terraform's provider launches of steps 2 and 4 fork from a warm provider (cold if it cannot start)
        with warm.running(required=False) as warm_provider:
            env.update(warm_provider.env)
            drifted = deploy_and_review(project_dir, env, backend, endpoints)
            if drifted is None:
                return 1
    step(5, f"simulators stopped; done in {time.monotonic() - started:.0f} s")
    if drifted:
        print(f"error: {toolchain.cdk_name()} diff still has changes for {', '.join(drifted)}", file=sys.stderr)
        return 1
    return 0


def deploy_and_review(project_dir: Path, env: dict, backend: str, endpoints: dict) -> Optional[list[str]]:
    """Steps 2-4: the stacks that still have changes after the deploy, or None when the deploy failed."""
    cli = toolchain.cdk_name()  # cdktf, or CDK Terrain's cdktn: whichever `make setup` installed
    step(2, f"{cli} deploy {' '.join(STACKS)}")
    deploy = cdktf_cli.run(["deploy", *STACKS, "--auto-approve", "--skip-provider-lock", *one_at_a_time(backend)],
                           project_dir, env, lambda line: show(line.strip()))
    if deploy.returncode != 0:
        print(f"error: {cli} deploy failed; its last lines:", file=sys.stderr)
        print("\n".join(deploy.output.splitlines()[-25:]), file=sys.stderr)
        explain_refused_plan(project_dir, env, unfinished(deploy.output))
        return None

    step(3, "what the appliances hold now")
    for line in summarize(appliances(endpoints)):
        show(line)

    step(4, f"{cli} diff of every stack, {DIFF_CONCURRENCY} at a time after the first (expecting no changes)")
    drifted = []
    pending: dict[str, list[str]] = {}
    for stack, clean in review(project_dir, env, pending=pending):
        show(f"{stack:9} {'no changes' if clean else f'CHANGES PENDING (see {cli} diff {stack})'}")
        if not clean:
            drifted.append(stack)
            for line in pending.get(stack, []):  # the simulators stop next: say here what the diff found
                show(f"          {line}")
    return drifted


def what_changes(output: str, most: int = 20) -> list[str]:
    """What a diff with changes found, in its own words: the resources it would change, its plan line and its
    errors (no attribute values), at most ``most`` lines."""
    found = [line.strip() for line in output.splitlines() if CHANGE_LINE.search(line)]
    return found[:most] + ([f"... ({len(found) - most} more)"] if len(found) > most else [])


def review(project_dir: Path, env: dict, concurrency: int = 0,
           pending: Optional[dict[str, list[str]]] = None) -> list[tuple[str, bool]]:
    """Step 4: each stack and whether ``cdktf diff`` finds nothing to change. The first stack's diff synthesizes
    the app; the other stacks' diffs then run ``concurrency`` at a time (default :data:`DIFF_CONCURRENCY`) on
    that synthesis (``--skip-synth``: diffs at once must not write ``cdktf.out`` at once). (``cdktf synth``
    itself is not used: it refuses a project whose bindings live elsewhere, which diff and deploy accept.)
    ``concurrency`` 1: every diff synthesizing, one by one, as step 4 did before (the benchmark compares them).
    ``pending``, when given, gets :func:`what_changes` of each stack whose diff was not clean."""
    concurrency = concurrency or DIFF_CONCURRENCY

    def diff(stack: str, *extra: str) -> bool:
        done = cdktf_cli.run(["diff", stack, "--skip-provider-lock", *extra], project_dir, env)
        clean = done.returncode == 0 and cdktf_cli.no_changes(done.output)
        if not clean and pending is not None:
            pending[stack] = what_changes(done.output)
        return clean

    if concurrency == 1:
        return [(stack, diff(stack)) for stack in STACKS]
    first, *others = STACKS
    results = [(first, diff(first))]
    with ThreadPoolExecutor(concurrency) as pool:
        return results + list(zip(others, pool.map(lambda stack: diff(stack, "--skip-synth"), others)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m keyform.main_job", description=__doc__.splitlines()[0])
    parser.add_argument("--project-dir", type=Path, default=PROJECT, help="where cdktf.json and main.py are")
    parser.add_argument("--run-dir", type=Path, help="simulator state and logs (default <project>/.keyform/run)")
    parser.add_argument("--free-ports", action="store_true", help="let the simulators pick free ports")
    parser.add_argument("--fresh", action="store_true", help="start from empty appliances and empty Terraform state")
    args = parser.parse_args(argv)
    run_dir = args.run_dir or args.project_dir / ".keyform" / "run"
    try:
        return run(args.project_dir, run_dir, args.free_ports, args.fresh)
    except (SimulatorsFailed, toolchain.TimedOut) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; simulators stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
