"""The rule registry reads what keyform.appliances encodes: each encoding is claimed by its appliance's rules
and decoded back, so a change of an encoding cannot silently fall through to the generic rules."""

from __future__ import annotations

import pytest

from keyform.appliances import ontap, vault, vsp
from keyform.plan_report import rules
from keyform.plan_report.mask import NOT_SECRETS
from keyform.plan_report.model import Appliance, Change
from keyform.plan_report.rules import vault as vault_rules
from keyform.plan_report.rules import vsp as vsp_rules
from tests.plan_report.plans import canonical, change

APPLIANCE = Appliance("site", "rest.a", "a")


def planned(rtype: str, after: dict, **kwargs) -> Change:
    return Change(change(f"{rtype}.x", ["create"], None, after, alias="a", **kwargs), None, APPLIANCE)


@pytest.mark.parametrize("rtype, path, module", [
    ("rest_object", ontap.KEY_MANAGERS, rules.ontap),
    ("rest_object", ontap.key_servers_path("7b44"), rules.ontap),
    ("rest_object", vsp.BASE, rules.vsp),
    ("rest_operation", vsp.promotion("kms-a")["path"], rules.vsp),
    ("rest_operation", f"{vault.DR}/primary/enable", rules.vault),
    ("rest_operation", vault.STATUS, rules.vault),
    ("rest_object", "/v2/things", rules.generic),
    ("rest_operation", "/v2/run", rules.generic),
])
def test_each_encoding_is_claimed_by_its_appliance_rules(rtype, path, module):
    c = planned(rtype, {"path": path})
    assert next(r for r in rules.RULES if r.claims(c)) is module
    assert rules.kind_of(c) == module.KIND


def test_kind_from_provider_settings():
    def kind(**settings):
        return rules.kind_from_provider({"expressions": {k: {"constant_value": v} for k, v in settings.items()}})
    assert kind(base_url="https://v/v1", token_header=vault_rules.TOKEN_HEADER) == "vault"
    assert kind(base_url="https://o/api", csrf_path=vsp.CSRF) == "vsp"
    assert kind(base_url="https://o/api") == "ontap"
    assert kind(base_url="https://o/mapi") == "vsp"
    assert kind(base_url="https://o/other") == "rest"


def test_promotion_target_read_back_from_its_body():
    settings = vsp.promotion("kms-b")
    c = planned("rest_operation", {"path": settings["path"], "body": canonical(settings["body"])})
    assert vsp_rules._declared_primary(c, "after") == "kms-b"


def test_vault_predicates_in_words():
    words = [vault_rules.condition({vault.mode_in()["path"]: "primary"}, "`dr-west`", predicate=p) for p in (
        vault.supplied(vault.ACTIVATION_TOKEN), vault.negate(vault.knows_secondary("dr-east")),
        vault.negate(vault.connected_secondary("dr-east")), vault.negate(vault.mode_in("primary")))]
    assert words == [
        "runs only if `dr-west` is a DR primary and a new activation token was issued when applied",
        "runs only if `dr-west` is a DR primary and `dr-east` is not yet a DR secondary of `dr-west` when applied",
        "runs only if `dr-west` is a DR primary and `dr-east` no longer replicates from `dr-west` when applied",
        "runs only if `dr-west` is a DR primary and its condition on the live status holds when applied",
    ]
    assert set(vault_rules.MODE_WORDS) == set(vault.MODES)


def test_the_provider_marker_of_an_adopted_call_is_not_scrubbed():
    from keyform.provider.operation_resource import ADOPTED
    assert ADOPTED in NOT_SECRETS
