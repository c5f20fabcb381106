"""Vault Enterprise DR replication: the guarded calls (``rest_operation`` under :data:`vault.DR`) that make a
cluster a DR primary or secondary, issue or revoke activation tokens, promote, demote or re-point it; and
their guards (``run_when``/``run_if``, ``destroy_when``/``destroy_if``) in words.

Dangerous: enabling a DR secondary (its data is wiped), promoting or demoting a cluster, disabling DR
replication, revoking a secondary."""

from __future__ import annotations

from typing import Any

from keyform.appliances import vault
from keyform.plan_report.md import code
from keyform.plan_report.model import BOOKKEEPING, SENSITIVE, UNKNOWN, Change
from keyform.plan_report.rules.common import Classified, adopted, any_path, event

KIND = "vault"
CALLS = vault.DR + "/"
TOKEN_HEADER = vault.TOKEN_HEADER
MODE = vault.mode_in()["path"]  # "data/mode"
PRIMARY_ADDRESS = vault.follows("")["path"]  # "data/primaries/0/api_address"


def _suffix(path: str) -> str:
    """A call's path under ``sys/replication/dr/`` (``primary/demote``)."""
    return path[len(CALLS):]


# call suffix -> (name of the step, text when it runs, danger headline when it runs, rank)
RUNS = {
    _suffix(vault.MERKLE_CHECK): (
        "DR operation token check",
        "{c} checks the DR operation token (merkle-check, which changes nothing) before anything is demoted", "", 5),
    _suffix(vault.PRIMARY_DEMOTE): (
        "DR primary demote", "{c} is **demoted**: it stops being the DR primary",
        "Vault cluster {c} is DEMOTED (DR primary demote)", 10),
    _suffix(vault.SECONDARY_PROMOTE): (
        "DR secondary promote", "{c} is **promoted** to DR primary (with the DR operation token)",
        "Vault cluster {c} is PROMOTED to DR primary", 20),
    _suffix(vault.PRIMARY_ENABLE): (
        "DR primary enable", "{c} becomes the DR **primary** (replication enabled)", "", 30),
    _suffix(vault.SECONDARY_TOKEN): (
        "secondary activation token", "{c} issues an activation token for DR secondary {id} (never shown)", "", 40),
    _suffix(vault.UPDATE_PRIMARY): (
        "DR update-primary", "{c} is re-pointed to its DR primary {p} (update-primary)", "", 50),
    _suffix(vault.SECONDARY_ENABLE): (
        "DR secondary enable", "{c} becomes a DR **secondary** of {p}: its data is **wiped** and replaced by the "
        "primary's", "Vault cluster {c} will be WIPED (DR secondary enable)", 60),
}
WIPE = _suffix(vault.SECONDARY_ENABLE)
# destroy call suffix -> (text, danger headline)
DESTROYS = {
    _suffix(vault.PRIMARY_DISABLE): (
        "DR replication is **disabled** on {c} (primary disable): its secondaries are cut off",
        "DR replication is DISABLED on {c} (DR primary disable)"),
    _suffix(vault.SECONDARY_DISABLE): (
        "DR replication is **disabled** on {c} (secondary disable): it stops following its primary",
        "DR replication is DISABLED on {c} (DR secondary disable)"),
    _suffix(vault.REVOKE_SECONDARY): (
        "{c} **revokes** DR secondary {id}: replication to it stops", "Vault cluster {c} REVOKES DR secondary {id}"),
}
MODE_WORDS = {"primary": "{c} is a DR primary", "secondary": "{c} is a DR secondary",
              "disabled": "DR replication is disabled on {c}"}


def owns_path(path: str) -> bool:
    return path.startswith(CALLS)


def serves_provider(settings: dict) -> bool:
    return settings.get("token_header", "").lower() == TOKEN_HEADER.lower()


def claims(change: Change) -> bool:
    path = any_path(change)
    return change.type == "rest_operation" and isinstance(path, str) and owns_path(path)


def context(changes: list[Change]) -> None:
    return None  # a DR call's meaning depends on its own guards only


def adopt(change: Change, ctx: None) -> Classified:
    suffix = _suffix(any_path(change))
    name, *_, rank = RUNS.get(suffix, (f"call {code(suffix)}", 55))
    return adopted(change, f"{code(change.appliance.name)}: the {name} step", rank=rank)


def _suffix(path: Any) -> str:
    return path[len(vault.DR):].strip("/") if isinstance(path, str) and path.startswith(CALLS) else str(path)


def _step(suffix: str) -> str:
    return RUNS.get(suffix, (f"call {code(suffix)}",))[0]


def _ident(body: Any) -> str:
    return code(body.get("id")) if isinstance(body, dict) and body.get("id") else "(unknown)"


