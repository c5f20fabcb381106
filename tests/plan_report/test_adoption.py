"""Imports (Terraform 1.5+ ``import`` blocks): adopted objects are listed, never flagged; an import that also
changes something is that change, marked "(adopted)"."""

from __future__ import annotations

import json

from keyform.__main__ import main
from keyform.plan_report import EXIT_DANGEROUS, EXIT_SAFE
from keyform.plan_report.mask import collect_secrets
from tests.plan_report.plans import (KM_UUID, canonical, change, dr_call, dr_values, key_manager, key_server,
                                     kmip_server, plan, promotion)
from tests.plan_report.test_classify import ONTAP, VAULT, VSP, dangers, lines, report

ADOPTED_HEADER = "| Stack | Appliance | Added | Adopted | Changed | Replaced | Removed | Dangerous |"
SERVER_ID = f"/security/key-managers/{KM_UUID}/key-servers/"


def adopted_server(actions: list[str], server: str, *args, **kwargs) -> dict:
    return key_server(actions, server, *args, importing=SERVER_ID + server, **kwargs)


def adopted_call(cluster: str, name: str, call: str, primary: str, **values) -> dict:
    """A DR call imported as the provider imports one: its effect holds, its secret input is marked adopted."""
    state = dr_values(call, primary, digest="adopted", **values)
    return dr_call(["no-op"], cluster, name, state, dict(state), after_unknown={},
                   importing=canonical({"path": state["path"], "id": "adopted"}))


def run_cli(tmp_path, document: dict) -> tuple[int, str]:
    path = tmp_path / "site.json"
    path.write_text(json.dumps(document))
    output = tmp_path / "report.md"
    code = main(["plan-report", "--plan-json", str(path), "--output", str(output)])
    return code, output.read_text()


# ----------------------------------------------------------------------------------------- ONTAP
def test_ontap_key_manager_and_key_servers_adopted_exit_0(tmp_path, capsys):
    code, text = run_cli(tmp_path, plan(
        key_manager(["no-op"], importing=f"/security/key-managers/{KM_UUID}"),
        adopted_server(["no-op"], "kms1.example.com:5696", ["kms1-dr.example.com:5696"], ["kms1-dr.example.com:5696"]),
        adopted_server(["no-op"], "kms2.example.com:5696"),
        providers=ONTAP))
    assert code == EXIT_SAFE
    assert "no dangerous operation planned" in capsys.readouterr().err
    assert "> No dangerous operation in this plan." in lines(text)
    assert dangers(text) == [] and "⚠️" not in text
    assert ADOPTED_HEADER in lines(text)
    assert "| `site` | NetApp ONTAP `ontap-east` | 0 | 3 | 0 | 0 | 0 | 0 |" in lines(text)
    section = text[text.index("**Adopted**"):].splitlines()[2:5]
    assert section == [
        "- key manager of SVM `svm1` is adopted (no change on the appliance)",
        "- primary key server `kms1.example.com:5696` of the key manager of SVM `svm1` is adopted (no change on the "
        "appliance)",
        "- primary key server `kms2.example.com:5696` of the key manager of SVM `svm1` is adopted (no change on the "
        "appliance)",
    ]


def test_import_with_an_update_is_the_update_marked_adopted():
    text, dangerous = report(plan(
        key_manager(["no-op"], importing=f"/security/key-managers/{KM_UUID}"),
        adopted_server(["update"], "kms1.example.com:5696", [], ["kms1-dr.example.com:5696"]),
        providers=ONTAP))
    assert not dangerous
    assert ("- key server `kms1.example.com:5696` gains the secondary `kms1-dr.example.com:5696` (adopted)"
            in lines(text))
    assert "| `site` | NetApp ONTAP `ontap-east` | 0 | 1 | 1 | 0 | 0 | 0 |" in lines(text)


def test_import_and_replace_of_a_key_manager_is_dangerous_as_any_replacement(tmp_path):
    code, text = run_cli(tmp_path, plan(
        key_manager(["delete", "create"], replace_paths=[["data"]], importing=f"/security/key-managers/{KM_UUID}"),
        providers=ONTAP))
    assert code == EXIT_DANGEROUS
    assert dangers(text) == ["- **the key manager of SVM `svm1` is REPLACED (deleted and created again)** "
                             "· stack `site`, NetApp ONTAP `ontap-east`"]
    assert ("- ⚠️ key manager of SVM `svm1` is **replaced** (deleted, then created again): a key that cannot be "
            "updated in place changes (adopted)") in lines(text)
    # nothing only adopted
    assert "| Stack | Appliance | Added | Changed | Replaced | Removed | Dangerous |" in lines(text)
    assert "| `site` | NetApp ONTAP `ontap-east` | 0 | 0 | 1 | 0 | **1** |" in lines(text)


def test_import_changing_only_terraform_records_is_adopted():
    manager = key_manager(["update"], importing=f"/security/key-managers/{KM_UUID}")
    manager["change"]["after"]["response"] = canonical({"uuid": KM_UUID})
    text, dangerous = report(plan(manager, providers=ONTAP))
    assert not dangerous
    assert "- key manager of SVM `svm1` is adopted (no change on the appliance)" in lines(text)
    assert "- key manager of SVM `svm1`: only how keyform calls the API changes (no call)" in lines(text)
    assert "| `site` | NetApp ONTAP `ontap-east` | 0 | 1 | 0 | 0 | 0 | 0 |" in lines(text)


