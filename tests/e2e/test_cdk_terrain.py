"""keyform on CDK Terrain (``cdktn`` 0.24, the continuation of the deprecated cdktf): a copy of this checkout set up
with ``KEYFORM_CDK=cdktn scripts/setup.sh`` (the cdktn CLI and Node 22 from npm, cdktn and constructs 10.7 from
PyPI), whose main job deploys every example stack to the simulators with ``cdktn deploy`` and then finds nothing
to do with ``cdktn diff``; and ``cdktn get`` makes the committed ``generated-cdktn/``.

The copy is kept in ``.keyform/terrain`` (ignored by git), so only the first run installs (a few minutes); later
runs find it set up (set-up's stamps) and refresh only the sources."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from keyform import toolchain
from tests.e2e.harness import REPO, run_process

pytestmark = [pytest.mark.e2e, pytest.mark.terrain, pytest.mark.timeout(1800)]

PROJECT = REPO / ".keyform" / "terrain"
SOURCES = ("cdktf.json", "main.py", "stacks", "keyform", "generated", "generated-cdktn", "pyproject.toml",
           "requirements.lock", "requirements-cdktn.lock", "scripts", "toolchain", "package.json",
           "package-lock.json", "README.md", "CHANGELOG.md", "LICENSE", "MANIFEST.in")
STACKS = ("ontap", "vsp", "vault-dr", "site")


def plain_env() -> dict:
    """This shell without keyform's, Terraform's and cdktf's settings, nor this checkout's virtualenv; a home of
    the copy's own (npm's and pip's caches, Terraform's implied mirror: this checkout's stays untouched)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith((*toolchain.FOREIGN, "E2E_", "VIRTUAL_ENV", "PYTHONPATH"))}
    own = {str(REPO / ".venv" / "bin"), str(REPO / "node_modules" / ".bin")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", os.defpath).split(os.pathsep) if p not in own)
    env["HOME"] = str(PROJECT / "home")
    return env


def copy_sources() -> None:
    """The checkout's sources over the copy's (set-up's products — .venv, .keyform — stay)."""
    PROJECT.mkdir(parents=True, exist_ok=True)
    (PROJECT / "home").mkdir(exist_ok=True)
    for name in SOURCES:
        source, target = REPO / name, PROJECT / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)


@pytest.fixture(scope="module")
def terrain():
    """The copy, set up for CDK Terrain; prints how long the set-up took (first run: it installs)."""
    copy_sources()
    started = time.monotonic()
    setup = run_process(["bash", "scripts/setup.sh"], PROJECT,
                        {**plain_env(), "KEYFORM_CDK": "cdktn", "KEYFORM_PYTHON": sys._base_executable}, timeout=1500)
    assert setup.returncode == 0, setup.describe()
    print(f"[terrain] KEYFORM_CDK=cdktn set-up of {PROJECT}: {time.monotonic() - started:.1f} s", flush=True)
    assert (PROJECT / ".keyform" / "cdk").read_text().strip() == "cdktn"  # remembered for a plain `make setup`
    return PROJECT


def in_env_sh(project: Path, command: str, timeout: float = 300) -> toolchain.Run:
    """``command`` in a shell that sourced the copy's ``.keyform/env.sh``, as its README says."""
    return run_process(["bash", "-c", f". .keyform/env.sh && {command}"], project, plain_env(), timeout=timeout)


def test_the_copy_runs_cdk_terrain_on_node_22(terrain):
    versions = in_env_sh(terrain, "echo KEYFORM_CDK=$KEYFORM_CDK; node --version; cdktn --version; "
                                  "python -c 'import keyform.cdk as c; print(c.NAME, c.App.__module__)'; "
                                  "python -c 'import cdktf' 2>&1 | tail -1")
    assert versions.returncode == 0, versions.describe()
    lines = versions.output.splitlines()
    assert lines[0] == "KEYFORM_CDK=cdktn"
    assert re.fullmatch(r"v22\.(19|[2-9]\d)\.\d+", lines[1]), f"not Node >= 22.19: {lines[1]}"
    assert lines[2].strip() == "0.24.0"
    assert lines[3].startswith("cdktn cdktn")  # keyform.cdk took CDK Terrain's App
    assert lines[4] == "ModuleNotFoundError: No module named 'cdktf'"  # set-up replaced cdktf: nothing mixes


