"""Hitachi VSP One Object: KMIP servers (``rest_object`` at :data:`vsp.BASE`) and the call that makes one the
primary (``rest_operation`` at :data:`vsp.PROMOTE`).

Dangerous: changing the KMIP primary; removing or replacing the primary KMIP server; removing the last one."""

from __future__ import annotations

from typing import Any

from keyform.appliances import vsp
from keyform.plan_report.md import code, codes, plain
from keyform.plan_report.model import BOOKKEEPING, Appliance, Change
from keyform.plan_report.rules.common import (Classified, adopted, any_path, bucket_of, event, field_changes,
                                              replace_reason)

KIND = "vsp"
API_ROOT = vsp.API_ROOT
LABELS = {"host": "host", "port": "port", "isTLS12Enabled": "TLS 1.2", "kmipProtocol": "KMIP protocol",
          "httpsCiphers": "HTTPS ciphers", "name": "name"}


def owns_path(path: str) -> bool:
    return path.startswith(vsp.BASE)


def serves_provider(settings: dict) -> bool:
    """A CSRF session or an OAuth2 password grant (its auth), or a base URL under :data:`API_ROOT`."""
    return bool(settings.get("csrf_path") or settings.get("oauth2_token_url")
                or settings.get("base_url", "").rstrip("/").endswith(API_ROOT))


def is_server(change: Change) -> bool:
    return change.type == "rest_object" and any_path(change) == vsp.BASE


def is_promotion(change: Change) -> bool:
    return change.type == "rest_operation" and any_path(change) == vsp.PROMOTE


def claims(change: Change) -> bool:
    return is_server(change) or is_promotion(change)


class Context:
    """The stack's KMIP servers and promotions: the current primary, how many servers are left."""

    def __init__(self, changes: list[Change]):
        self.servers = [c for c in changes if is_server(c)]
        self.promotions = [c for c in changes if is_promotion(c)]

    def current_primary(self, appliance: Appliance) -> Any:
        for promotion in self.promotions:
            if promotion.appliance.key == appliance.key and promotion.before is not None:
                return _declared_primary(promotion, "before")
        return None

    def servers_left(self, appliance: Appliance) -> int:
        return sum(1 for s in self.servers if s.appliance.key == appliance.key and s.action != "delete")

    def all_new(self, appliance: Appliance) -> bool:
        mine = [s for s in self.servers if s.appliance.key == appliance.key]
        return bool(mine) and all(s.action == "create" for s in mine)


def context(changes: list[Change]) -> Context:
    return Context(changes)


def classify(change: Change, ctx: Context) -> Classified:
    return _server(change, ctx) if is_server(change) else _promotion(change, ctx)


def adopt(change: Change, ctx: Context) -> Classified:
    if is_server(change):
        return adopted(change, f"KMIP server {code(_name(change))}", rank=20)
    side = "after" if change.after is not None else "before"
    return adopted(change, f"KMIP server {code(_declared_primary(change, side))}'s role as primary", rank=25)


def _declared_primary(promotion: Change, side: str) -> Any:
    triggers = promotion.get(side, "triggers")
    if isinstance(triggers, dict) and triggers.get("primary"):
        return triggers["primary"]
    return vsp.promotion_target(promotion.json(side, "body"))


# ---------------------------------------------------------------------------------- KMIP servers
def _details(data: Any) -> str:
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


def _name(change: Change) -> Any:
    for side in ("after", "before"):
        data = change.json(side, "data") if getattr(change, side) is not None else None
        if isinstance(data, dict) and data.get("name"):
            return data["name"]
    return change.address


def _server(change: Change, ctx: Context) -> Classified:
    name = _name(change)
    where = f" on {code(change.appliance.name)}"
    action = change.action
    if action == "create":
        details = _details(change.json("after", "data"))
        return [event(change, "added", f"KMIP server {code(name)} is added" + (f" ({details})" if details else ""),
                      rank=20)], "added"
    if action in ("delete", "replace"):
        primary = ctx.current_primary(change.appliance)
        is_primary = primary is not None and primary == name
        role = "the **primary** " if is_primary else ""
        if action == "replace":
            text = (f"{role}KMIP server {code(name)} is **replaced** (removed, then added again): "
                    f"{replace_reason(change)}")
            danger = f"the PRIMARY KMIP server {code(name)}{where} is REMOVED and added again" if is_primary else ""
            return [event(change, "replaced", text, danger=danger, rank=20)], "replaced"
        text = f"{role}KMIP server {code(name)} is **removed**"
        danger = f"the PRIMARY KMIP server {code(name)} is REMOVED{where}" if is_primary else ""
        if ctx.servers_left(change.appliance) == 0:
            text += "; **no KMIP server is left**"
            danger = (danger or f"KMIP server {code(name)} is REMOVED{where}") + "; no KMIP server is left"
        return [event(change, "removed", text, danger=danger, rank=85 if is_primary else 80)], "removed"
    lines = field_changes(change.json("before", "data", masked=False), change.json("after", "data", masked=False),
                          LABELS)
    if change.secret_input_changes():
        lines.append("its secret input changes (value hidden)")
    if not lines:
        return [event(change, BOOKKEEPING,
                      f"KMIP server {code(name)}: only how keyform calls the API changes (no call)")], \
            BOOKKEEPING
    return [event(change, "changed", f"KMIP server {code(name)}: {line}", rank=30) for line in lines], "changed"


# ------------------------------------------------------------------------------------- promotion
def _promotion(change: Change, ctx: Context) -> Classified:
    appliance = change.appliance
    where = f" on {code(appliance.name)}"
    action = change.action
    new = _declared_primary(change, "after") if change.after is not None else None
    old = _declared_primary(change, "before") if change.before is not None else None
    if action == "delete":
        text = f"the declaration of the KMIP primary ({code(old)}) is removed; no call, {code(old)} stays primary"
        return [event(change, BOOKKEEPING, text)], BOOKKEEPING
    if not (action in ("create", "replace") or change.id_unknown()):
        return [event(change, BOOKKEEPING,
                      f"KMIP primary {code(new)}: only call settings change (no call)")], BOOKKEEPING
    if action == "create" and ctx.all_new(appliance):
        text = f"KMIP server {code(new)} is the primary (added first; promote_server confirms it)"
        return [event(change, "added", text, rank=25)], "added"
    if old is not None and old != new:
        bucket = "changed" if action == "update" else bucket_of(change)
        text = f"KMIP server {code(new)} **becomes primary**{where} (was {code(old)}): promote_server"
        danger = f"KMIP server {code(new)} becomes primary{where} (was {code(old)})"
        return [event(change, bucket, text, danger=danger, rank=40)], bucket
    if old == new and old is not None:
        text = f"promote_server runs again for {code(new)}, which stays primary"
        return [event(change, "changed", text, rank=40)], "changed"
    text = (f"KMIP server {code(new)} **becomes primary**{where} "
            "(promote_server; the current primary is not in this plan)")
    danger = f"KMIP server {code(new)} becomes primary{where}"
    return [event(change, bucket_of(change), text, danger=danger, rank=40)], bucket_of(change)
