"""From the example project with the cdktf CLI: a stack with no address is refused at synth, naming the
variable; an ONTAP stack whose password is not set is refused at plan, naming the variable, before any call."""

from __future__ import annotations

import re
import shutil

import pytest

from keyform.provider.install import cli_config, install_into
from tests.e2e.harness import CDKTF, REPO, run_process, tool_env, write_cdktf_json

pytestmark = pytest.mark.e2e


@pytest.fixture
def example(tmp_path):
    """A copy of the example project, and its environment: the provider from a private mirror (the code of this
    checkout as it is now), nothing of the caller's KEYFORM_* settings."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copyfile(REPO / "main.py", project / "main.py")
    shutil.copytree(REPO / "stacks", project / "stacks", ignore=shutil.ignore_patterns("__pycache__"))
    write_cdktf_json(project)
    mirror = tmp_path / "mirror"
    install_into(mirror / "plugins")
    (mirror / "terraformrc").write_text(cli_config(mirror / "plugins"))
    env = {**tool_env(), "TF_CLI_CONFIG_FILE": str(mirror / "terraformrc"), "TMPDIR": str(tmp_path)}
    return project, env


def flat(text: str) -> str:
    """cdktf's output without its stack prefixes, frames and line wrapping."""
    return re.sub(r"\s+", " ", re.sub(r"(?m)^\S*\s*[│╷╵]\s?", "", text))


def test_a_stack_without_its_address_is_refused_at_synth(example):
    project, env = example
    result = run_process([CDKTF, "synth"], project, env)
    assert result.returncode != 0
    assert ("ontap: KEYFORM_ONTAP_BASE_URL: not set. Fix: set it to the cluster's API base, e.g. "
            "https://cluster1.example.com/api, or KEYFORM_SIMULATORS=1 to use the embedded simulators") in flat(
        result.output)
    assert not (project / "cdktf.out" / "manifest.json").exists()


def test_an_ontap_stack_without_its_password_names_the_variable(example, simulator):
    project, env = example
    ontap = simulator("ontap", name="ontap-nopw", password="ontap-pw-e2e-41")
    env.update(KEYFORM_SIMULATORS="1", KEYFORM_ONTAP_BASE_URL=ontap.url + "/api", TF_VAR_kmip_password="kmip-pw-x")
    result = run_process([CDKTF, "diff", "ontap", "--skip-provider-lock"], project, env)
    assert result.returncode != 0
    text = flat(result.output)
    assert "KEYFORM_ONTAP_PASSWORD is not set" in text, result.output[-3000:]
    assert (f"Set KEYFORM_ONTAP_PASSWORD to the password of user admin on {ontap.url}/api, or set password in the "
            "provider block.") in text, result.output[-3000:]
    assert "401" not in text and "incorrect" not in text
