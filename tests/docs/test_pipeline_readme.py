"""The README's "Running in a pipeline" (keyform's and the scaffolded project's) names exactly the jobs,
environments, secrets and variables its workflow uses: a user who creates what the section lists gets a
pipeline with nothing missing, and nothing the section lists is unused."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from keyform.scaffold import files
from tests.scaffold.test_workflow import referenced, repository_workflow, scaffold_workflow

REPO = Path(__file__).resolve().parents[2]
TITLE = "## Running in a pipeline"


def section(readme: str) -> str:
    assert readme.count(TITLE + "\n") == 1, f"the README has no (or several) '{TITLE}' section"
    text = readme.split(TITLE + "\n", 1)[1]
    return re.split(r"^## ", text, maxsplit=1, flags=re.M)[0]


def table(text: str, header: str) -> list[list[str]]:
    """The rows of the Markdown table whose header row starts with ``| header |``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def names(cell: str) -> set[str]:
    return set(re.findall(r"`([^`]+)`", cell))


def listed(text: str) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {"secret": set(), "variable": set()}
    for row in table(text, "Name"):
        kinds[row[1]] |= names(row[0])
    kinds["environment"] = {name for row in table(text, "Environment") for name in names(row[0])}
    return kinds


def used(workflow: dict[str, Any]) -> dict[str, set[str]]:
    environments: set[str] = set()
    for job in workflow["jobs"].values():
        if "environment" in job:  # a name, or an expression choosing between names: `cond && 'a' || 'b'`
            environments |= set(re.findall(r"(?:&&|\|\|) '([^']+)'", job["environment"])) or {job["environment"]}
    return {"secret": referenced(workflow, "secrets"), "variable": referenced(workflow, "vars"),
            "environment": environments}


@pytest.mark.parametrize("readme, workflow", [
    (lambda: (REPO / "README.md").read_text(), repository_workflow),
    (lambda: files()["README.md"], scaffold_workflow),
], ids=["repository", "scaffold"])
def test_the_section_lists_exactly_what_the_workflow_uses(readme, workflow):
    text = section(readme())
    data = YAML(typ="safe").load(workflow())
    assert listed(text) == used(data)
    assert "apply-plan" in text and "plan-report" in text and "KEYFORM_STATE_BACKEND" in text


def test_the_job_table_names_every_job():
    text = section((REPO / "README.md").read_text())
    data = YAML(typ="safe").load(repository_workflow())
    assert {row[0].strip("`") for row in table(text, "Job")} == {
        job.get("name", key) for key, job in data["jobs"].items()}
    assert "(#shared-state)" in text  # engineer "state"'s subsection of the README


def test_a_name_missing_from_the_section_is_found():
    """The comparison can fail: the section without one secret's row no longer matches."""
    text = section((REPO / "README.md").read_text())
    row = next(line for line in text.splitlines() if line.startswith("| `TF_VAR_dr_operation_token` |"))
    data = YAML(typ="safe").load(repository_workflow())
    assert listed(text.replace(row + "\n", ""))["secret"] == used(data)["secret"] - {"TF_VAR_dr_operation_token"}