def test_main_job_deploys_every_stack_with_cdktn_then_cdktn_diff_has_nothing_to_do(terrain, tmp_path):
    run_dir = tmp_path / "run"
    command = [terrain / ".venv" / "bin" / "python", "-m", "keyform.main_job", "--free-ports", "--fresh",
               "--run-dir", run_dir]
    job = run_process(command, terrain, plain_env(), timeout=1200)
    assert job.returncode == 0, job.describe()
    assert f"[2/5] cdktn deploy {' '.join(STACKS)}" in job.output
    for stack in STACKS:  # named even where cdktn's chunk of output did not start with the line
        assert re.search(rf"{stack}\s+Plan: \d+ to add, 0 to change, 0 to destroy\.", job.output), job.tail()
        assert re.search(rf"{stack}\s+Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\.", job.output), \
            f"{stack} was not applied:\n{job.tail()}"
    assert "[4/5] cdktn diff of every stack" in job.output, job.tail()
    diff = job.output.split("[4/5] cdktn diff of every stack")[1]
    for stack in STACKS:
        assert re.search(rf"^\s+{stack}\s+no changes$", diff, re.M), diff
    assert "VSP One Object vsp" in job.output and "DR secondary, stream-wals" in job.output  # read back

    for stack in STACKS:  # synthesized by CDK Terrain, where cdktf writes, with Terraform >= 1.11 as its target
        synthesized = json.loads((terrain / "cdktf.out" / "stacks" / stack / "cdk.tf.json").read_text())
        assert synthesized["//"]["metadata"]["version"] == "0.24.0", synthesized["//"]["metadata"]
    secret = json.loads((run_dir / "demo-secrets.json").read_text())["TF_VAR_kmip_password"]
    written = [*(terrain / "cdktf.out").rglob("*.json"), *terrain.glob("terraform.*.tfstate")]
    assert len(written) > len(STACKS)
    assert not [p for p in written if secret in p.read_text(errors="replace")], "the KMIP password was written"
    assert secret not in job.output


def test_committed_cdktn_bindings_are_what_cdktn_get_makes(terrain, tmp_path):
    out = tmp_path / "generated-cdktn"
    get = in_env_sh(terrain, f"cdktn get --force --output {out}", timeout=600)
    assert get.returncode == 0, get.describe()
    committed, regenerated = REPO / "generated-cdktn" / "rest", out / "rest"
    names = sorted(str(p.relative_to(regenerated)) for p in regenerated.rglob("*") if p.is_file())
    assert names, "cdktn get wrote no bindings"
    assert names == sorted(str(p.relative_to(committed)) for p in committed.rglob("*")
                           if p.is_file() and "__pycache__" not in p.parts)
    _, mismatch, errors = filecmp.cmpfiles(committed, regenerated, names, shallow=False)
    assert not mismatch and not errors, (f"generated-cdktn/ is stale in {mismatch + errors}: run "
                                         "`KEYFORM_CDK=cdktn make setup bindings` and commit generated-cdktn/")


def test_plain_make_setup_keeps_the_remembered_cdk(terrain):
    again = run_process(["bash", "scripts/setup.sh"], terrain, plain_env(), timeout=600)
    assert again.returncode == 0, again.describe()
    assert "installing" not in again.output, again.output  # nothing to install: set up for cdktn already
    assert "export KEYFORM_CDK=cdktn" in (terrain / ".keyform" / "env.sh").read_text()
    wrong = run_process(["bash", "scripts/setup.sh"], terrain, {**plain_env(), "KEYFORM_CDK": "terrain"})
    assert wrong.returncode != 0
    assert "KEYFORM_CDK=terrain: choose cdktf (CDK for Terraform 0.21) or cdktn (CDK Terrain 0.24)." in wrong.output


def test_cdktf_bindings_do_not_load_under_cdk_terrain(terrain):
    """Why generated-cdktn/ exists: cdktf get's bindings import cdktf (and embed a jsii assembly built on it)."""
    tried = subprocess.run([terrain / ".venv" / "bin" / "python", "-c", "import keyform.bindings.rest.provider"],
                           cwd=terrain, env=plain_env(), capture_output=True, text=True, timeout=120)
    assert tried.returncode != 0 and "No module named 'cdktf'" in tried.stderr
