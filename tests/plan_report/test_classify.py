"""The classifier and renderer on small hand-written plans: the right lines, the right flags."""

from __future__ import annotations

from keyform.plan_report import StackPlan, build, markdown
from tests.plan_report.plans import (canonical, dr_call, dr_values, key_manager, key_server, kmip_server, plan,
                                     promotion)

ONTAP = {"ontap-east": "ontap"}
VSP = {"vsp-west": "vsp"}
VAULT = {"dr-west": "vault", "dr-east": "vault"}


def report(document: dict, stack: str = "site") -> tuple[str, bool]:
    return markdown([StackPlan(stack, f"{stack}.json", document)])


def lines(text: str) -> list[str]:
    return text.splitlines()


def dangers(text: str) -> list[str]:
    """The items of the "Dangerous operations" section."""
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("### "):
            inside = "Dangerous operations" in line
        elif inside and line.startswith("- "):
            out.append(line)
    return out


# ----------------------------------------------------------------------------------------- ONTAP
def test_secondary_lost_is_a_safe_change():
    text, dangerous = report(plan(
        key_manager(["no-op"]),
        key_server(["update"], "10.0.0.5:5696", ["10.0.0.6:5696", "10.0.0.7:5696"], ["10.0.0.6:5696"],
                   after_unknown={"response": True}),
        providers=ONTAP))
    assert not dangerous
    assert "- key server `10.0.0.5:5696` loses its secondary `10.0.0.7:5696`" in lines(text)
    assert "| `site` | NetApp ONTAP `ontap-east` | 0 | 1 | 0 | 0 | 0 |" in lines(text)
    assert "#### NetApp ONTAP `ontap-east` · `https://ontap-east.example.com/api`" in lines(text)
    assert "> No dangerous operation in this plan." in lines(text)
    assert dangers(text) == []


def test_last_secondary_lost_and_gained_and_timeout():
    text, dangerous = report(plan(
        key_server(["update"], "10.0.0.5:5696", ["10.0.0.6:5696"], [], extra_before={"timeout": 30},
                   extra_after={"timeout": 20}),
        key_server(["update"], "kms2:5696", [], ["kms2-dr:5696"]),
        providers=ONTAP))
    assert not dangerous
    assert "- key server `10.0.0.5:5696` loses its secondary `10.0.0.6:5696` (no secondary left)" in lines(text)
    assert "- key server `kms2:5696` gains the secondary `kms2-dr:5696`" in lines(text)
    assert "- key server `10.0.0.5:5696`: timeout 30 s → 20 s" in lines(text)


def test_first_deploy_of_a_key_manager_is_safe():
    text, dangerous = report(plan(
        key_manager(["create"], after_unknown={"id": True}),
        key_server(["create"], "10.0.0.5:5696", after_secondaries=["10.0.0.6:5696"], extra_after={"username": "kmip"},
                   password_after=1, after_unknown={"id": True, "path": True}),
        providers=ONTAP))
    assert not dangerous
    assert ("- key manager of SVM `svm1` is created (external; client certificate `kmip-client`; server CA `kmip-ca`)"
            in lines(text))
    assert ("- primary key server `10.0.0.5:5696` is added to the key manager of SVM `svm1`: secondary "
            "`10.0.0.6:5696`; "
            "KMIP user `kmip` with a password (hidden)") in lines(text)


def test_removing_a_primary_key_server_is_dangerous_and_the_last_one_says_so():
    one_left = plan(key_manager(["no-op"]), key_server(["delete"], "10.0.0.5:5696"), key_server(["no-op"], "kms2:5696"),
                    providers=ONTAP)
    text, dangerous = report(one_left)
    assert dangerous
    assert dangers(text) == ["- **primary key server `10.0.0.5:5696` is REMOVED from the key manager of SVM `svm1`** "
                             "· stack `site`, NetApp ONTAP `ontap-east`"]
    assert "- ⚠️ primary key server `10.0.0.5:5696` is **removed** from the key manager of SVM `svm1`" in lines(text)

    last = plan(key_manager(["no-op"]), key_server(["delete"], "10.0.0.5:5696"), providers=ONTAP)
    text, dangerous = report(last)
    assert dangerous
    assert ("- ⚠️ primary key server `10.0.0.5:5696` is **removed** from the key manager of SVM `svm1`; "
            "**no key server is left**") in lines(text)


def test_key_manager_deleted_or_replaced_is_dangerous():
    text, dangerous = report(plan(key_manager(["delete"]), providers=ONTAP))
    assert dangerous
    assert "- **the key manager of SVM `svm1` is DELETED** · stack `site`, NetApp ONTAP `ontap-east`" in lines(text)
    text, dangerous = report(plan(key_manager(["delete", "create"], replace_paths=[["data"]]), providers=ONTAP))
    assert dangerous
    assert "replaced" in text and "| 0 | 0 | 1 | 0 | **1** |" in text


