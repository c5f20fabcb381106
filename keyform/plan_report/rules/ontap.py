"""NetApp ONTAP: key managers (``rest_object`` at :data:`ontap.KEY_MANAGERS`) and their primary key servers
(``…/{uuid}/key-servers``, with their secondaries).

Dangerous: removing or replacing a key manager or a primary key server; the line says when no key server
is left."""

from __future__ import annotations

from typing import Any, Optional

from keyform.appliances import ontap
from keyform.plan_report.md import code, codes, plain
from keyform.plan_report.model import BOOKKEEPING, Appliance, Change
from keyform.plan_report.rules.common import Classified, adopted, any_path, event, field_changes, replace_reason

KIND = "ontap"
API_ROOT = ontap.API_ROOT
KEY_SERVERS_TAIL = ontap.key_servers_path("")[len(ontap.KEY_MANAGERS) + 1:]  # "/key-servers"
MANAGER_LABELS = {"external": "external key management settings", "svm": "SVM", "scope": "scope",
                  "onboard": "Onboard settings"}


def owns_path(path: str) -> bool:
    return path.startswith(ontap.KEY_MANAGERS)


def serves_provider(settings: dict) -> bool:
    return settings.get("base_url", "").rstrip("/").endswith(API_ROOT)


def is_key_manager(change: Change) -> bool:
    return change.type == "rest_object" and any_path(change) == ontap.KEY_MANAGERS


def is_key_server(change: Change) -> bool:
    path = any_path(change)
    return change.type == "rest_object" and isinstance(path, str) and owns_path(path) and KEY_SERVERS_TAIL in path


def claims(change: Change) -> bool:
    return is_key_manager(change) or is_key_server(change)


class Context:
    """The stack's key managers and key servers: which manager a server belongs to, how many are left."""

    def __init__(self, changes: list[Change]):
        self.key_managers = [c for c in changes if is_key_manager(c)]
        self.key_servers = [c for c in changes if is_key_server(c)]

    def key_manager_of(self, server: Change) -> Optional[Change]:
        refs = set(server.references("path"))
        for manager in self.key_managers:
            if manager.address in refs:
                return manager
        for side in ("after", "before"):
            path = server.path(side) if side == "after" else server.get("before", "path")
            match = ontap.KEY_SERVERS.match(path) if isinstance(path, str) else None
            if match:
                for manager in self.key_managers:
                    if match.group(1) in {(manager.before or {}).get("id"), (manager.after or {}).get("id")}:
                        return manager
        return None

    def key_servers_left(self, manager: Optional[Change], appliance: Appliance) -> int:
        return sum(1 for s in self.key_servers
                   if s.appliance.key == appliance.key and self.key_manager_of(s) is manager and s.action != "delete")


def context(changes: list[Change]) -> Context:
    return Context(changes)


def classify(change: Change, ctx: Context) -> Classified:
    return _key_manager(change) if is_key_manager(change) else _key_server(change, ctx)


def adopt(change: Change, ctx: Context) -> Classified:
    if is_key_manager(change):
        return adopted(change, _manager_label(_manager_data(change)), rank=10)
    return adopted(change, f"primary key server {code(_server_name(change))} of "
                           f"{_manager_name(ctx.key_manager_of(change))}", rank=20)


# ---------------------------------------------------------------------------------- key managers
def _manager_label(data: Any) -> str:
    if not isinstance(data, dict):
        return "key manager"
    svm = (data.get("svm") or {}).get("name") if isinstance(data.get("svm"), dict) else None
    if svm:
        return f"key manager of SVM {code(svm)}"
    return "cluster key manager (Onboard)" if data.get("onboard") else "cluster key manager"


def _manager_details(data: Any, change: Change) -> str:
    if not isinstance(data, dict):
        return ""
    external = data.get("external") if isinstance(data.get("external"), dict) else None
    parts = []
    if external:
        parts.append("external")
        cert = external.get("client_certificate")
        if isinstance(cert, dict) and cert.get("name"):
            parts.append(f"client certificate {code(cert['name'])}")
        cas = [c.get("name") for c in external.get("server_ca_certificates") or [] if isinstance(c, dict)]
        if cas:
            parts.append(("server CAs " if len(cas) > 1 else "server CA ") + codes(cas))
    elif change.has_secret_input("after"):
        parts.append("Onboard Key Manager; passphrase set (hidden)")
    return "; ".join(parts)


def _manager_data(change: Change) -> Any:
    data = change.json("after", "data") if change.after is not None else None
    return data if isinstance(data, dict) else change.json("before", "data")


