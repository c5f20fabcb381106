"""``python -m keyform plan-report``: inputs, output, exit codes and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from keyform.__main__ import main
from keyform.plan_report import EXIT_DANGEROUS, EXIT_ERROR, EXIT_SAFE
from keyform.plan_report.load import prior_state_providers
from tests.plan_report.plans import key_manager, key_server, plan, promotion

REPO = Path(__file__).resolve().parents[2]


def write(path: Path, document: dict) -> str:
    path.write_text(json.dumps(document))
    return str(path)


def safe_plan() -> dict:
    return plan(key_server(["update"], "10.0.0.5:5696", ["10.0.0.6:5696"], []), providers={"ontap-east": "ontap"})


def dangerous_plan() -> dict:
    return plan(promotion(["update"], "kms-a", "kms-b"), providers={"vsp-west": "vsp"})


def test_safe_plan_exits_0_and_prints_markdown(tmp_path, capsys):
    code = main(["plan-report", "--plan-json", write(tmp_path / "ontap.json", safe_plan())])
    out, err = capsys.readouterr()
    assert code == EXIT_SAFE == 0
    assert out.startswith("<!-- keyform-plan-report -->\n## keyform plan review\n")
    assert "### Stack `ontap`" in out  # named after the file
    assert ("_State not checked: a plan JSON document does not say which state it was made against._"
            in out.splitlines())
    assert "current" not in out
    assert "no dangerous operation" in err


def test_dangerous_plan_exits_3_and_writes_the_output_file(tmp_path, capsys):
    output = tmp_path / "out" / "report.md"
    code = main(["plan-report", "--plan-json", "site-vsp=" + write(tmp_path / "x.json", dangerous_plan()),
                 "--plan-json", write(tmp_path / "ontap.json", safe_plan()), "--output", str(output)])
    out, err = capsys.readouterr()
    assert code == EXIT_DANGEROUS == 3
    assert out == ""
    text = output.read_text()
    assert "### Stack `site-vsp`" in text and "### Stack `ontap`" in text
    assert "1 dangerous operation(s) planned (site-vsp, ontap); exit 3" in err


def test_stack_names_filter_plan_json_inputs(tmp_path, capsys):
    code = main(["plan-report", "ontap", "--plan-json", write(tmp_path / "vsp.json", dangerous_plan()),
                 "--plan-json", write(tmp_path / "ontap.json", safe_plan())])
    assert code == EXIT_SAFE
    assert "### Stack `vsp`" not in capsys.readouterr().out


def test_missing_plan_json_is_an_error_naming_the_file(tmp_path, capsys):
    missing = tmp_path / "vault-dr.json"
    assert main(["plan-report", "--plan-json", str(missing)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert str(missing) in err and "terraform show -json plan" in err and "cdktf diff vault-dr" in err


def test_state_or_garbage_instead_of_a_plan(tmp_path, capsys):
    state = write(tmp_path / "ontap.json", {"format_version": "1.0", "values": {}})
    assert main(["plan-report", "--plan-json", state]) == EXIT_ERROR
    assert "is Terraform state, not a plan" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{not json")
    assert main(["plan-report", "--plan-json", str(tmp_path / "bad.json")]) == EXIT_ERROR
    assert "cannot read it as JSON" in capsys.readouterr().err


def test_errored_plan_is_an_error(tmp_path, capsys):
    document = dict(safe_plan(), errored=True)
    assert main(["plan-report", "--plan-json", write(tmp_path / "ontap.json", document)]) == EXIT_ERROR
    assert "errored" in capsys.readouterr().err


def test_stacks_dir_without_plans(tmp_path, capsys):
    assert main(["plan-report", "--stacks-dir", str(tmp_path / "nowhere")]) == EXIT_ERROR
    assert "no such directory" in capsys.readouterr().err and True
    stacks = tmp_path / "stacks"
    for name in ("ontap", "vsp"):
        (stacks / name).mkdir(parents=True)
        (stacks / name / "cdk.tf.json").write_text("{}")
    assert main(["plan-report", "--stacks-dir", str(stacks)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "no saved plan for stack(s) ontap, vsp" in err and str(stacks / "ontap" / "plan") in err
    assert "cdktf diff <stack>" in err
    assert main(["plan-report", "--stacks-dir", str(stacks), "vsp"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert f"{stacks / 'vsp' / 'plan'}: no saved plan for stack 'vsp'" in err and "`cdktf diff vsp`" in err
    assert main(["plan-report", "--stacks-dir", str(stacks), "site"]) == EXIT_ERROR
    assert "stacks found: ontap, vsp" in capsys.readouterr().err


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


def test_module_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "keyform", "plan-report", "--plan-json",
                             write(tmp_path / "vsp.json", dangerous_plan())],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "KMIP server `kms-b` **becomes primary**" in result.stdout
    help_text = subprocess.run([sys.executable, "-m", "keyform", "plan-report", "--help"], cwd=REPO,
                               capture_output=True, text=True, timeout=60).stdout
    assert "3 dangerous operations planned" in help_text
    assert "4 a plan is stale" in " ".join(help_text.split())


def test_prior_state_providers_read_from_the_plan_file(tmp_path):
    state = {"resources": [
        {"mode": "managed", "type": "rest_operation", "name": "dr_vault_b_demote_1",
         "provider": 'provider["keyform.local/keyform/rest"].vault-b', "instances": [{"attributes": {"x": "secret"}}]},
        {"mode": "managed", "type": "rest_object", "name": "plain",
         "provider": 'provider["keyform.local/keyform/rest"]'},
        {"mode": "data", "type": "rest_object", "name": "lookup",
         "provider": 'provider["keyform.local/keyform/rest"].a'},
    ]}
    with zipfile.ZipFile(tmp_path / "plan", "w") as archive:
        archive.writestr("tfstate", json.dumps(state))
    assert prior_state_providers(tmp_path / "plan") == {"rest_operation.dr_vault_b_demote_1": "rest.vault-b",
                                                        "rest_object.plain": "rest"}
    (tmp_path / "not-a-zip").write_text("x")
    assert prior_state_providers(tmp_path / "not-a-zip") == {}


def test_removed_resource_found_on_its_appliance_through_the_plan_file(tmp_path):
    from keyform.plan_report import StackPlan, markdown
    document = plan(key_manager(["no-op"], alias="ontap-a"), key_server(["delete"], "10.0.0.5:5696", alias="ontap-b"),
                    providers={"ontap-a": "ontap", "ontap-b": "ontap"})
    address = document["resource_changes"][1]["address"]
    text, _ = markdown([StackPlan("ontap", "p", document, {address: "rest.ontap-b"})])
    assert "#### NetApp ONTAP `ontap-b` · `https://ontap-east.example.com/api`" in text.splitlines()
