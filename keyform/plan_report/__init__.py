"""Plan review for pull requests: what a deploy will do to key servers and DR roles, in Markdown.

``python -m keyform plan-report`` (:mod:`keyform.plan_report.cli`) loads the saved plan of each
stack (:mod:`.load`), classifies every resource change into domain events (:mod:`.classify`, worded
by the per-appliance rule modules of :mod:`.rules`), renders Markdown (:mod:`.render`) and masks
every secret (:mod:`.mask`). Its exit code tells a pipeline whether a dangerous operation is
planned (:data:`EXIT_DANGEROUS`) and whether a plan is stale, the report then not current
(:data:`EXIT_STALE`).
"""

from __future__ import annotations

from typing import Iterable

from keyform.plan_report.classify import classify
from keyform.plan_report.load import PlanLoadError, StackPlan
from keyform.plan_report.mask import Scrubber, collect_secrets
from keyform.plan_report.render import Report, render

EXIT_SAFE = 0  # no dangerous operation (also: no changes)
EXIT_ERROR = 1  # a plan is missing or unreadable
EXIT_DANGEROUS = 3  # at least one dangerous operation: require an approval
EXIT_STALE = 4  # a plan is stale (the stack's state changed after it was made): the report is not current

__all__ = ["EXIT_DANGEROUS", "EXIT_ERROR", "EXIT_SAFE", "EXIT_STALE", "PlanLoadError", "Report", "StackPlan", "build",
           "markdown"]


def build(plans: Iterable[StackPlan]) -> tuple[Report, Scrubber]:
    """Classify the plans; the scrubber knows every secret-looking value they hold."""
    report, scrubber = Report(), Scrubber()
    for plan in plans:
        scrubber.add(collect_secrets(plan.document))
        report.stacks.append(classify(plan))
    return report, scrubber


def markdown(plans: Iterable[StackPlan]) -> tuple[str, bool]:
    """The Markdown report of ``plans`` and whether it flags a dangerous operation."""
    report, scrubber = build(plans)
    return scrubber(render(report)), report.dangerous
