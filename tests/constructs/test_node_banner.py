"""jsii's end-of-life banner for the running Node ("Node 20 is end-of-life …") never reaches a user of the
constructs, whether or not ``.keyform/env.sh`` was sourced: ``keyform.constructs`` silences it before it
imports cdktf (which starts jsii's Node runtime)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.constructs.support import REPO

BANNER = "is end-of-life"


def stderr_of(code: str, tmp_path) -> str:
    """The stderr of ``python -c code`` in an environment without any JSII_* variable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JSII_")}
    env.update(PYTHONDONTWRITEBYTECODE="1", TMPDIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_importing_the_constructs_shows_no_node_end_of_life_banner(tmp_path):
    stderr = stderr_of("import keyform.constructs", tmp_path)
    assert BANNER not in stderr and "!!!!" not in stderr, stderr


def test_cdktf_alone_shows_it_so_the_check_above_means_something(tmp_path):
    """cdktf imported first, in the same environment, prints the banner on Node 20 (past jsii's support)."""
    node = subprocess.run(["node", "-p", "process.versions.node.split('.')[0]"], capture_output=True, text=True,
                          timeout=30).stdout.strip()
    if node != "20":
        pytest.skip(f"jsii prints no end-of-life banner for Node {node} today")
    stderr = stderr_of("import cdktf", tmp_path)
    assert f"Node 20 {BANNER}" in stderr, stderr