def _key_manager(change: Change) -> Classified:
    action = change.action
    label = _manager_label(_manager_data(change))
    if action == "create":
        details = _manager_details(change.json("after", "data"), change)
        return [event(change, "added", f"{label} is created" + (f" ({details})" if details else ""), rank=10)], "added"
    if action == "delete":
        text = f"{label} is **deleted**, with its key servers"
        return [event(change, "removed", text, danger=f"the {label} is DELETED", rank=90)], "removed"
    if action == "replace":
        text = f"{label} is **replaced** (deleted, then created again): {replace_reason(change)}"
        return [event(change, "replaced", text, danger=f"the {label} is REPLACED (deleted and created again)",
                      rank=10)], "replaced"
    lines = []
    before, after = change.json("before", "data", masked=False), change.json("after", "data", masked=False)
    if isinstance(before, dict) and isinstance(after, dict) and isinstance(before.get("external"), dict) \
            and isinstance(after.get("external"), dict) and before["external"] != after["external"]:
        lines += field_changes(_flat_external(before["external"]), _flat_external(after["external"]),
                               {"client_certificate": "client certificate", "server_ca_certificates": "server CAs"})
        before = {k: v for k, v in before.items() if k != "external"}
        after = {k: v for k, v in after.items() if k != "external"}
    lines += field_changes(before, after, MANAGER_LABELS)
    if change.secret_input_changes():
        lines.append("its secret input (passphrase) changes (value hidden)")
    if not lines:
        return [event(change, BOOKKEEPING, f"{label}: only how keyform calls the API changes (no call)")], BOOKKEEPING
    return [event(change, "changed", f"{label}: {line}", rank=10) for line in lines], "changed"


def _flat_external(external: dict) -> dict:
    cert = external.get("client_certificate")
    return {
        "client_certificate": cert.get("name") if isinstance(cert, dict) else cert,
        "server_ca_certificates": [c.get("name") if isinstance(c, dict) else c
                                   for c in external.get("server_ca_certificates") or []],
        **{k: v for k, v in external.items() if k not in ("client_certificate", "server_ca_certificates")},
    }


# ----------------------------------------------------------------------------------- key servers
def _server_name(change: Change) -> Any:
    for side in ("after", "before"):
        data = change.json(side, "data") if getattr(change, side) is not None else None
        if isinstance(data, dict) and data.get("server"):
            return data["server"]
    return (change.before or {}).get("id") or change.address


def _manager_name(manager: Optional[Change]) -> str:
    return "the " + _manager_label(_manager_data(manager)) if manager is not None else "its key manager"


def _key_server_details(data: Any, change: Change) -> str:
    if not isinstance(data, dict):
        return ""
    secondaries = data.get("secondary_key_servers") or []
    parts = [("secondaries " if len(secondaries) > 1 else "secondary ") + codes(secondaries) if secondaries
             else "no secondary"]
    if data.get("timeout") is not None:
        parts.append(f"timeout {plain(data['timeout'])} s")
    password = change.has_secret_input("after")
    if data.get("username"):
        parts.append(f"KMIP user {code(data['username'])}" + (" with a password (hidden)" if password else ""))
    elif password:
        parts.append("a password (hidden)")
    return "; ".join(parts)


def _key_server(change: Change, ctx: Context) -> Classified:
    server = code(_server_name(change))
    manager = ctx.key_manager_of(change)
    of = _manager_name(manager)
    action = change.action
    if action == "create":
        details = _key_server_details(change.json("after", "data"), change)
        text = f"primary key server {server} is added to {of}" + (f": {details}" if details else "")
        return [event(change, "added", text, rank=20)], "added"
    if action == "replace":
        text = (f"primary key server {server} of {of} is **replaced** (removed, then added again): "
                f"{replace_reason(change)}")
        danger = f"primary key server {server} is REMOVED from {of} and added again"
        return [event(change, "replaced", text, danger=danger, rank=20)], "replaced"
    if action == "delete":
        text = f"primary key server {server} is **removed** from {of}"
        danger = f"primary key server {server} is REMOVED from {of}"
        if manager is not None and ctx.key_servers_left(manager, change.appliance) == 0:
            text += "; **no key server is left**"
            danger += "; no key server is left"
        return [event(change, "removed", text, danger=danger, rank=80)], "removed"
    lines = _key_server_updates(server, change.json("before", "data", masked=False),
                                change.json("after", "data", masked=False))
    if change.secret_input_changes() and change.has_secret_input("after"):
        lines.append(f"key server {server}: KMIP password changes (value hidden)")
    if not lines:
        return [event(change, BOOKKEEPING, f"key server {server}: only how keyform calls the API changes (no call)")], \
            BOOKKEEPING
    return [event(change, "changed", line, rank=30) for line in lines], "changed"


def _key_server_updates(server: str, before: Any, after: Any) -> list[str]:
    if not isinstance(before, dict) or not isinstance(after, dict):
        return [f"key server {server}: its settings change"] if before != after else []
    old, new = list(before.get("secondary_key_servers") or []), list(after.get("secondary_key_servers") or [])
    lost, gained = [s for s in old if s not in new], [s for s in new if s not in old]
    lines = [f"key server {server} loses its secondary {code(s)}" + (" (no secondary left)" if not new and s == lost[-1]
                                                                       else "") for s in lost]
    lines += [f"key server {server} gains the secondary {code(s)}" for s in gained]
    if not lost and not gained and old != new:
        lines.append(f"key server {server}: secondaries reordered {codes(old)} → {codes(new)}")
    units = {"timeout": lambda v: plain(v) + " s" if v is not None else "(default)"}
    lines += [f"key server {server}: {line}" for line in field_changes(
        before, after, {"timeout": "timeout", "username": "KMIP user"}, skip=("secondary_key_servers", "server"),
        units=units)]
    return lines