# ---------------------------------------------------------------------------------------- guards
def condition(conditions: Any, cluster: str, when: str = "runs", predicate: Any = None) -> str:
    """``run_when``/``destroy_when`` (and ``run_if``/``destroy_if``) in words:
    "runs only if dr-b is a DR secondary when applied"."""
    if conditions is UNKNOWN:
        return f"{when} only if its live-status condition holds (known after apply)"
    if (not isinstance(conditions, dict) or not conditions) and not isinstance(predicate, dict):
        return ""
    parts = []
    for path, expected in (conditions if isinstance(conditions, dict) else {}).items():
        text = str(expected)
        negate = text.startswith("!")
        options = (text[1:] if negate else text).split("|")
        verb = "is not" if negate else "is"
        if path == MODE and not negate and all(o in MODE_WORDS for o in options):
            parts.append(" or ".join(MODE_WORDS[o].format(c=cluster) for o in options))
        elif path == PRIMARY_ADDRESS:
            parts.append(f"its DR primary {verb} {' or '.join(code(o) for o in options)}")
        else:
            parts.append(f"{code(path)} {verb} {' or '.join(code(o) for o in options)}")
    if isinstance(predicate, dict):
        parts.append(_predicate_words(predicate, cluster))
    return f"{when} only if {' and '.join(parts)} when applied"


def _predicate_words(predicate: dict, cluster: str) -> str:
    """The predicates the Vault construct writes (built by :mod:`keyform.appliances.vault`), in words;
    anything else by its kind."""
    if predicate == vault.supplied(vault.ACTIVATION_TOKEN):
        return "a new activation token was issued"
    inner = predicate.get("not")
    if not isinstance(inner, dict):
        return "its condition on the live status holds"
    if inner == vault.knows_secondary(inner.get("contains")):
        return f"{code(inner['contains'])} is not yet a DR secondary of {cluster}"
    some = inner.get("some") if isinstance(inner.get("some"), dict) else {}
    names = [c.get("equals") for c in some.get("all") or [] if isinstance(c, dict) and "equals" in c]
    if names and inner == vault.connected_secondary(names[0]):
        return f"{code(names[0])} no longer replicates from {cluster}"
    return "its condition on the live status holds"


# ----------------------------------------------------------------------------------------- calls
def classify(change: Change, ctx: None = None) -> Classified:
    cluster = code(change.appliance.name)
    action = change.action
    events, bucket = [], ""
    if action in ("delete", "replace"):
        events, bucket = _destroy(change, cluster)
        if action == "delete":
            return events, bucket
    runs = action in ("create", "replace") or (action == "update" and change.id_unknown())
    suffix = _suffix(change.path("after"))
    if not runs:
        return [event(change, BOOKKEEPING,
                      f"{cluster}: only the settings of the {_step(suffix)} step change (no call)")], \
            BOOKKEEPING
    triggers = change.get("after", "triggers")
    primary = code(triggers.get("primary")) if isinstance(triggers, dict) and triggers.get("primary") \
        else "its declared primary"
    ident = _ident(change.json("after", "body"))
    _, text, danger, rank = RUNS.get(suffix, (suffix, f"{{c}}: call {code(suffix)} runs", "", 55))
    text = text.format(c=cluster, p=primary, id=ident)
    if action == "update":
        why = _why_again(change)
        text = f"{text} — runs again: {why}" if why else f"{text} — runs again"
    elif action == "replace" and change.get("before", "in_effect") is False:
        text = f"{text} — runs again: read back, its effect no longer holds on the appliance (drift)"
    danger = danger.format(c=cluster, p=primary, id=ident)
    if danger and suffix == WIPE:
        danger += (" — refused if it holds data of its own" if change.get("after", "preconditions")
                   else " — acknowledged in code (allow_wipe)")
    events.append(event(change, "changed" if action == "update" else "added", text, danger=danger,
                        condition=condition(change.get("after", "run_when"), cluster,
                                            predicate=change.json("after", "run_if")), rank=rank))
    if action == "replace":
        return events, "replaced"
    return events, "changed" if action == "update" else "added"


def _destroy(change: Change, cluster: str) -> Classified:
    """What removing the call does: its destroy call, or nothing but Terraform's records."""
    destroy = change.get("before", "destroy_path")
    if not destroy:
        step = _step(_suffix(change.get("before", "path")))
        return [event(change, BOOKKEEPING,
                      f"{cluster}: the {step} step is removed; it has no destroy call")], BOOKKEEPING
    ident = _ident(change.json("before", "destroy_body"))
    text, danger = DESTROYS.get(_suffix(destroy), (f"{{c}}: destroy call {code(_suffix(destroy))}", ""))
    return [event(change, "removed", text.format(c=cluster, id=ident), danger=danger.format(c=cluster, id=ident),
                  condition=condition(change.get("before", "destroy_when"), cluster,
                                      predicate=change.json("before", "destroy_if")), rank=70)], "removed"


def _why_again(change: Change) -> str:
    reasons = []
    old_t, new_t = change.get("before", "triggers"), change.get("after", "triggers")
    if isinstance(old_t, dict) and isinstance(new_t, dict) and old_t.get("primary") != new_t.get("primary"):
        reasons.append(f"the declared DR primary changes from {code(old_t.get('primary'))} "
                       f"to {code(new_t.get('primary'))}")
    elif old_t != new_t and old_t is not SENSITIVE:
        reasons.append("its triggers change")
    old_p, new_p = change.get("before", "path"), change.get("after", "path")
    if old_p != new_p:
        reasons.append(f"it was the {RUNS.get(_suffix(old_p), (code(_suffix(old_p)),))[0]} step")
    if change.get("before", "body") != change.get("after", "body"):
        reasons.append("its request body changes")
    if change.secret_input_changes() and change.has_secret_input("after"):
        reasons.append("its secret input changes (value hidden)")
    return "; ".join(reasons)