def test_password_change_is_reported_without_its_value():
    text, dangerous = report(plan(
        key_server(["update"], "10.0.0.5:5696", password_before=1, password_after=2),
        providers=ONTAP))
    assert not dangerous
    assert "- key server `10.0.0.5:5696`: KMIP password changes (value hidden)" in lines(text)
    assert "pbkdf2" not in text


# ------------------------------------------------------------------------------------------- VSP
def test_vsp_first_deploy_primary_is_not_a_change_of_primary():
    text, dangerous = report(plan(
        kmip_server(["create"], "kms-a"), kmip_server(["create"], "kms-b", 5697), promotion(["create"], None, "kms-a"),
        providers=VSP))
    assert not dangerous
    assert "- KMIP server `kms-a` is the primary (added first; promote_server confirms it)" in lines(text)
    assert "- KMIP server `kms-b` is added (`kms.example.com:5697`, KMIP `V2_0`, TLS 1.2 on)" in lines(text)


def test_vsp_promotion_is_dangerous():
    text, dangerous = report(plan(
        kmip_server(["no-op"], "kms-a"), kmip_server(["no-op"], "kms-b", 5697), promotion(["update"], "kms-a", "kms-b"),
        providers=VSP))
    assert dangerous
    assert dangers(text) == ["- **KMIP server `kms-b` becomes primary on `vsp-west` (was `kms-a`)** "
                             "· stack `site`, VSP One Object `vsp-west`"]
    assert "- ⚠️ KMIP server `kms-b` **becomes primary** on `vsp-west` (was `kms-a`): promote_server" in lines(text)


def test_vsp_removing_a_secondary_is_safe_the_primary_or_last_is_not():
    text, dangerous = report(plan(
        kmip_server(["no-op"], "kms-a"), kmip_server(["delete"], "kms-c"), promotion(["no-op"], "kms-a", "kms-a"),
        providers=VSP))
    assert not dangerous and "- KMIP server `kms-c` is **removed**" in lines(text)
    text, dangerous = report(plan(
        kmip_server(["delete"], "kms-a"), promotion(["delete"], "kms-a", None), providers=VSP))
    assert dangerous
    assert dangers(text) == ["- **the PRIMARY KMIP server `kms-a` is REMOVED on `vsp-west`; no KMIP server is left** "
                             "· stack `site`, VSP One Object `vsp-west`"]
    assert "- the declaration of the KMIP primary (`kms-a`) is removed; no call, `kms-a` stays primary" in lines(text)
    assert "<details><summary>Bookkeeping only, no call to the appliance (1)</summary>" in lines(text)


def test_vsp_port_change():
    text, dangerous = report(plan(kmip_server(["update"], "kms-b", 5697, after_port=5699), providers=VSP))
    assert not dangerous and "- KMIP server `kms-b`: port `5697` → `5699`" in lines(text)


# ----------------------------------------------------------------------------------------- Vault
def test_dr_first_deploy_flags_the_secondary_wipe_with_its_condition():
    text, dangerous = report(plan(
        dr_call(["create"], "dr-west", "replication", None, dr_values("primary", "dr-west")),
        dr_call(["create"], "dr-west", "token_for_dr_east", None,
                dr_values("token", "dr-west", body=canonical({"id": "dr-east", "ttl": "30m"}))),
        dr_call(["create"], "dr-east", "replication", None, dr_values("secondary", "dr-west")),
        providers=VAULT), stack="vault-dr")
    assert dangerous
    assert dangers(text) == [
        "- **Vault cluster `dr-east` will be WIPED (DR secondary enable) — refused if it holds data of its own** — "
        "runs "
        "only if DR replication is disabled on `dr-east` when applied · stack `vault-dr`, Vault `dr-east`"]
    assert ("- `dr-west` becomes the DR **primary** (replication enabled) _(runs only if DR replication is disabled on "
            "`dr-west` when applied)_") in lines(text)
    assert "- `dr-west` issues an activation token for DR secondary `dr-east` (never shown)" in lines(text)


def test_an_acknowledged_wipe_is_flagged_as_acknowledged():
    text, dangerous = report(plan(
        dr_call(["create"], "dr-east", "replication", None, dr_values("secondary", "dr-west", wipe_acknowledged=True)),
        providers=VAULT), stack="vault-dr")
    assert dangerous
    assert dangers(text) == [
        "- **Vault cluster `dr-east` will be WIPED (DR secondary enable) — acknowledged in code (allow_wipe)** — runs "
        "only if DR replication is disabled on `dr-east` when applied · stack `vault-dr`, Vault `dr-east`"]