# ------------------------------------------------------------------------------------------- VSP
def test_vsp_server_and_its_promotion_adopted():
    text, dangerous = report(plan(
        kmip_server(["no-op"], "kms-a", importing=canonical({"path": "/v1/kmip", "id": "uuid-kms-a"})),
        kmip_server(["create"], "kms-b", 5697),
        promotion(["no-op"], "kms-a", "kms-a", runs=False,
                  importing=canonical({"path": "/v1/kmip/promote_server", "id": "kms-a"})),
        providers=VSP))
    assert not dangerous
    assert "- KMIP server `kms-a` is adopted (no change on the appliance)" in lines(text)
    assert "- KMIP server `kms-a`'s role as primary is adopted (no change on the appliance)" in lines(text)
    assert "- KMIP server `kms-b` is added (`kms.example.com:5697`, KMIP `V2_0`, TLS 1.2 on)" in lines(text)
    assert "| `site` | VSP One Object `vsp-west` | 1 | 2 | 0 | 0 | 0 | 0 |" in lines(text)


def test_vsp_adopted_promotion_that_changes_the_primary_stays_dangerous():
    text, dangerous = report(plan(
        kmip_server(["no-op"], "kms-a"), kmip_server(["no-op"], "kms-b"),
        promotion(["update"], "kms-a", "kms-b", importing="kms-a"), providers=VSP))
    assert dangerous
    assert ("- ⚠️ KMIP server `kms-b` **becomes primary** on `vsp-west` (was `kms-a`): promote_server (adopted)"
            in lines(text))


# ----------------------------------------------------------------------------------------- Vault
def test_vault_dr_calls_adopted_are_not_flagged():
    text, dangerous = report(plan(
        adopted_call("dr-west", "replication", "primary", "dr-west"),
        adopted_call("dr-west", "token_for_dr_east", "token", "dr-west", body=canonical({"id": "dr-east"})),
        adopted_call("dr-east", "replication", "secondary", "dr-west"),
        providers=VAULT), stack="vault-dr")
    assert not dangerous and dangers(text) == []
    assert "- `dr-west`: the DR primary enable step is adopted (no change on the appliance)" in lines(text)
    assert "- `dr-west`: the secondary activation token step is adopted (no change on the appliance)" in lines(text)
    assert "- `dr-east`: the DR secondary enable step is adopted (no change on the appliance)" in lines(text)
    assert "| `vault-dr` | Vault `dr-west` | 0 | 2 | 0 | 0 | 0 | 0 |" in lines(text)


def test_vault_adopted_call_that_runs_again_is_marked_and_keeps_its_condition():
    before = dr_values("demote", "dr-west", digest="adopted")
    text, dangerous = report(plan(
        dr_call(["update"], "dr-west", "demote", before, dr_values("demote", "dr-east"), importing="{}"),
        providers=VAULT), stack="vault-dr")
    assert dangerous
    assert ("- ⚠️ `dr-west` is **demoted**: it stops being the DR primary — runs again: the declared DR primary changes "
            "from `dr-west` to `dr-east` (adopted) _(runs only if `dr-west` is a DR primary when applied)_"
            ) in lines(text)


# --------------------------------------------------------------------------------- generic, mixed
def test_generic_object_adopted_and_imports_do_not_add_dangers():
    thing = {"path": "/v2/things", "data": canonical({"colour": "red"}), "id": "1"}
    text, dangerous = report(plan(
        change("rest_object.thing", ["no-op"], thing, dict(thing), alias="ontap-east", importing="/v2/things/1"),
        key_manager(["no-op"], importing=f"/security/key-managers/{KM_UUID}"),
        key_server(["delete"], "10.0.0.5:5696"),
        providers=ONTAP))
    assert dangerous and len(dangers(text)) == 1
    assert "- REST object `/v2/things` is adopted (no change on the appliance)" in lines(text)
    assert "| `site` | NetApp ONTAP `ontap-east` | 0 | 2 | 0 | 0 | 1 | **1** |" in lines(text)


def test_masking_applies_to_adopted_objects():
    password, in_id = "S3cret-adopted-91ac", "id-secret-4e7f"
    server = adopted_server(["update"], "kms1.example.com:5696", extra_before={"password": password},
                            extra_after={"password": password + "x"}, password_before=1, password_after=2)
    kept = kmip_server(["no-op"], "kms-a", alias="ontap-east",
                       importing=canonical({"path": "/v1/kmip", "id": "u", "api": {"read_body": {"token": in_id}},
                                            "write_only_data": {"password": password}}))
    document = plan(server, kept, providers=ONTAP)
    assert {in_id, password} <= collect_secrets(document)  # the import id is never shown; scrubbed if it were
    text, _ = report(document)
    assert "- key server `kms1.example.com:5696`: `password` changes (value hidden) (adopted)" in lines(text)
    assert "- key server `kms1.example.com:5696`: KMIP password changes (value hidden) (adopted)" in lines(text)
    for secret in (password, in_id, "pbkdf2"):
        assert secret not in text
