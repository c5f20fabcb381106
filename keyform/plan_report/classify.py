"""Classifying resource changes into domain events: key managers and key servers (ONTAP), KMIP
servers and the KMIP primary (VSP One Object), DR roles (Vault), anything else generically.

A plan names resources by address only; the domain meaning comes from the resource type, the
provider alias (the appliance), ``path``, ``data``/``body``, ``triggers`` and ``destroy_path``.

Dangerous (``Event.danger``): enabling a DR secondary (wipes its data), promoting or demoting a
DR cluster, disabling DR replication or revoking a secondary, removing or replacing a key
manager, a primary key server or the last key server, changing the VSP One Object KMIP primary,
removing the KMIP primary or the last KMIP server.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from keyform.plan_report.load import StackPlan
from keyform.plan_report.mask import is_secret_key, mask_value, safe_url
from keyform.plan_report.md import code, codes, plain
from keyform.plan_report.model import (BOOKKEEPING, KIND_ORDER, SENSITIVE, UNKNOWN, Appliance, Change, Event,
                                      StackResult)

KEY_MANAGERS = "/security/key-managers"
KEY_SERVERS = re.compile(r"^/security/key-managers/([^/]+)/key-servers/?$")
KMIP = "/v1/kmip"
PROMOTE = "/v1/kmip/promote_server"
DR = "/sys/replication/dr/"

ACTION_BUCKET = {"create": "added", "update": "changed", "replace": "replaced", "delete": "removed"}


# ============================================================================ entry point
def classify(plan: StackPlan) -> StackResult:
    document = plan.document
    result = StackResult(plan.stack, plan.source, document.get("terraform_version", ""))
    configuration = document.get("configuration") or {}
    providers = configuration.get("provider_config") or {}
    config_index = {r.get("address"): r for r in ((configuration.get("root_module") or {}).get("resources") or [])}
    appliances: dict[str, Appliance] = {}

    changes: list[Change] = []
    guessed: list[Change] = []
    spare: dict[str, Appliance] = {}
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
        kind = _kind_of(change)
        if kind and not change.appliance.kind and change not in guessed:
            change.appliance.kind = kind
    for appliance in appliances.values():
        appliance.kind = appliance.kind or _kind_from_provider(providers.get(appliance.key) or {})
    for key, provider in providers.items():  # configured appliances without a resource in this plan
        if provider.get("alias") and key not in appliances:
            candidate = _appliance(plan.stack, key, provider)
            candidate.kind = _kind_from_provider(provider)
            spare[key] = candidate
    for change in guessed:  # removed from the configuration, provider unknown: the one appliance of its kind
        kind = _kind_of(change)
        pool = {**spare, **appliances}
        candidates = [a for a in pool.values() if a.alias and a.kind == kind]
        if len(candidates) == 1:
            change.appliance = candidates[0]
            appliances.setdefault(candidates[0].key, candidates[0])
        elif not change.appliance.kind:
            change.appliance.kind = kind or "rest"

    context = Context(changes)
    for change in changes:
        if change.action in ("no-op", "read"):
            continue
        events, bucket = _classify_change(change, context)
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


def _kind_of(change: Change) -> str:
    if not change.type.startswith("rest_"):
        return "other"
    path = _any_path(change)
    if not isinstance(path, str):
        return ""
    if path.startswith(KEY_MANAGERS):
        return "ontap"
    if path.startswith(KMIP):
        return "vsp"
    if path.startswith(DR):
        return "vault"
    return ""


def _kind_from_provider(provider: dict) -> str:
    expressions = provider.get("expressions") or {}
    value = lambda name: str((expressions.get(name) or {}).get("constant_value") or "")  # noqa: E731
    if value("token_header").lower() == "x-vault-token":
        return "vault"
    if value("csrf_path") or value("oauth2_token_url"):
        return "vsp"
    path = value("base_url").rstrip("/")
    if path.endswith("/api"):
        return "ontap"  # ONTAP's REST API lives under /api
    if path.endswith("/mapi"):
        return "vsp"
    return "rest"


def _any_path(change: Change) -> Any:
    path = change.path("after") if change.after is not None else None
    if not isinstance(path, str):
        path = change.get("before", "path") if change.before is not None else path
    return path


# ============================================================================ shared context
class Context:
    """What one change's meaning depends on: the other changes of the stack."""

    def __init__(self, changes: list[Change]):
        self.changes = changes
        self.key_managers = [c for c in changes if c.type == "rest_object" and _any_path(c) == KEY_MANAGERS]
        self.key_servers = [c for c in changes if c.type == "rest_object" and _is_key_server(c)]
        self.kmip_servers = [c for c in changes if c.type == "rest_object" and _any_path(c) == KMIP]
        self.promotions = [c for c in changes if c.type == "rest_operation" and _any_path(c) == PROMOTE]

    # ONTAP ---------------------------------------------------------------
    def key_manager_of(self, server: Change) -> Optional[Change]:
        refs = set(server.references("path"))
        for manager in self.key_managers:
            if manager.address in refs:
                return manager
        for side in ("after", "before"):
            path = server.path(side) if side == "after" else server.get("before", "path")
            match = KEY_SERVERS.match(path) if isinstance(path, str) else None
            if match:
                for manager in self.key_managers:
                    ids = {(manager.before or {}).get("id"), (manager.after or {}).get("id")}
                    if match.group(1) in ids:
                        return manager
        return None

    def key_servers_left(self, manager: Optional[Change], appliance: Appliance) -> int:
        return sum(1 for s in self.key_servers
                   if s.appliance.key == appliance.key and self.key_manager_of(s) is manager and s.action != "delete")

    # VSP -----------------------------------------------------------------
    def current_primary(self, appliance: Appliance) -> Any:
        for promotion in self.promotions:
            if promotion.appliance.key == appliance.key and promotion.before is not None:
                return _declared_primary(promotion, "before")
        return None

    def kmip_servers_left(self, appliance: Appliance) -> int:
        return sum(1 for s in self.kmip_servers if s.appliance.key == appliance.key and s.action != "delete")

    def kmip_all_new(self, appliance: Appliance) -> bool:
        mine = [s for s in self.kmip_servers if s.appliance.key == appliance.key]
        return bool(mine) and all(s.action == "create" for s in mine)