def test_dr_failover_promote_demote_update_primary():
    text, dangerous = report(plan(
        dr_call(["create"], "dr-east", "promote", None, dr_values("promote", "dr-east")),
        dr_call(["create"], "dr-west", "demote", None, dr_values("demote", "dr-east")),
        dr_call(["create"], "dr-west", "update_primary", None, dr_values("update", "dr-east")),
        dr_call(["update"], "dr-east", "replication", dr_values("secondary", "dr-west", digest="d1"),
                dr_values("primary", "dr-east")),
        dr_call(["delete"], "dr-west", "token_for_dr_east",
                dr_values("token", "dr-west", destroy_body=canonical({"id": "dr-east"})), None),
        dr_call(["delete"], "dr-east", "demote", dr_values("demote", "dr-west"), None),
        providers=VAULT), stack="vault-dr")
    assert dangerous
    assert dangers(text) == [
        "- **Vault cluster `dr-west` is DEMOTED (DR primary demote)** — runs only if `dr-west` is a DR primary when "
        "applied · stack `vault-dr`, Vault `dr-west`",
        "- **Vault cluster `dr-east` is PROMOTED to DR primary** — runs only if `dr-east` is a DR secondary when "
        "applied "
        "· stack `vault-dr`, Vault `dr-east`",
        "- **Vault cluster `dr-west` REVOKES DR secondary `dr-east`** — runs only if `dr-west` is a DR primary when "
        "applied · stack `vault-dr`, Vault `dr-west`",
    ]
    assert ("- `dr-east` becomes the DR **primary** (replication enabled) — runs again: the declared DR primary "
            "changes "
            "from `dr-west` to `dr-east`; it was the DR secondary enable step _(runs only if DR replication is "
            "disabled "
            "on `dr-east` when applied)_") in lines(text)
    assert "- `dr-west` is re-pointed to its DR primary `dr-east` (update-primary) _(runs only if `dr-west` is a DR " \
           "secondary when applied)_" in lines(text)
    # a removed call without destroy_path calls nothing; its cluster is found from the resource name
    assert "- `dr-east`: the DR primary demote step is removed; it has no destroy call" in lines(text)


def test_dr_destroy_disables_replication():
    text, dangerous = report(plan(
        dr_call(["delete"], "dr-west", "replication", dr_values("primary", "dr-west"), None, configured=True),
        dr_call(["delete"], "dr-east", "replication", dr_values("secondary", "dr-west"), None, configured=True),
        providers=VAULT), stack="vault-dr")
    assert dangerous
    assert ("- ⚠️ DR replication is **disabled** on `dr-west` (primary disable): its secondaries are cut off "
            "_(runs only if `dr-west` is a DR primary when applied)_") in lines(text)
    assert "- **DR replication is DISABLED on `dr-east` (DR secondary disable)** — runs only if `dr-east` is a DR " \
           "secondary when applied · stack `vault-dr`, Vault `dr-east`" in lines(text)


def test_dr_call_whose_settings_change_without_a_run_is_bookkeeping():
    before = dr_values("secondary", "dr-west")
    after = dict(before, destroy_when={"data/mode": "secondary|disabled"})
    text, dangerous = report(plan(dr_call(["update"], "dr-east", "replication", before, after, after_unknown={}),
                                  providers=VAULT))
    assert not dangerous
    assert "- `dr-east`: only the settings of the DR secondary enable step change (no call)" in lines(text)


# ---------------------------------------------------------------------------------------- generic
def test_no_changes():
    text, dangerous = report(plan(key_manager(["no-op"]), providers=ONTAP))
    assert not dangerous
    assert "> No changes: the appliances already match the configuration." in lines(text)
    assert "| `site` | — | no changes | | | | |" in lines(text)
    assert "No changes." in lines(text)


def test_unknown_rest_objects_are_reported_generically():
    from tests.plan_report.plans import change
    doc = plan(change("rest_object.thing", ["update"],
                      {"path": "/v2/things", "data": canonical({"colour": "red", "api_key": "k-123456"}), "id": "1"},
                      {"path": "/v2/things", "data": canonical({"colour": "blue", "api_key": "k-654321"}), "id": "1"},
                      alias="ontap-east"), providers=ONTAP)
    text, dangerous = report(doc)
    assert not dangerous
    assert "- REST object `/v2/things`: `colour` `red` → `blue`" in lines(text)
    assert "- REST object `/v2/things`: `api_key` changes (value hidden)" in lines(text)
    assert "k-123456" not in text and "k-654321" not in text


def test_several_stacks_keep_their_order_and_count_dangers_once():
    first = StackPlan("ontap", "a", plan(key_server(["delete"], "10.0.0.5:5696"), providers=ONTAP))
    second = StackPlan("vsp", "b", plan(promotion(["update"], "kms-a", "kms-b"), providers=VSP))
    report_, _ = build([first, second])
    assert [s.stack for s in report_.stacks] == ["ontap", "vsp"]
    assert len(report_.dangers) == 2
    text, _ = markdown([first, second])
    assert "> **2 dangerous operations** in this plan: deploying it needs an approval." in lines(text)
    assert text.index("### Stack `ontap`") < text.index("### Stack `vsp`")
