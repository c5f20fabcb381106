"""Classifying a stack's resource changes into domain events: each change is put on its appliance (the
provider alias), then worded by the rule module that claims it (:mod:`keyform.plan_report.rules`: key
managers and key servers on ONTAP, KMIP servers and the KMIP primary on VSP One Object, DR roles on Vault,
anything else generically).

A plan names resources by address only; the domain meaning comes from the resource type, the provider
alias, ``path``, ``data``/``body``, ``triggers``, ``destroy_path`` and ``importing`` (an import)."""

from __future__ import annotations

import re

from keyform.plan_report import rules
from keyform.plan_report.load import StackPlan
from keyform.plan_report.mask import safe_url
from keyform.plan_report.model import KIND_ORDER, Appliance, Change, StackResult


def classify(plan: StackPlan) -> StackResult:
    document = plan.document
    result = StackResult(plan.stack, plan.source, document.get("terraform_version", ""), freshness=plan.freshness)
    configuration = document.get("configuration") or {}
    providers = configuration.get("provider_config") or {}
    changes, appliances = _changes_on_appliances(plan, providers)

    ctx = rules.contexts(changes)
    for change in changes:
        if change.action in ("no-op", "read") and not change.imported:
            continue
        events, bucket = rules.classify_change(change, ctx)
        result.events.extend(events)
        if bucket:
            result.counts[(change.appliance.key, bucket)] = result.counts.get((change.appliance.key, bucket), 0) + 1

    used = {e.appliance.key for e in result.events}
    result.appliances = sorted((a for a in appliances.values() if a.key in used), key=_appliance_order)
    if document.get("complete") is False:
        result.notes.append("The plan is not complete (some changes are deferred to a later run): "
                            "review again after this deploy.")
    if document.get("applyable") is False and result.events:
        result.notes.append("Terraform marks this plan as not applyable.")
    return result


# ============================================================================ appliances
def _changes_on_appliances(plan: StackPlan, providers: dict) -> tuple[list[Change], dict[str, Appliance]]:
    """The managed resource changes, each on its appliance; the appliances by provider configuration key."""
    document = plan.document
    root = (document.get("configuration") or {}).get("root_module") or {}
    config_index = {r.get("address"): r for r in root.get("resources") or []}
    appliances: dict[str, Appliance] = {}
    changes: list[Change] = []
    guessed: list[Change] = []
    for rc in document.get("resource_changes") or []:
        if rc.get("mode", "managed") != "managed":
            continue  # data sources only read
        address = rc.get("address", "")
        config = config_index.get(re.sub(r"\[[^\]]*\]$", "", address))
        key = (config or {}).get("provider_config_key") or _provider_key(rc, providers, plan.state_providers)
        if key not in appliances:
            appliances[key] = _appliance(plan.stack, key, providers.get(key) or {})
        changes.append(Change(rc, config, appliances[key]))
        if config is None and address not in plan.state_providers and not appliances[key].alias:
            guessed.append(changes[-1])

    for change in changes:  # the appliance's kind, from what is managed there
        kind = rules.kind_of(change)
        if kind and not change.appliance.kind and change not in guessed:
            change.appliance.kind = kind
    for appliance in appliances.values():
        appliance.kind = appliance.kind or rules.kind_from_provider(providers.get(appliance.key) or {})
    spare: dict[str, Appliance] = {}
    for key, provider in providers.items():  # configured appliances without a resource in this plan
        if provider.get("alias") and key not in appliances:
            spare[key] = _appliance(plan.stack, key, provider)
            spare[key].kind = rules.kind_from_provider(provider)
    for change in guessed:  # removed from the configuration, provider unknown: the one appliance of its kind
        kind = rules.kind_of(change)
        candidates = [a for a in {**spare, **appliances}.values() if a.alias and a.kind == kind]
        if len(candidates) == 1:
            change.appliance = candidates[0]
            appliances.setdefault(candidates[0].key, candidates[0])
        elif not change.appliance.kind:
            change.appliance.kind = kind or "rest"
    return changes, appliances


def _appliance_order(a: Appliance):
    return (KIND_ORDER.index(a.kind) if a.kind in KIND_ORDER else len(KIND_ORDER), a.alias, a.key)


def _provider_key(rc: dict, providers: dict, state_providers: dict) -> str:
    """The provider of a resource that is no longer configured: from the plan file's prior state when
    known, else from its name (cdktf names resources after the construct path, which names the
    appliance: ``dr_vault_b_promote_…``), else the default provider."""
    address = rc.get("address", "")
    if address in state_providers:
        return state_providers[address]
    name = rc.get("name", "")
    best = None
    for key, provider in providers.items():
        alias = provider.get("alias")
        if not alias:
            continue
        slug = re.sub(r"[^A-Za-z0-9]+", "_", alias).strip("_")
        match = re.search(rf"(?:^|_){re.escape(slug)}(?:_|$)", name)
        if match and (best is None or (match.start(), -len(slug)) < best[0]):
            best = ((match.start(), -len(slug)), key)
    if best:
        return best[1]
    provider_name = rc.get("provider_name", "")
    return "rest" if provider_name.endswith("/rest") else provider_name or "unknown"


def _appliance(stack: str, key: str, provider: dict) -> Appliance:
    alias = provider.get("alias") or (key.split(".", 1)[1] if "." in key else "")
    base_url = ((provider.get("expressions") or {}).get("base_url") or {}).get("constant_value")
    return Appliance(stack, key, alias, safe_url(base_url) if isinstance(base_url, str) else "")