def _is_key_server(change: Change) -> bool:
    path = _any_path(change)
    return isinstance(path, str) and ("/key-servers" in path and path.startswith(KEY_MANAGERS))


def _declared_primary(promotion: Change, side: str) -> Any:
    triggers = promotion.get(side, "triggers")
    if isinstance(triggers, dict) and triggers.get("primary"):
        return triggers["primary"]
    body = promotion.json(side, "body")
    return body.get("name") if isinstance(body, dict) else None


# ============================================================================ dispatch
def _classify_change(change: Change, ctx: Context) -> tuple[list[Event], str]:
    """The events of one change and the bucket it counts in ("" when it counts nowhere)."""
    if change.type == "rest_object":
        path = _any_path(change)
        if path == KEY_MANAGERS:
            return _key_manager(change, ctx)
        if _is_key_server(change):
            return _key_server(change, ctx)
        if path == KMIP:
            return _kmip_server(change, ctx)
    if change.type == "rest_operation":
        path = _any_path(change)
        if path == PROMOTE:
            return _promotion(change, ctx)
        if isinstance(path, str) and path.startswith(DR):
            return _vault(change)
        return _generic_operation(change)
    return _generic(change)


def _event(change: Change, bucket: str, text: str, danger: str = "", condition: str = "", rank: int = 50) -> Event:
    return Event(change.appliance, bucket, text, danger, condition, rank, change.address)


def _bucket(change: Change) -> str:
    return ACTION_BUCKET.get(change.action, "changed")


def _replace_reason(change: Change) -> str:
    reasons = []
    for path in change.replace_paths:
        name = path[0] if isinstance(path, list) and path else str(path)
        reasons.append({"path": "its API path changes", "data": "a key that cannot be updated in place changes"}
                       .get(name, f"{code(name)} changes"))
    return "; ".join(reasons) or "Terraform must re-create it"


