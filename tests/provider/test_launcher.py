"""The launcher ``keyform provider install`` writes: it runs the nearest project's ``.keyform/python`` above the
directory Terraform runs in, else ``$KEYFORM_PROVIDER_PYTHON``, else it says what to do."""

from __future__ import annotations

import os
import subprocess

from keyform.provider import install

FAKE_PYTHON = '#!/bin/sh\necho "$0 $*"\n'


def _python(at) -> str:
    at.mkdir(parents=True, exist_ok=True)
    path = at / "python"
    path.write_text(FAKE_PYTHON)
    path.chmod(0o755)
    return str(path)


def _launch(launcher, cwd, **env) -> subprocess.CompletedProcess:
    return subprocess.run([str(launcher)], cwd=cwd, capture_output=True, text=True, timeout=30,
                          env={"PATH": os.environ["PATH"], **env})


def test_the_nearest_project_python_above_the_working_directory_runs_the_provider(tmp_path):
    launcher = tmp_path / "terraform-provider-rest"
    launcher.write_text(install.launcher())
    launcher.chmod(0o755)
    outer = _python(tmp_path / "outer" / ".keyform")
    inner = _python(tmp_path / "outer" / "project" / ".keyform")
    stack = tmp_path / "outer" / "project" / "cdktf.out" / "stacks" / "ontap"
    stack.mkdir(parents=True)
    assert _launch(launcher, stack).stdout == f"{inner} -m keyform.provider\n"
    assert _launch(launcher, tmp_path / "outer").stdout == f"{outer} -m keyform.provider\n"
    elsewhere = _python(tmp_path / "elsewhere")
    assert _launch(launcher, tmp_path, KEYFORM_PROVIDER_PYTHON=elsewhere).stdout == f"{elsewhere} -m keyform.provider\n"
    assert _launch(launcher, "/", KEYFORM_PROVIDER_PYTHON=elsewhere).stdout == f"{elsewhere} -m keyform.provider\n"
    missing = _launch(launcher, tmp_path)
    assert missing.returncode == 1
    assert "no Python found for this project: run `keyform provider install` in it" in missing.stderr
