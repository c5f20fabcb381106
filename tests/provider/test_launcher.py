"""The launcher ``keyform provider install`` writes: it runs the nearest project's ``.keyform/python`` above the
directory Terraform runs in, else ``$KEYFORM_PROVIDER_PYTHON``, else it says what to do."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from keyform.provider import handover, install

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


def test_with_a_warm_provider_named_the_launch_runs_the_handover_without_site(tmp_path):
    launcher = tmp_path / "terraform-provider-rest"
    launcher.write_text(install.launcher())
    launcher.chmod(0o755)
    python = _python(tmp_path / "project" / ".keyform")
    arguments = tmp_path / "arguments"
    Path(python).write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\0" "$a"; done > {arguments}\n')
    assert _launch(launcher, tmp_path / "project", KEYFORM_PROVIDER_WARM="/nowhere/warm.sock").returncode == 0
    flag, dash_c, code, passed_python = arguments.read_text().split("\0")[:4]
    # the text of handover.py, which asks for nothing of keyform, and the Python a cold launch would run
    assert (flag, dash_c, passed_python) == ("-S", "-c", python)
    assert code == (Path(handover.__file__)).read_text()