def _field_changes(before: Any, after: Any, labels: dict[str, str], skip: tuple = (),
                   units: Optional[dict[str, Callable[[Any], str]]] = None) -> list[str]:
    """``label old → new`` for every top-level key of two JSON objects that differs. Pass the unmasked
    values (``Change.json(..., masked=False)``): a secret that changes shows as "changes (value hidden)"."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        if before != after:
            return [f"{code(mask_value(before))} → {code(mask_value(after))}"]
        return []
    units = units or {}
    out = []
    for key in list(dict.fromkeys([*before, *after])):
        if key in skip or before.get(key) == after.get(key):
            continue
        show = units.get(key, code)
        label = labels.get(key, code(key))
        old, new = mask_value(before.get(key)), mask_value(after.get(key))
        if is_secret_key(key) or old == new:
            out.append(f"{label} changes (value hidden)")
        elif key not in before:
            out.append(f"{label} set to {show(new)}")
        elif key not in after:
            out.append(f"{label} {show(old)} removed")
        else:
            out.append(f"{label} {show(old)} → {show(new)}")
    return out


# ============================================================================ ONTAP
def _manager_label(data: Any) -> str:
    if isinstance(data, dict):
        svm = (data.get("svm") or {}).get("name") if isinstance(data.get("svm"), dict) else None
        if svm:
            return f"key manager of SVM {code(svm)}"
        if data.get("onboard") or data.get("scope") == "cluster":
            return "cluster key manager (Onboard)" if data.get("onboard") else "cluster key manager"
        return "cluster key manager"
    return "key manager"


def _manager_details(data: Any, change: Change, side: str) -> str:
    if not isinstance(data, dict):
        return ""
    external = data.get("external") if isinstance(data.get("external"), dict) else None
    parts = []
    if external:
        parts.append("external")
        cert = (external.get("client_certificate") or {}).get("name") if isinstance(external.get("client_certificate"), dict) else None
        if cert:
            parts.append(f"client certificate {code(cert)}")
        cas = [c.get("name") for c in external.get("server_ca_certificates") or [] if isinstance(c, dict)]
        if cas:
            parts.append(("server CAs " if len(cas) > 1 else "server CA ") + codes(cas))
    elif change.has_secret_input(side):
        parts.append("Onboard Key Manager; passphrase set (hidden)")
    return "; ".join(parts)


def _manager_of_data(change: Change) -> Any:
    data = change.json("after", "data") if change.after is not None else None
    return data if isinstance(data, dict) else change.json("before", "data")


def _key_manager(change: Change, ctx: Context) -> tuple[list[Event], str]:
    action = change.action
    label = _manager_label(_manager_of_data(change))
    if action == "create":
        details = _manager_details(change.json("after", "data"), change, "after")
        return [_event(change, "added", f"{label} is created" + (f" ({details})" if details else ""), rank=10)], "added"
    if action == "delete":
        text = f"{label} is **deleted**, with its key servers"
        return [_event(change, "removed", text, danger=f"the {label} is DELETED", rank=90)], "removed"
    if action == "replace":
        text = f"{label} is **replaced** (deleted, then created again): {_replace_reason(change)}"
        return [_event(change, "replaced", text, danger=f"the {label} is REPLACED (deleted and created again)",
                       rank=10)], "replaced"
    events = []
    before, after = change.json("before", "data", masked=False), change.json("after", "data", masked=False)
    labels = {"external": "external key management settings", "svm": "SVM", "scope": "scope", "onboard": "Onboard settings"}
    if isinstance(before, dict) and isinstance(after, dict) and before.get("external") != after.get("external") \
            and isinstance(before.get("external"), dict) and isinstance(after.get("external"), dict):
        for line in _field_changes(
                _flat_external(before["external"]), _flat_external(after["external"]),
                {"client_certificate": "client certificate", "server_ca_certificates": "server CAs"}):
            events.append(_event(change, "changed", f"{label}: {line}", rank=10))
        before = {k: v for k, v in before.items() if k != "external"}
        after = {k: v for k, v in after.items() if k != "external"}
    for line in _field_changes(before, after, labels):
        events.append(_event(change, "changed", f"{label}: {line}", rank=10))
    if change.secret_input_changes():
        events.append(_event(change, "changed", f"{label}: its secret input (passphrase) changes (value hidden)", rank=10))
    if not events:
        return [_event(change, BOOKKEEPING, f"{label}: only how keyform calls the API changes (no call)")], BOOKKEEPING
    return events, "changed"


def _flat_external(external: dict) -> dict:
    cert = external.get("client_certificate")
    return {
        "client_certificate": cert.get("name") if isinstance(cert, dict) else cert,
        "server_ca_certificates": [c.get("name") if isinstance(c, dict) else c
                                   for c in external.get("server_ca_certificates") or []],
        **{k: v for k, v in external.items() if k not in ("client_certificate", "server_ca_certificates")},
    }


def _server_name(change: Change) -> Any:
    for side in ("after", "before"):
        data = change.json(side, "data") if getattr(change, side) is not None else None
        if isinstance(data, dict) and data.get("server"):
            return data["server"]
    return (change.before or {}).get("id") or change.address


def _manager_name(manager: Optional[Change]) -> str:
    return "the " + _manager_label(_manager_of_data(manager)) if manager is not None else "its key manager"


def _key_server_details(data: Any, change: Change) -> str:
    if not isinstance(data, dict):
        return ""
    secondaries = data.get("secondary_key_servers") or []
    parts = [("secondaries " if len(secondaries) > 1 else "secondary ") + codes(secondaries) if secondaries
             else "no secondary"]
    if data.get("timeout") is not None:
        parts.append(f"timeout {plain(data['timeout'])} s")
    if data.get("username"):
        parts.append(f"KMIP user {code(data['username'])}" + (" with a password (hidden)"
                                                                if change.has_secret_input("after") else ""))
    elif change.has_secret_input("after"):
        parts.append("a password (hidden)")
    return "; ".join(parts)


def _key_server(change: Change, ctx: Context) -> tuple[list[Event], str]:
    server = code(_server_name(change))
    manager = ctx.key_manager_of(change)
    of = _manager_name(manager)
    action = change.action
    if action == "create":
        details = _key_server_details(change.json("after", "data"), change)
        return [_event(change, "added", f"primary key server {server} is added to {of}" + (f": {details}" if details else ""),
                       rank=20)], "added"
    if action == "replace":
        text = f"primary key server {server} of {of} is **replaced** (removed, then added again): {_replace_reason(change)}"
        danger = f"primary key server {server} is REMOVED from {of} and added again"
        return [_event(change, "replaced", text, danger=danger, rank=20)], "replaced"
    if action == "delete":
        left = ctx.key_servers_left(manager, change.appliance)
        text = f"primary key server {server} is **removed** from {of}"
        danger = f"primary key server {server} is REMOVED from {of}"
        if manager is not None and left == 0:
            text += "; **no key server is left**"
            danger += "; no key server is left"
        return [_event(change, "removed", text, danger=danger, rank=80)], "removed"
    # update
    events = []
    before, after = change.json("before", "data", masked=False), change.json("after", "data", masked=False)
    if isinstance(before, dict) and isinstance(after, dict):
        old = list(before.get("secondary_key_servers") or [])
        new = list(after.get("secondary_key_servers") or [])
        lost = [s for s in old if s not in new]
        gained = [s for s in new if s not in old]
        for s in lost:
            tail = " (no secondary left)" if not new and s == lost[-1] else ""
            events.append(_event(change, "changed", f"key server {server} loses its secondary {code(s)}{tail}", rank=30))
        for s in gained:
            events.append(_event(change, "changed", f"key server {server} gains the secondary {code(s)}", rank=30))
        if not lost and not gained and old != new:
            events.append(_event(change, "changed", f"key server {server}: secondaries reordered {codes(old)} → {codes(new)}",
                                 rank=30))
        units = {"timeout": lambda v: plain(v) + " s" if v is not None else "(default)"}
        for line in _field_changes(before, after, {"timeout": "timeout", "username": "KMIP user"},
                                   skip=("secondary_key_servers", "server"), units=units):
            events.append(_event(change, "changed", f"key server {server}: {line}", rank=30))
    elif before != after:
        events.append(_event(change, "changed", f"key server {server}: its settings change", rank=30))
    if change.secret_input_changes() and change.has_secret_input("after"):
        events.append(_event(change, "changed", f"key server {server}: KMIP password changes (value hidden)", rank=30))
    if not events:
        return [_event(change, BOOKKEEPING, f"key server {server}: only how keyform calls the API changes (no call)")], \
            BOOKKEEPING
    return events, "changed"


# ============================================================================ VSP One Object
KMIP_LABELS = {"host": "host", "port": "port", "isTLS12Enabled": "TLS 1.2", "kmipProtocol": "KMIP protocol",
               "httpsCiphers": "HTTPS ciphers", "name": "name"}


def _kmip_details(data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    parts = []
    if data.get("host") is not None:
        parts.append(code(f"{plain(data.get('host'))}:{plain(data.get('port'))}" if data.get("port") is not None
                          else data.get("host")))
    if data.get("kmipProtocol"):
        parts.append(f"KMIP {code(data['kmipProtocol'])}")
    if "isTLS12Enabled" in data:
        parts.append(f"TLS 1.2 {plain(bool(data['isTLS12Enabled']))}")
    if data.get("httpsCiphers"):
        parts.append("ciphers " + codes(str(data["httpsCiphers"]).split(",")))
    return ", ".join(parts)


def _kmip_name(change: Change) -> Any:
    for side in ("after", "before"):
        data = change.json(side, "data") if getattr(change, side) is not None else None
        if isinstance(data, dict) and data.get("name"):
            return data["name"]
    return change.address


def _kmip_server(change: Change, ctx: Context) -> tuple[list[Event], str]:
    name = _kmip_name(change)
    where = f" on {code(change.appliance.name)}"
    action = change.action
    if action == "create":
        details = _kmip_details(change.json("after", "data"))
        return [_event(change, "added", f"KMIP server {code(name)} is added" + (f" ({details})" if details else ""),
                       rank=20)], "added"
    if action in ("delete", "replace"):
        primary = ctx.current_primary(change.appliance)
        is_primary = primary is not None and primary == name
        role = "the **primary** " if is_primary else ""
        if action == "replace":
            text = f"{role}KMIP server {code(name)} is **replaced** (removed, then added again): {_replace_reason(change)}"
            danger = f"the PRIMARY KMIP server {code(name)}{where} is REMOVED and added again" if is_primary else ""
            return [_event(change, "replaced", text, danger=danger, rank=20)], "replaced"
        left = ctx.kmip_servers_left(change.appliance)
        text = f"{role}KMIP server {code(name)} is **removed**"
        danger = f"the PRIMARY KMIP server {code(name)} is REMOVED{where}" if is_primary else ""
        if left == 0:
            text += "; **no KMIP server is left**"
            danger = (danger or f"KMIP server {code(name)} is REMOVED{where}") + "; no KMIP server is left"
        return [_event(change, "removed", text, danger=danger, rank=80 if not is_primary else 85)], "removed"
    lines = _field_changes(change.json("before", "data", masked=False), change.json("after", "data", masked=False),
                           KMIP_LABELS)
    events = [_event(change, "changed", f"KMIP server {code(name)}: {line}", rank=30) for line in lines]
    if change.secret_input_changes():
        events.append(_event(change, "changed", f"KMIP server {code(name)}: its secret input changes (value hidden)", rank=30))
    if not events:
        return [_event(change, BOOKKEEPING, f"KMIP server {code(name)}: only how keyform calls the API changes (no call)")], \
            BOOKKEEPING
    return events, "changed"


def _promotion(change: Change, ctx: Context) -> tuple[list[Event], str]:
    appliance = change.appliance
    where = f" on {code(appliance.name)}"
    action = change.action
    new = _declared_primary(change, "after") if change.after is not None else None
    old = _declared_primary(change, "before") if change.before is not None else None
    if action == "delete":
        text = f"the declaration of the KMIP primary ({code(old)}) is removed; no call, {code(old)} stays primary"
        return [_event(change, BOOKKEEPING, text)], BOOKKEEPING
    runs = action in ("create", "replace") or change.id_unknown()
    if not runs:
        return [_event(change, BOOKKEEPING, f"KMIP primary {code(new)}: only call settings change (no call)")], BOOKKEEPING
    if action == "create" and ctx.kmip_all_new(appliance):
        text = f"KMIP server {code(new)} is the primary (added first; promote_server confirms it)"
        return [_event(change, "added", text, rank=25)], "added"
    if old is not None and old != new:
        text = f"KMIP server {code(new)} **becomes primary**{where} (was {code(old)}): promote_server"
        danger = f"KMIP server {code(new)} becomes primary{where} (was {code(old)})"
        return [_event(change, "changed" if action == "update" else _bucket(change), text, danger=danger, rank=40)], \
            "changed" if action == "update" else _bucket(change)
    if old == new and old is not None:
        text = f"promote_server runs again for {code(new)}, which stays primary"
        return [_event(change, "changed", text, rank=40)], "changed"
    text = f"KMIP server {code(new)} **becomes primary**{where} (promote_server; the current primary is not in this plan)"
    danger = f"KMIP server {code(new)} becomes primary{where}"
    return [_event(change, _bucket(change), text, danger=danger, rank=40)], _bucket(change)


# ============================================================================ Vault DR
# call suffix -> (name of the step, text when it runs, danger headline when it runs, rank)
DR_RUNS = {
    "secondary/merkle-check": ("DR operation token check",
                               "{c} checks the DR operation token (merkle-check, which changes nothing) before anything "
                               "is demoted", "", 5),
    "primary/demote": ("DR primary demote", "{c} is **demoted**: it stops being the DR primary",
                       "Vault cluster {c} is DEMOTED (DR primary demote)", 10),
    "secondary/promote": ("DR secondary promote", "{c} is **promoted** to DR primary (with the DR operation token)",
                          "Vault cluster {c} is PROMOTED to DR primary", 20),
    "primary/enable": ("DR primary enable", "{c} becomes the DR **primary** (replication enabled)", "", 30),
    "primary/secondary-token": ("secondary activation token",
                                "{c} issues an activation token for DR secondary {id} (never shown)", "", 40),
    "secondary/update-primary": ("DR update-primary", "{c} is re-pointed to its DR primary {p} (update-primary)", "", 50),
    "secondary/enable": ("DR secondary enable",
                         "{c} becomes a DR **secondary** of {p}: its data is **wiped** and replaced by the primary's",
                         "Vault cluster {c} will be WIPED (DR secondary enable)", 60),
}
DR_DESTROYS = {
    "primary/disable": ("DR replication is **disabled** on {c} (primary disable): its secondaries are cut off",
                        "DR replication is DISABLED on {c} (DR primary disable)"),
    "secondary/disable": ("DR replication is **disabled** on {c} (secondary disable): it stops following its primary",
                          "DR replication is DISABLED on {c} (DR secondary disable)"),
    "primary/revoke-secondary": ("{c} **revokes** DR secondary {id}: replication to it stops",
                                 "Vault cluster {c} REVOKES DR secondary {id}"),
}
MODE_WORDS = {"primary": "{c} is a DR primary", "secondary": "{c} is a DR secondary",
              "disabled": "DR replication is disabled on {c}"}


def _suffix(path: Any) -> str:
    return path[len(DR):].strip("/") if isinstance(path, str) and path.startswith(DR) else str(path)


def _condition(conditions: Any, cluster: str, when: str = "runs", predicate: Any = None) -> str:
    """``run_when``/``destroy_when`` (and ``run_if``/``destroy_if``) in words:
    "runs only if dr-b is a DR secondary when applied"."""
    if conditions is UNKNOWN:
        return f"{when} only if its live-status condition holds (known after apply)"
    if (not isinstance(conditions, dict) or not conditions) and not isinstance(predicate, dict):
        return ""
    parts = []
    for path, expected in conditions.items():
        text = str(expected)
        negate = text.startswith("!")
        options = [o for o in (text[1:] if negate else text).split("|")]
        if path == "data/mode" and not negate and all(o in MODE_WORDS for o in options):
            parts.append(" or ".join(MODE_WORDS[o].format(c=cluster) for o in options))
        elif path == "data/primaries/0/api_address":
            verb = "is not" if negate else "is"
            parts.append(f"its DR primary {verb} {' or '.join(code(o) for o in options)}")
        else:
            verb = "is not" if negate else "is"
            parts.append(f"{code(path)} {verb} {' or '.join(code(o) for o in options)}")
    if isinstance(predicate, dict):
        parts.append(_predicate_words(predicate, cluster))
    return f"{when} only if {' and '.join(parts)} when applied"


def _predicate_words(predicate: dict, cluster: str) -> str:
    """The predicates the Vault construct uses, in words; anything else by its kind."""
    if predicate == {"supplied": "token"}:
        return "a new activation token was issued"
    inner = predicate.get("not")
    if isinstance(inner, dict) and inner.get("path") == "data/known_secondaries" and "contains" in inner:
        return f"{code(inner['contains'])} is not yet a DR secondary of {cluster}"
    node = [c.get("equals") for c in ((inner or {}).get("some") or {}).get("all", []) if c.get("path") == "node_id"]
    if isinstance(inner, dict) and inner.get("path") == "data/secondaries" and node:
        return f"{code(node[0])} no longer replicates from {cluster}"
    return "its condition on the live status holds"


def _vault(change: Change) -> tuple[list[Event], str]:
    cluster = code(change.appliance.name)
    action = change.action
    events: list[Event] = []
    bucket = ""
    if action in ("delete", "replace"):
        suffix = _suffix(change.get("before", "path"))
        destroy = change.get("before", "destroy_path")
        name = DR_RUNS.get(suffix, (f"call {code(suffix)}",))[0]
        if destroy:
            body = change.json("before", "destroy_body")
            ident = code(body.get("id")) if isinstance(body, dict) and body.get("id") else "(unknown)"
            text, danger = DR_DESTROYS.get(_suffix(destroy), (
                f"{{c}}: destroy call {code(_suffix(destroy))}", ""))
            events.append(_event(change, "removed", text.format(c=cluster, id=ident),
                                 danger=danger.format(c=cluster, id=ident),
                                 condition=_condition(change.get("before", "destroy_when"), cluster,
                                                      predicate=change.json("before", "destroy_if")), rank=70))
            bucket = "removed"
        else:
            events.append(_event(change, BOOKKEEPING, f"{cluster}: the {name} step is removed; it has no destroy call"))
            bucket = BOOKKEEPING
        if action == "delete":
            return events, bucket
    runs = action in ("create", "replace") or (action == "update" and change.id_unknown())
    suffix = _suffix(change.path("after"))
    if not runs:
        name = DR_RUNS.get(suffix, (f"call {code(suffix)}",))[0]
        return [_event(change, BOOKKEEPING, f"{cluster}: only the settings of the {name} step change (no call)")], BOOKKEEPING
    triggers = change.get("after", "triggers")
    primary = code(triggers.get("primary")) if isinstance(triggers, dict) and triggers.get("primary") else "its declared primary"
    body = change.json("after", "body")
    ident = code(body.get("id")) if isinstance(body, dict) and body.get("id") else "(unknown)"
    name, text, danger, rank = DR_RUNS.get(suffix, (suffix, f"{{c}}: call {code(suffix)} runs", "", 55))
    text = text.format(c=cluster, p=primary, id=ident)
    if action == "update":
        why = _why_again(change)
        text = f"{text} — runs again: {why}" if why else f"{text} — runs again"
    elif action == "replace" and change.get("before", "in_effect") is False:
        text = f"{text} — runs again: read back, its effect no longer holds on the appliance (drift)"
    danger = danger.format(c=cluster, p=primary, id=ident)
    if danger and suffix == "secondary/enable":
        danger += (" — refused if it holds data of its own" if change.get("after", "preconditions")
                   else " — acknowledged in code (allow_wipe)")
    events.append(_event(change, "changed" if action == "update" else "added", text, danger=danger,
                         condition=_condition(change.get("after", "run_when"), cluster,
                                              predicate=change.json("after", "run_if")), rank=rank))
    if action == "replace":
        return events, "replaced"
    return events, "changed" if action == "update" else "added"


def _why_again(change: Change) -> str:
    reasons = []
    old_t, new_t = change.get("before", "triggers"), change.get("after", "triggers")
    if isinstance(old_t, dict) and isinstance(new_t, dict) and old_t.get("primary") != new_t.get("primary"):
        reasons.append(f"the declared DR primary changes from {code(old_t.get('primary'))} to {code(new_t.get('primary'))}")
    elif old_t != new_t and old_t is not SENSITIVE:
        reasons.append("its triggers change")
    old_p, new_p = change.get("before", "path"), change.get("after", "path")
    if old_p != new_p:
        name = DR_RUNS.get(_suffix(old_p), (code(_suffix(old_p)),))[0]
        reasons.append(f"it was the {name} step")
    if change.get("before", "body") != change.get("after", "body"):
        reasons.append("its request body changes")
    if change.secret_input_changes() and change.has_secret_input("after"):
        reasons.append("its secret input changes (value hidden)")
    return "; ".join(reasons)


# ============================================================================ anything else
def _generic_label(change: Change) -> str:
    path = _any_path(change)
    what = "REST object" if change.type == "rest_object" else change.type
    return f"{what} {code(path)}" if isinstance(path, str) else f"{what} {code(change.address)}"


def _generic(change: Change) -> tuple[list[Event], str]:
    label = _generic_label(change)
    action = change.action
    if change.type != "rest_object":
        label = f"{code(change.type)} {code(change.address)}"
    if action == "create":
        data = change.json("after", "data") if change.type == "rest_object" else None
        return [_event(change, "added", f"{label} is created" + (f" with {code(data)}" if isinstance(data, dict) else ""))], \
            "added"
    if action == "delete":
        return [_event(change, "removed", f"{label} is **deleted**")], "removed"
    if action == "replace":
        return [_event(change, "replaced", f"{label} is **replaced**: {_replace_reason(change)}")], "replaced"
    if change.type == "rest_object":
        lines = _field_changes(change.json("before", "data", masked=False), change.json("after", "data", masked=False), {})
        events = [_event(change, "changed", f"{label}: {line}") for line in lines]
        if change.secret_input_changes():
            events.append(_event(change, "changed", f"{label}: its secret input changes (value hidden)"))
        if events:
            return events, "changed"
        return [_event(change, BOOKKEEPING, f"{label}: only how keyform calls the API changes (no call)")], BOOKKEEPING
    return [_event(change, "changed", f"{label} changes in place")], "changed"


def _generic_operation(change: Change) -> tuple[list[Event], str]:
    path = code(_any_path(change))
    action = change.action
    events: list[Event] = []
    if action in ("delete", "replace"):
        destroy = change.get("before", "destroy_path")
        if destroy:
            events.append(_event(change, "removed", f"call {code(destroy)} is made on destroy (of {path})",
                                 condition=_condition(change.get("before", "destroy_when"), code(change.appliance.name)),
                                 rank=70))
        else:
            events.append(_event(change, BOOKKEEPING, f"call {path} is removed; it has no destroy call"))
        if action == "delete":
            return events, "removed" if destroy else BOOKKEEPING
    if action == "update" and not change.id_unknown():
        return [_event(change, BOOKKEEPING, f"call {path}: only its settings change (no call)")], BOOKKEEPING
    verb = "runs again" if action == "update" else "runs"
    events.append(_event(change, "changed" if action == "update" else "added", f"call {path} {verb}",
                         condition=_condition(change.get("after", "run_when"), code(change.appliance.name))))
    return events, "changed" if action == "update" else _bucket(change)
