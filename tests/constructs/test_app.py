"""The app of main.py: a clean error when a stack is invalid, every stack valid for terraform, and
``cdktf synth`` (the real CLI, in a copy of the project) producing all four stacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from keyform import toolchain
from tests.constructs.support import REPO, STACKS, tool_env


def run(args, cwd, env, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def env(scratch, mirror) -> dict:
    tmp = scratch / "tmp"
    tmp.mkdir(exist_ok=True)
    return tool_env(tmp, mirror, KEYFORM_SIMULATORS="1")  # the stacks' addresses: the simulators'


@pytest.mark.parametrize("settings, message", [
    ({"KEYFORM_VSP_PRIMARY": "kms-z"},
     "error: vsp/kmip: primary: 'kms-z' is not one of the declared servers. Fix: name one of: kms-a, kms-b, kms-c"),
    ({"KEYFORM_KMIP_HOST": "kms host"},  # the ONTAP stack's primaries are the KMIP servers too: it says so first
     "error: ontap/key_manager: key_servers[0].server: 'kms host:5696' is not a host[:port]: the character ' ' is not "
     "allowed. Fix: give a DNS name or an IP address, e.g. 'kms1.example.com:5696' or '[fd00::1]:5696'"),
    ({"KEYFORM_VAULT_DR_PRIMARY": "vault-z"},
     "error: vault-dr: KEYFORM_VAULT_DR_PRIMARY: 'vault-z' is not one of the clusters. "
     "Fix: set KEYFORM_VAULT_DR_PRIMARY to one of: vault-a, vault-b"),
    ({"KEYFORM_SITE_VAULT_DR_PRIMARY": "vault-a"},
     "error: site: KEYFORM_SITE_VAULT_DR_PRIMARY: 'vault-a' is not one of the clusters. "
     "Fix: set KEYFORM_SITE_VAULT_DR_PRIMARY to one of: vault-c, vault-d"),
])
def test_invalid_stack_gives_a_clean_error(scratch, env, settings, message):
    outdir = scratch / "invalid-out"
    result = run([sys.executable, str(REPO / "main.py")], cwd=scratch,
                 env=dict(env, CDKTF_OUTDIR=str(outdir), **settings))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == message
    assert not (outdir / "manifest.json").exists()


def test_valid_app_exits_0(scratch, env):
    outdir = scratch / "valid-out"
    result = run([sys.executable, str(REPO / "main.py")], cwd=scratch, env=dict(env, CDKTF_OUTDIR=str(outdir)))
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower()
    assert sorted(json.loads((outdir / "manifest.json").read_text())["stacks"]) == sorted(STACKS)


@pytest.mark.parametrize("name", STACKS)
def test_full_synth_passes_terraform_validate(example_synth, env, name):
    directory, config = example_synth[name]
    assert config["terraform"]["required_providers"] == {"rest": {"source": "keyform.local/keyform/rest",
                                                                  "version": "0.1.0"}}
    init = run([toolchain.terraform(), "init", "-input=false", "-backend=false", "-no-color"], directory, env)
    assert init.returncode == 0, init.stdout + init.stderr
    validate = run([toolchain.terraform(), "validate", "-json", "-no-color"], directory, env)
    report = json.loads(validate.stdout)
    assert report["valid"] is True and report["error_count"] == 0, json.dumps(report["diagnostics"], indent=1)
    assert report["warning_count"] == 0, json.dumps(report["diagnostics"], indent=1)


def test_cdktf_synth_produces_every_stack(scratch, env, example_synth):
    project = scratch / "project-synth"
    project.mkdir()
    for name in ("cdktf.json", "main.py"):
        shutil.copy2(REPO / name, project / name)
    for name in ("stacks", "generated"):
        shutil.copytree(REPO / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    result = run([toolchain.cdktf(REPO), "synth"], project, env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    out = project / "cdktf.out"
    assert sorted(json.loads((out / "manifest.json").read_text())["stacks"]) == sorted(STACKS)
    for name in STACKS:
        synthesized = json.loads((out / "stacks" / name / "cdk.tf.json").read_text())
        in_process = json.loads(json.dumps(example_synth[name][1]))
        # local state next to the project; otherwise the same as main.build in-process (what the other tests check)
        local_state = str(project / f"terraform.{name}.tfstate")
        assert synthesized["terraform"].pop("backend") == {"local": {"path": local_state}}
        in_process["terraform"].pop("backend")
        # and the embedded simulators' CA of the project, kept with its simulators' state (.keyform/run/sim-state)
        embedded_ca = str(project / ".keyform" / "run" / "sim-state" / "ca.pem")
        assert {p.pop("ca_cert_file") for p in synthesized["provider"]["rest"]} == {embedded_ca}, name
        for provider in in_process["provider"]["rest"]:
            provider.pop("ca_cert_file")
        assert synthesized == in_process, name
