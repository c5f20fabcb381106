"""The committed bindings (generated/) are what ``cdktf get`` makes from the provider's current schema.

``cdktf get`` runs in a copy of the project (cdktf.json, main.py): it starts the provider
(keyform/provider), reads its schema and writes generated/. Any schema change (an attribute,
a description) changes the bindings, so this test fails until they are regenerated.
"""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
from pathlib import Path

from keyform import toolchain
from tests.constructs.support import REPO, tool_env

FIX = "run `make bindings` (it runs `cdktf get --force`) and commit generated/"


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def test_cdktf_json_declares_the_codegen():
    config = json.loads((REPO / "cdktf.json").read_text())
    assert config["language"] == "python"
    assert config["app"] == "python main.py"
    assert config["codeMakerOutput"] == "generated"
    assert config["terraformProviders"] == ["keyform.local/keyform/rest@0.1.0"]


def test_committed_bindings_match_the_provider_schema(scratch, mirror):
    project = scratch / "project-get"
    project.mkdir()
    for name in ("cdktf.json", "main.py"):
        shutil.copy2(REPO / name, project / name)
    tmp = scratch / "tmp"
    tmp.mkdir(exist_ok=True)
    result = subprocess.run([toolchain.cdktf(REPO), "get"], cwd=project,
                            env=tool_env(tmp, mirror), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"cdktf get failed:\n{result.stdout}\n{result.stderr}"

    committed, regenerated = REPO / "generated", project / "generated"
    old, new = tree(committed), tree(regenerated)
    assert new, "cdktf get wrote no bindings"
    assert old == new, (f"generated/ does not list the files cdktf get makes: "
                        f"only committed {sorted(set(old) - set(new))}, "
                        f"only regenerated {sorted(set(new) - set(old))}. The bindings are stale: {FIX}")
    _, mismatch, errors = filecmp.cmpfiles(committed, regenerated, old, shallow=False)
    assert not mismatch and not errors, f"generated/ differs from the provider's schema in {mismatch + errors}: {FIX}"
