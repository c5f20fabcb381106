"""``render`` on a fixed inventory: the reviewed snapshot, a stack the constructs accept and cdktf
synthesizes with every object adopted and no secret, and the rules of the text (sorted, ≤ 110 columns)."""

from __future__ import annotations

import ast
import dataclasses
import importlib.util
import json
import os
from pathlib import Path

import pytest
from keyform.cdk import App

from keyform.importer.model import Inventory, OntapCluster, VaultMember, VaultSet
from keyform.importer.render import render
from keyform.importer.source import WIDTH, Call, Raw, statement, string
from tests.constructs.support import walk
from tests.importer.fixed import INVENTORY

SNAPSHOT = Path(__file__).parent / "snapshots" / "adopted.py"
UPDATE = "KEYFORM_UPDATE_SNAPSHOTS"
SENTINELS = {"KEYFORM_ONTAP_PASSWORD": "sentinel-ontap-Passw0rd", "KEYFORM_VSP_PASSWORD": "sentinel-vsp-Passw0rd",
             "KEYFORM_VAULT_A_TOKEN": "sentinel-vault-a-token", "TF_VAR_dr_operation_token": "sentinel-dr-token",
             "TF_VAR_okm_passphrase_ontap": "sentinel okm passphrase of 32+ characters"}


def test_render_matches_the_reviewed_snapshot():
    text = render(INVENTORY)
    if os.environ.get(UPDATE):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8"), f"the snapshot is stale: review, then rerun with {UPDATE}=1"


