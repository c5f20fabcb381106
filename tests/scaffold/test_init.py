"""``keyform init``: what it writes, and that it never overwrites without ``--force``. (The scaffolded repository
deployed from a plain shell: tests/e2e/test_user_repository.py.)"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from keyform import __version__
from keyform.__main__ import main
from keyform.scaffold import files
from tests.stacks.test_endpoints import app_env


def test_the_files_of_a_repository(tmp_path, capsys):
    assert main(["init", str(tmp_path / "infra")]) == 0
    written = {p.relative_to(tmp_path / "infra").as_posix() for p in (tmp_path / "infra").rglob("*") if p.is_file()}
    assert written == set(files()) == {
        "cdktf.json", "package.json", "requirements.txt", ".gitignore", "main.py", "stacks/__init__.py",
        "stacks/settings.py", "stacks/ontap.py", "stacks/vsp.py", "stacks/vault_dr.py",
        ".github/workflows/keyform.yml", "README.md"}
    assert "keyform provider install" in capsys.readouterr().out


def test_pins_and_the_app_command():
    scaffold = files()
    config = json.loads(scaffold["cdktf.json"])
    assert config["app"] == ".keyform/python main.py"  # the project's own Python, no activated venv needed
    assert config["targetVersions"] == {"terraform": ">=1.11.0"} and config["sendCrashReports"] == "false"
    assert scaffold["requirements.txt"] == f"keyform=={__version__}\n"
    assert json.loads(scaffold["package.json"])["devDependencies"] == {"cdktf-cli": "0.21.0"}
    for ignored in (".keyform/", "cdktf.out/", "*.tfstate", "node_modules/"):
        assert ignored in scaffold[".gitignore"].splitlines()


def test_python_files_parse_and_name_their_settings():
    scaffold = files()
    for name, text in scaffold.items():
        if name.endswith(".py"):
            ast.parse(text, name)
    for stack, variable in (("stacks/ontap.py", "KEYFORM_ONTAP_BASE_URL"), ("stacks/vsp.py", "KEYFORM_VSP_BASE_URL"),
                            ("stacks/vault_dr.py", "KEYFORM_VAULT_A_BASE_URL")):
        assert variable in scaffold[stack]
    assert "--skip-provider-lock" not in scaffold["README.md"] and "npx cdktf deploy" in scaffold["README.md"]


def test_an_existing_repository_is_written_into_only_with_force(tmp_path, capsys):
    root = tmp_path / "infra"
    root.mkdir()
    (root / "main.py").write_text("# mine\n")
    assert main(["init", str(root)]) == 2
    assert "already has main.py: pass --force" in capsys.readouterr().err
    assert (root / "main.py").read_text() == "# mine\n" and not (root / "cdktf.json").exists()
    assert main(["init", str(root), "--force"]) == 0
    assert (root / "main.py").read_text() == files()["main.py"]


def test_the_scaffolded_stacks_leave_a_username_set_in_the_environment_to_the_provider(tmp_path):
    """Set at synth, KEYFORM_ONTAP_USERNAME is not written into cdk.tf.json (the provider reads it when Terraform
    runs: the plan's user and the deploy's can differ); KEYFORM_VSP_USERNAME unset keeps the default, admin."""
    assert main(["init", str(tmp_path / "infra")]) == 0
    settings = {"KEYFORM_ONTAP_BASE_URL": "https://cluster1.example.com/api",
                "KEYFORM_VSP_BASE_URL": "https://vsp.example.com/mapi", "KEYFORM_KMIP_HOST": "kms.example.com",
                "KEYFORM_VAULT_A_BASE_URL": "https://vault-a.example.com:8200/v1",
                "KEYFORM_VAULT_B_BASE_URL": "https://vault-b.example.com:8200/v1",
                "KEYFORM_ONTAP_USERNAME": "keyform-ro"}
    result = subprocess.run([sys.executable, "main.py"], cwd=tmp_path / "infra", env=app_env(tmp_path, **settings),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / "stacks"
    [ontap], [vsp] = (json.loads((out / stack / "cdk.tf.json").read_text())["provider"]["rest"]
                      for stack in ("ontap", "vsp"))
    assert "username" not in ontap and vsp["username"] == "admin"
    assert "keyform-ro" not in (out / "ontap" / "cdk.tf.json").read_text()
