"""The dashboard's 'action plans' panel: how many organisations use their plan, and actions done by section.

Every figure goes through `disclose_plan_counts`, the one place these counts meet disclosure control. Today that
is the small-number rule in `suppression`; when perturbation replaces it, only that function changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import queries
from ..engine import Content
from .suppression import safe_statistic, show_count


@dataclass(frozen=True)
class PlanSectionRow:
    title: str
    organisations: str  # organisations that have done at least one action in this section
    actions: str  # actions done in this section


@dataclass(frozen=True)
class PlanPanel:
    organisations_using_plan: str
    sections: list[PlanSectionRow]


def disclose_plan_counts(content: Content, counts: queries.PlanCounts) -> PlanPanel:
    """The raw plan counts as they may be shown. A count of organisations follows the small-number rule; a count
    of actions is only shown when it comes from 5 or more organisations (else one organisation's plan could be
    read from it), and is then rounded like any other count."""
    rows = []
    for section in content.sections:
        stored_ids = [old for old, new in content.section_ids.items() if new == section.id]
        organisations = sum(counts.done_by_section.get(sid, (0, 0))[0] for sid in stored_ids)
        actions = sum(counts.done_by_section.get(sid, (0, 0))[1] for sid in stored_ids)
        shown_actions = safe_statistic(actions, organisations)
        rows.append(
            PlanSectionRow(
                title=section.title,
                organisations=show_count(organisations),
                actions=show_count(shown_actions) if shown_actions is not None else show_count(organisations),
            )
        )
    return PlanPanel(organisations_using_plan=show_count(counts.organisations_using_plan), sections=rows)


def plan_panel(content: Content, filters: queries.Filters) -> PlanPanel:
    return disclose_plan_counts(content, queries.plan_counts(filters))
