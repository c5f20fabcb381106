"""ruff and mypy, as the test command runs them: ``ruff check`` (ruff.toml) and ``mypy`` (mypy.ini), from the
repository root with this virtualenv's tools. mypy keeps its cache in .keyform/mypy_cache: ~20 s cold, ~1 s warm."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(tool) is None:
        pytest.fail(f"{tool} is not installed in {sys.prefix}: install the test extra (pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", tool, *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff():
    done = run("ruff", "check", "--no-fix", ".")
    assert done.returncode == 0, f"ruff check found problems (see ruff.toml):\n{done.stdout}{done.stderr}"


def test_mypy():
    done = run("mypy")
    assert done.returncode == 0, f"mypy found problems (see mypy.ini):\n{done.stdout}{done.stderr}"


def test_mypy_is_strict_on_constructs_client_and_provider_with_no_module_let_off():
    import configparser

    config = configparser.ConfigParser()
    config.read(REPO / "mypy.ini")
    checked = {f.strip() for f in config["mypy"]["files"].split(",")}
    assert {"keyform/constructs", "keyform/client", "keyform/provider"} <= checked
    assert config["mypy"].getboolean("strict")
    let_off = [s for s in config.sections() if s.startswith("mypy-keyform.") and s != "mypy-keyform.bindings.*"]
    assert let_off == [], f"mypy.ini relaxes {let_off}"
