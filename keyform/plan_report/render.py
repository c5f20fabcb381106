"""Rendering: the classified stacks as Markdown for a pull-request comment.

Layout: a warning when a plan is stale (the report is then not current), a verdict (dangerous or not),
the dangerous operations, a summary table, then per
stack the state its plan was made against (and whether that is still the stack's state), and per appliance
what is added, adopted (imported), changed, replaced and removed; changes of
Terraform's records alone fold into a ``<details>`` block. The table has an "Adopted" column only when
something is adopted. The text passes the :class:`Scrubber` last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from keyform.plan_report.freshness import remake_command
from keyform.plan_report.md import code, inline
from keyform.plan_report.model import ADOPTED, BOOKKEEPING, BUCKETS, StackResult

MARKER = "<!-- keyform-plan-report -->"  # lets a pipeline find and update its earlier comment
BUCKET_TITLES = {"added": "Added", ADOPTED: "Adopted", "changed": "Changed", "replaced": "Replaced",
                 "removed": "Removed"}
WARN = "⚠️"


@dataclass
class Report:
    stacks: list = field(default_factory=list)  # StackResult, in the order given

    @property
    def dangers(self) -> list:
        return [e for s in self.stacks for e in s.dangers]

    @property
    def dangerous(self) -> bool:
        return bool(self.dangers)

    @property
    def stale(self) -> list:
        """The stacks whose plan is stale."""
        return [s for s in self.stacks if s.stale]


def _line(event, with_warning: bool = True) -> str:
    prefix = f"{WARN} " if event.danger and with_warning else ""
    condition = f" _({event.condition})_" if event.condition else ""
    return f"- {prefix}{event.text}{condition}"


def _sorted(events):
    return sorted(events, key=lambda e: (e.rank, e.text))


def render(report: Report) -> str:
    out: list[str] = [MARKER, "## keyform plan review", ""]
    dangers = report.dangers
    changed = [s for s in report.stacks if s.events]
    stale = report.stale
    if stale:
        names = ", ".join(code(s.stack) for s in stale)
        commands = "; ".join(code(remake_command(s.stack)) for s in stale)
        out += ["> [!WARNING]",
                f"> **Not current**: the saved plan of stack {names} is stale: the stack's state changed after "
                "the plan was made. This report shows what that plan would have done, not what a deploy does now, "
                f"and the plan cannot be applied. Make it again: {commands}.", ""]
    if dangers:
        out += ["> [!CAUTION]",
                f"> **{len(dangers)} dangerous operation{'s' if len(dangers) != 1 else ''}** in this plan: "
                "deploying it needs an approval.", ""]
    elif changed:
        out += ["> [!NOTE]", "> No dangerous operation in this plan.", ""]
    else:
        out += ["> [!NOTE]", "> No changes: the appliances already match the configuration.", ""]

    if dangers:
        out += [f"### {WARN} Dangerous operations", ""]
        for stack in report.stacks:
            for event in _sorted(stack.dangers):
                condition = f" — {event.condition}" if event.condition else ""
                out.append(f"- **{event.danger}**{condition} · stack {code(stack.stack)}, "
                           f"{event.appliance.title} {code(event.appliance.name)}")
        out.append("")

    out += _summary(report)
    for stack in report.stacks:
        out += _stack_section(stack)

    sources = ", ".join(f"{code(s.source)}" for s in report.stacks)
    versions = sorted({s.terraform_version for s in report.stacks if s.terraform_version})
    out += ["---",
            "<sub>Secrets are never shown: passwords, tokens and other sensitive values are masked. Vault DR calls "
            "are guarded by each cluster's live DR status, so a flagged call can turn out a no-op when applied. "
            f"Plans: {sources}" + (f" (Terraform {', '.join(versions)})" if versions else "") + ".</sub>", ""]
    return "\n".join(out)


def _summary(report: Report) -> list[str]:
    adopting = any(s.count(ADOPTED) for s in report.stacks)
    buckets = [b for b in BUCKETS if b != ADOPTED or adopting]
    out = ["### Summary", "",
           "| Stack | Appliance | " + " | ".join(BUCKET_TITLES[b] for b in buckets) + " | Dangerous |",
           "|---|---|" + "--:|" * (len(buckets) + 1)]
    for stack in report.stacks:
        if not stack.appliances:
            out.append(f"| {code(stack.stack)} | — | no changes |" + " |" * len(buckets))
            continue
        for appliance in stack.appliances:
            counts = [str(stack.count(b, appliance)) for b in buckets]
            danger = sum(1 for e in stack.dangers if e.appliance.key == appliance.key)
            out.append(f"| {code(stack.stack)} | {appliance.title} {code(appliance.name)} | " + " | ".join(counts)
                       + f" | {f'**{danger}**' if danger else '0'} |")
    return out + [""]


def _stack_section(stack: StackResult) -> list[str]:
    out = [f"### Stack {code(stack.stack)}", "", _state_line(stack), ""]
    for note in stack.notes:
        out += [f"> {WARN} {inline(note)}", ""]
    if not stack.events:
        out += ["No changes.", ""]
        return out
    for appliance in stack.appliances:
        events = [e for e in stack.events if e.appliance.key == appliance.key]
        url = f" · {code(appliance.base_url)}" if appliance.base_url else ""
        out += [f"#### {appliance.title} {code(appliance.name)}{url}", ""]
        for bucket in BUCKETS:
            mine = _sorted(e for e in events if e.bucket == bucket)
            if mine:
                out += [f"**{BUCKET_TITLES[bucket]}**", ""] + [_line(e) for e in mine] + [""]
        quiet = _sorted(e for e in events if e.bucket == BOOKKEEPING)
        if quiet:
            out += [f"<details><summary>Bookkeeping only, no call to the appliance ({len(quiet)})</summary>", ""]
            out += [_line(e) for e in quiet] + ["", "</details>", ""]
    return out


def _snapshot(snapshot) -> str:
    if snapshot is None:
        return "no state (nothing deployed yet)"
    return f"state serial {snapshot.serial} (lineage {code(snapshot.lineage)})"


def _state_line(stack: StackResult) -> str:
    """Which state the plan was made against, and whether it is still the stack's state."""
    fresh = stack.freshness
    if fresh is None:
        return "_State not checked: a plan JSON document does not say which state it was made against._"
    if fresh.stale:
        return (f"> {WARN} **Stale plan**: planned against {_snapshot(fresh.planned)}, but the stack now has "
                f"{_snapshot(fresh.current)}; make it again with {code(remake_command(stack.stack))}.")
    return f"Planned against {_snapshot(fresh.planned)} — current: the stack's state has not changed since."
