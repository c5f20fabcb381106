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


def _recording_python(at, arguments) -> str:
    """A project Python that writes the arguments it runs with, NUL-separated, and whether a warm provider is named."""
    python = _python(at)
    Path(python).write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\0" "$a"; done > {arguments}\n'
                            f'printf "%s" "${{KEYFORM_PROVIDER_WARM:-none}}" > {arguments}.warm\n')
    return python


def test_with_a_warm_provider_named_and_a_perl_the_launch_hands_over_in_perl(tmp_path):
    launcher = tmp_path / "terraform-provider-rest"
    launcher.write_text(install.launcher())
    launcher.chmod(0o755)
    arguments = tmp_path / "arguments"
    _recording_python(tmp_path / "project" / ".keyform", arguments)
    assert _launch(launcher, tmp_path / "project", KEYFORM_PROVIDER_WARM="/nowhere/warm.sock").returncode == 0
    # perl found no warm provider there: the same process became the cold launch, which does not try again
    assert arguments.read_text().split("\0")[:-1] == ["-m", "keyform.provider"]
    assert (tmp_path / "arguments.warm").read_text() == "none"
    assert "perl -e" in install.launcher() and (Path(handover.__file__).with_suffix(".pl")).exists()


def test_without_a_perl_the_launch_runs_the_python_handover_without_site(tmp_path):
    launcher = tmp_path / "terraform-provider-rest"
    launcher.write_text(install.launcher())
    launcher.chmod(0o755)
    arguments = tmp_path / "arguments"
    python = _recording_python(tmp_path / "project" / ".keyform", arguments)
    no_perl = tmp_path / "bin"
    no_perl.mkdir()
    assert subprocess.run([str(launcher)], cwd=tmp_path / "project", timeout=30,
                          env={"PATH": str(no_perl), "KEYFORM_PROVIDER_WARM": "/nowhere/warm.sock"}).returncode == 0
    flag, dash_c, code, passed_python = arguments.read_text().split("\0")[:4]
    # the text of handover.py, which asks for nothing of keyform, and the Python a cold launch would run
    assert (flag, dash_c, passed_python) == ("-S", "-c", python)
    assert code == (Path(handover.__file__)).read_text()