def load_snapshot():
    spec = importlib.util.spec_from_file_location("keyform_importer_snapshot", SNAPSHOT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def synthesized(tmp_path, monkeypatch) -> dict:
    """The snapshot's stack, synthesized by cdktf with the defaults it was written with (secrets set in the
    environment as they would be when deploying)."""
    for key in list(os.environ):
        if key.startswith(("KEYFORM_", "TF_VAR_")):
            monkeypatch.delenv(key)
    for key, value in SENTINELS.items():
        monkeypatch.setenv(key, value)
    app = App(outdir=str(tmp_path / "out"))
    load_snapshot().AdoptedStack(app, "adopted")
    app.synth()
    return json.loads((tmp_path / "out" / "stacks" / "adopted" / "cdk.tf.json").read_text())


def test_snapshot_synthesizes_with_every_object_adopted(synthesized):
    resources = {f"{kind}.{name}" for kind, blocks in synthesized["resource"].items() for name in blocks}
    imported = {block["to"] for block in synthesized["import"]}
    assert imported == resources
    # 3 key managers, 3 key servers; 3 KMIP servers and their promotion; the DR set's calls
    kinds = sorted(name.split("_")[0] for name in synthesized["resource"]["rest_object"])
    assert kinds == ["ontap"] * 6 + ["vsp"] * 3
    assert len(synthesized["resource"]["rest_operation"]) > 1 + 2 * 3


def test_snapshot_synthesizes_no_secret(synthesized):
    text = json.dumps(synthesized)
    for value in SENTINELS.values():
        assert value not in text
    variables = synthesized["variable"]
    assert sorted(variables) == ["dr_operation_token", "kmip_password_svm1_kms1_example_com_5696",
                                 "okm_passphrase_ontap"]
    for name, variable in variables.items():
        assert variable["sensitive"] is True and variable["ephemeral"] is True and variable["default"] == ""
        assert f"set TF_VAR_{name}" in variable["description"]
    # every password, passphrase or token the JSON holds is a reference to an input, never a value
    for _, key, value in walk(synthesized):
        if key in ("password", "passphrase", "dr_operation_token") and isinstance(value, str):
            assert value.startswith(("${var.", "{secret.")) or "var." in value, (key, value)


def test_snapshot_endpoints_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("KEYFORM_ONTAP_BASE_URL", "https://elsewhere.example.com/api")
    app = App(outdir=str(tmp_path / "out"))
    load_snapshot().AdoptedStack(app, "adopted")
    app.synth()
    providers = json.loads((tmp_path / "out" / "stacks" / "adopted" / "cdk.tf.json").read_text())["provider"]["rest"]
    by_alias = {p["alias"]: p for p in providers}
    assert by_alias["ontap"]["base_url"] == "https://elsewhere.example.com/api"
    assert by_alias["vsp"]["base_url"] == "https://vsp.example.com/mapi"
    assert sorted(by_alias) == ["ontap", "vault-a", "vault-b", "vault-c", "vsp"]
    assert by_alias["vault-c"]["env_prefix"] == "KEYFORM_VAULT_C_"


def test_text_is_sorted_and_deterministic():
    shuffled = dataclasses.replace(INVENTORY, ontap=tuple(dataclasses.replace(
        c, key_managers=tuple(reversed(c.key_managers))) for c in INVENTORY.ontap))
    assert render(shuffled) == render(INVENTORY)
    text = render(INVENTORY)
    assert text.index('"ontap_cluster"') < text.index('"ontap_svm1"') < text.index('"ontap_svm2"')
    assert text.index('KmipServer(\n                    "kms-a"') < text.index('"kms-b", "kms-b.example.com"') \
        < text.index('KmipServer("kms-c"')
    # the primary first, then the secondaries by name
    assert text.index('VaultCluster("vault-a"') < text.index('VaultCluster("dr-east"') \
        < text.index('VaultCluster("dr-west"')


def test_text_is_formatted_python():
    text = render(INVENTORY)
    ast.parse(text)
    assert all(len(line) <= WIDTH for line in text.splitlines())
    assert not any(line != line.rstrip() for line in text.splitlines())
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\t" not in text
    assert "rest_object" not in text and "ObjectResource" not in text


def comments(text: str) -> str:
    """Every comment of ``text`` as one line."""
    return " ".join(line.strip()[2:] for line in text.splitlines() if line.strip().startswith("# "))


def test_notes_become_comments():
    text = render(INVENTORY)
    assert ("10.0.0.12:5697 of SVM svm1: its timeout 90 is outside 1-60 s (or -1, 0), what keyform declares: not "
            "declared, left as it is.") in comments(text)
    assert 'KeyServer("10.0.0.12:5697")' in text  # no timeout declared
    # as ONTAP holds them (one without its port): the constructs send secondaries as declared
    assert 'secondaries=["kms1-dr.example.com", "kms1-dr2.example.com:5696"]' in text


def test_several_appliances_of_a_kind_get_names_of_their_own():
    cluster = INVENTORY.ontap[0]
    west = dataclasses.replace(cluster, name="ONTAP_WEST", base_url="https://cluster2.example.com/api")
    vault = INVENTORY.vault[0]
    other = VaultSet((VaultMember("VAULT_X", "vault-x", "https://x.example.com/v1", "https://x.example.com", True),))
    text = render(Inventory((cluster, west), (), (vault, other)))
    for name in ('"ontap_svm1"', '"ontap_west_svm1"', '"ontap_cluster"', '"ontap_west_cluster"',
                 '"kmip_password_ontap_svm1_kms1_example_com_5696"',
                 '"kmip_password_ontap_west_svm1_kms1_example_com_5696"', '"okm_passphrase_ontap_west"',
                 '"dr_operation_token_vault_a"', '"dr_operation_token_vault_x"', 'ontap_west = ontap_provider(',
                 '"KEYFORM_ONTAP_WEST_BASE_URL"', 'self, "ontap-west",'):
        assert name in text, name
    assert "import os" in text and "vsp_provider" not in text and "KmipServer" not in text


def test_names_that_clash_get_a_suffix_never_a_hash():
    cluster = OntapCluster("ONTAP", "https://c.example.com/api", "admin", tuple(
        dataclasses.replace(INVENTORY.ontap[0].key_managers[0], svm=svm) for svm in ("svm.1", "svm-1")))
    text = render(Inventory((cluster,)))
    assert '"ontap_svm_1",' in text and '"ontap_svm_1_2",' in text


def test_an_appliance_without_objects_is_a_comment():
    text = render(Inventory((OntapCluster("ONTAP", "https://c.example.com/api", "admin"),)))
    assert "It held no key manager when it was read: nothing to adopt." in text
    assert "ontap_provider" not in text and "import os" not in text
    ast.parse(text)


@pytest.mark.parametrize("value", ["plain", 'quote " and \\ backslash', "tab\tnew\nline", "é ü", "\x00\x7f", "😀"])
def test_string_literals_read_back_as_the_value(value):
    assert ast.literal_eval(string(value)) == value


def test_a_long_call_opens_packs_and_closes():
    call = Call("f", Raw("self"), "x" * 40, values=["a" * 30, "b" * 30, "c" * 30], nested=Call("g", "y" * 90))
    lines = statement(call, 8, "result")
    assert lines[0] == "        result = f(" and lines[-1] == "        )"
    assert all(len(line) <= WIDTH for line in lines)
    assert ast.parse("\n".join(line[8:] for line in lines))


def test_every_name_imported_is_used_and_every_name_used_is_defined():
    """What a linter checks (F401 unused import, F821 undefined name), on the snapshot's syntax tree."""
    tree = ast.parse(SNAPSHOT.read_text(encoding="utf-8"))
    imported = {alias.asname or alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names} - {"annotations"}
    loaded = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    assigned = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    arguments = {arg.arg for node in ast.walk(tree) if isinstance(node, ast.arguments) for arg in node.args}
    assert imported <= loaded
    assert loaded <= imported | assigned | arguments | {"super", "str"}
    assert assigned <= loaded  # every secret and provider declared is used
