"""``python -m keyform import`` against the brownfield: the module is what ``render`` gives for what the
appliances hold, the same every time, with no secret in it or in the output; the app of ``--app``
synthesizes; every refusal names what to fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from keyform.__main__ import main
from keyform.importer import cli
from keyform.importer.connect import from_env
from keyform.importer.render import render
from tests.conftest import CA_CERT_FILE
from tests.importer.brownfield import dr_pair, vault_client

ARGS = ["ontap=ONTAP", "vsp=VSP", "vault=VAULT_A,VAULT_B"]
REPO = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_no_secret(brownfield, *texts: str) -> None:
    for text in texts:
        for secret in brownfield.secrets:
            assert secret not in text


def test_the_module_is_what_render_gives_for_what_was_read(brownfield, environ, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = Path("stacks") / "adopted.py"
    code, stdout, stderr = run(capsys, *ARGS, "--out", str(out))
    assert code == 0, stderr
    read = cli.read([[from_env("ontap", "ONTAP")], [from_env("vsp", "VSP")],
                     [from_env("vault", "VAULT_A"), from_env("vault", "VAULT_B")]])
    assert read == brownfield.expected
    text = out.read_text(encoding="utf-8")
    assert text == render(brownfield.expected)
    assert stdout.splitlines() == [
        "read ontap=ONTAP: 3 key manager(s), 3 key server(s)",
        "read vsp=VSP: 4 KMIP server(s), primary kms-c",
        "read vault=VAULT_A,VAULT_B: DR set, primary vault-a, secondaries dr-b",
        f"wrote {out}: the first `cdktf deploy` imports every object (N to import, 0 to add, 0 to change)",
        'add it to your app: from stacks.adopted import AdoptedStack; AdoptedStack(app, "adopted")',
    ]
    assert stderr == ""
    assert_no_secret(brownfield, text, stdout, stderr)


def test_importing_twice_gives_the_same_bytes(brownfield, environ, tmp_path, capsys):
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    # the same appliances named in another order, twice
    assert run(capsys, *ARGS, "--out", str(first))[0] == 0
    assert run(capsys, "vault=VAULT_A,VAULT_B", "vsp=VSP", "ontap=ONTAP", "--out", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_as_a_real_process(brownfield, environ, tmp_path, capsys):
    expected = tmp_path / "in-process.py"
    assert run(capsys, *ARGS, "--class", "Brownfield", "--out", str(expected))[0] == 0
    env = {k: v for k, v in os.environ.items()}
    env.update(JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", JSII_SILENCE_SUPPORT_WARNING="1",
               PYTHONDONTWRITEBYTECODE="1", TMPDIR=str(tmp_path))
    out = tmp_path / "subprocess.py"
    result = subprocess.run([sys.executable, "-m", "keyform", "import", *ARGS, "--class", "Brownfield", "--out",
                             str(out)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == expected.read_bytes()
    assert "class Brownfield(TerraformStack):" in out.read_text()
    assert f"wrote {out}" in result.stdout
    assert_no_secret(brownfield, result.stdout, result.stderr)


def test_app_directory_synthesizes(brownfield, environ, tmp_path, capsys):
    directory = tmp_path / "app"
    code, stdout, stderr = run(capsys, *ARGS, "--app", str(directory))
    assert code == 0, stderr
    assert sorted(p.name for p in directory.iterdir()) == ["adopted.py", "cdktf.json", "main.py"]
    config = json.loads((directory / "cdktf.json").read_text())
    # as `keyform init` writes it: the app runs with the directory's own Python, written by
    # `keyform provider install` (which the command says to run next); keyform's bindings need no `cdktf get`
    assert config["language"] == "python" and config["app"] == ".keyform/python main.py"
    assert config["sendCrashReports"] == "false" and config["terraformProviders"] == []
    assert "next: `keyform provider install" in stdout
    assert (directory / "adopted.py").read_text() == render(brownfield.expected)

    outdir = tmp_path / "out"
    env = dict(os.environ, CDKTF_OUTDIR=str(outdir), TF_CLI_CONFIG_FILE=str(REPO / ".keyform" / "terraformrc"),
               JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20",
               JSII_SILENCE_SUPPORT_WARNING="1", PYTHONDONTWRITEBYTECODE="1", TMPDIR=str(tmp_path))
    result = subprocess.run([sys.executable, "main.py"], cwd=directory, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    synthesized = (outdir / "stacks" / "adopted" / "cdk.tf.json").read_text()
    stack = json.loads(synthesized)
    resources = {f"{kind}.{name}" for kind, blocks in stack["resource"].items() for name in blocks}
    assert {block["to"] for block in stack["import"]} == resources and len(resources) == 18
    assert_no_secret(brownfield, synthesized, stdout, stderr, result.stdout, result.stderr)


def test_app_main_reports_a_config_error_like_the_repository_main(brownfield, environ, tmp_path, capsys):
    directory = tmp_path / "app"
    assert run(capsys, "vsp=VSP", "--app", str(directory))[0] == 0
    module = directory / "adopted.py"
    module.write_text(module.read_text().replace('primary="kms-c"', 'primary="kms-z"'))
    env = dict(os.environ, CDKTF_OUTDIR=str(tmp_path / "out"), JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20",
               JSII_SILENCE_SUPPORT_WARNING="1", PYTHONDONTWRITEBYTECODE="1", TMPDIR=str(tmp_path))
    result = subprocess.run([sys.executable, "main.py"], cwd=directory, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith(
        "error: adopted/vsp_kmip_servers: primary: 'kms-z' is not one of the declared servers.")
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------------------------------ outputs in the way
def test_an_existing_file_is_overwritten_only_with_force(brownfield, environ, tmp_path, capsys):
    out = tmp_path / "adopted.py"
    out.write_text("# mine\n")
    code, stdout, stderr = run(capsys, *ARGS, "--out", str(out))
    assert (code, stdout) == (2, "")
    assert stderr == f"keyform import: error: {out} exists: give --force to overwrite it\n"
    assert out.read_text() == "# mine\n"
    assert run(capsys, *ARGS, "--out", str(out), "--force")[0] == 0
    assert out.read_text() == render(brownfield.expected)


def test_a_directory_that_is_not_empty_is_written_into_only_with_force(brownfield, environ, tmp_path, capsys):
    directory = tmp_path / "app"
    directory.mkdir()
    (directory / "notes.txt").write_text("mine")
    code, stdout, stderr = run(capsys, "vsp=VSP", "--app", str(directory))
    assert code == 2
    assert f"keyform import: error: {directory} is not empty: name an empty or new directory" in stderr
    assert sorted(p.name for p in directory.iterdir()) == ["notes.txt"]
    assert run(capsys, "vsp=VSP", "--app", str(directory), "--force")[0] == 0
    assert sorted(p.name for p in directory.iterdir()) == ["adopted.py", "cdktf.json", "main.py", "notes.txt"]


# ----------------------------------------------------------------------------------------------- refusals
@pytest.mark.parametrize("args, message", [
    (["netapp=X"], "'netapp=X': unknown kind 'netapp': give ontap=NAME, vsp=NAME or vault=NAME[,NAME...]"),
    (["ONTAP"], "'ONTAP': unknown kind 'ontap' (no =): give ontap=NAME"),
    (["ontap="], "'ontap=' names no appliance: give ontap=NAME"),
    (["ontap=A,B"], "'ontap=A,B': ontap= takes one name: give ontap= once per appliance"),
    (["ontap=1st"], "'1st' is not a usable name"),
    (["ontap=ONTAP", "vsp=ontap"], "'ontap' is named twice (ontap=ONTAP and vsp=ontap): both would read "
                                   "KEYFORM_ONTAP_*"),
    (["vault=VAULT_A,vault-a"], "'vault-a' is named twice"),
    (["ontap=ONTAP", "--class", "adopted"], "--class 'adopted' is not a class name"),
    (["ontap=ONTAP", "--class", "None"], "--class 'None' is not a class name"),
])
def test_usage_errors_exit_2(brownfield, environ, tmp_path, capsys, args, message):
    code, stdout, stderr = run(capsys, *args, "--out", str(tmp_path / "x.py"))
    assert (code, stdout) == (2, "")
    assert stderr.startswith("keyform import: error: ") and message in stderr
    assert not (tmp_path / "x.py").exists()


def test_missing_base_url_names_the_variable(brownfield, environ, monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("KEYFORM_VSP_BASE_URL")
    code, stdout, stderr = run(capsys, *ARGS, "--out", str(tmp_path / "x.py"))
    assert code == 2
    assert stderr == ("keyform import: error: vsp=VSP: KEYFORM_VSP_BASE_URL is not set: set it to the management API "
                      "base, e.g. https://vsp.example.com/mapi\n")
    assert not (tmp_path / "x.py").exists()


def test_two_names_for_one_appliance_are_refused(brownfield, environ, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("KEYFORM_AGAIN_BASE_URL", environ["KEYFORM_ONTAP_BASE_URL"])
    monkeypatch.setenv("KEYFORM_AGAIN_PASSWORD", environ["KEYFORM_ONTAP_PASSWORD"])
    code, _, stderr = run(capsys, "ontap=ONTAP", "ontap=AGAIN", "--out", str(tmp_path / "x.py"))
    assert code == 2 and "ontap=ONTAP and ontap=AGAIN have the same base URL: name each appliance once" in stderr


@pytest.mark.parametrize("kind, variable, refusal", [
    ("ontap", "KEYFORM_ONTAP_PASSWORD", "answered 401"),
    ("vsp", "KEYFORM_VSP_PASSWORD", "answered 401"),
    ("vault", "KEYFORM_VAULT_A_TOKEN", "answered 403"),
])
def test_a_wrong_credential_is_the_appliance_refusal_without_the_secret(brownfield, environ, monkeypatch, tmp_path,
                                                                         capsys, kind, variable, refusal):
    wrong = "wrong-Credential-4711"
    monkeypatch.setenv(variable, wrong)
    name = variable.split("_", 1)[1].rsplit("_", 1)[0]
    code, stdout, stderr = run(capsys, f"{kind}={name}" if kind != "vault" else "vault=VAULT_A,VAULT_B",
                               "--out", str(tmp_path / "x.py"))
    assert (code, stdout) == (1, "")
    assert stderr.startswith(f"keyform import: error: {kind}={name} ({environ[f'KEYFORM_{name}_BASE_URL']}): "
                             "could not read ")
    assert refusal in stderr
    assert wrong not in stderr
    assert_no_secret(brownfield, stderr)
    assert not (tmp_path / "x.py").exists()


# ----------------------------------------------------------------------------------------- DR set refusals
@pytest.fixture
def more_vaults(simulator, monkeypatch, environ):
    """``more_vaults("VAULT_C", ...)``: fresh clusters (DR disabled) named on the command line."""

    def _start(*names: str) -> dict:
        started = {}
        for name in names:
            server = simulator("vault", name=name.lower().replace("_", "-"))
            monkeypatch.setenv(f"KEYFORM_{name}_BASE_URL", server.url + "/v1")
            monkeypatch.setenv(f"KEYFORM_{name}_TOKEN", server.settings.token)
            monkeypatch.setenv(f"KEYFORM_{name}_CA_CERT_FILE", CA_CERT_FILE)
            started[name] = server
        return started

    return _start


def enable_primary(server) -> None:
    vault_client(server.url + "/v1", server.settings.token).request("POST", "/sys/replication/dr/primary/enable", {})


def refusal(capsys, tmp_path, vault: str) -> str:
    code, stdout, stderr = run(capsys, f"vault={vault}", "--out", str(tmp_path / "x.py"))
    assert (code, stdout) == (1, ""), stderr
    assert not (tmp_path / "x.py").exists()
    return stderr


def test_a_disabled_cluster_is_not_in_the_set(more_vaults, tmp_path, capsys):
    c = more_vaults("VAULT_C")["VAULT_C"]
    stderr = refusal(capsys, tmp_path, "VAULT_A,VAULT_B,VAULT_C")
    assert stderr == (f"keyform import: error: vault=VAULT_A,VAULT_B,VAULT_C: vault=VAULT_C ({c.url}/v1) is in no DR "
                      "replication set (mode 'disabled'): leave VAULT_C out of vault=, or make it a DR secondary of "
                      "the set's primary first\n")


def test_two_primaries_are_two_sets(more_vaults, tmp_path, capsys):
    clusters = more_vaults("VAULT_C", "VAULT_D")
    for server in clusters.values():
        enable_primary(server)
    stderr = refusal(capsys, tmp_path, "VAULT_C,VAULT_D")
    assert "vault=VAULT_C,VAULT_D: vault=VAULT_C (" in stderr
    assert "are all DR primaries: a set has one; import each set with its own vault= argument" in stderr


def test_a_set_without_its_primary(brownfield, environ, tmp_path, capsys):
    stderr = refusal(capsys, tmp_path, "VAULT_B")
    assert stderr == ("keyform import: error: vault=VAULT_B: none of VAULT_B is a DR primary: name the set's primary "
                      "as well (vault=<PRIMARY>,VAULT_B with KEYFORM_<PRIMARY>_BASE_URL and _TOKEN set)\n")


def test_a_secondary_of_another_primary(more_vaults, brownfield, environ, tmp_path, capsys):
    c = more_vaults("VAULT_C")["VAULT_C"]
    enable_primary(c)
    stderr = refusal(capsys, tmp_path, "VAULT_C,VAULT_B")
    a_url = environ["KEYFORM_VAULT_A_BASE_URL"][: -len("/v1")]
    assert (f"vault=VAULT_B ({environ['KEYFORM_VAULT_B_BASE_URL']}) is a DR secondary of {a_url}, not of vault=VAULT_C "
            f"({c.url}/v1): it is not in the set of VAULT_C. Leave VAULT_B out, or import its own set") in stderr


def test_a_secondary_left_unnamed(brownfield, environ, tmp_path, capsys):
    stderr = refusal(capsys, tmp_path, "VAULT_A")
    b_url = environ["KEYFORM_VAULT_B_BASE_URL"][: -len("/v1")]
    assert f"is also the DR primary of dr-b ({b_url}), not named: name every cluster of the set" in stderr
    assert "(/sys/replication/dr/primary/revoke-secondary)" in stderr


def test_a_primary_alone_is_a_set_of_one(more_vaults, tmp_path, capsys):
    c = more_vaults("VAULT_C")["VAULT_C"]
    enable_primary(c)
    out = tmp_path / "x.py"
    assert run(capsys, "vault=VAULT_C", "--out", str(out))[0] == 0
    assert f'primary=VaultCluster("vault-c", vault_c, "{c.url}")' in out.read_text()
    assert "secondaries=[]" in out.read_text()


def test_a_second_set_in_the_same_import(more_vaults, brownfield, environ, tmp_path, capsys):
    clusters = more_vaults("VAULT_C", "VAULT_D")
    c, d = clusters["VAULT_C"], clusters["VAULT_D"]
    activation = dr_pair(c.url + "/v1", c.settings.token, d.url + "/v1", d.settings.token, "west")
    out = tmp_path / "x.py"
    code, stdout, stderr = run(capsys, "vault=VAULT_A,VAULT_B", "vault=VAULT_C,VAULT_D", "--out", str(out))
    assert code == 0, stderr
    text = out.read_text()
    assert '"dr_operation_token_vault_a"' in text and '"dr_operation_token_vault_c"' in text
    assert 'secondaries=[VaultCluster("west", vault_d, ' in text
    assert activation not in text
