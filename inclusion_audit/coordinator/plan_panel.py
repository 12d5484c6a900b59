"""The dashboard's 'action plans' panel: how many organisations use their plan, and actions done by section.

Every figure goes through `disclose_plan_counts`, the one place these counts meet disclosure control: perturbed
like every other coordinator figure, with the dashboard's population, so the same view always shows the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import queries
from ..disclosure import FEWER, Cell, Kind, disclose, show
from ..engine import Content


@dataclass(frozen=True)
class PlanSectionRow:
    title: str
    organisations: str  # organisations that have done at least one action in this section
    actions: str  # actions done in this section


@dataclass(frozen=True)
class PlanPanel:
    organisations_using_plan: str
    sections: list[PlanSectionRow]


def disclose_plan_counts(content: Content, counts: queries.PlanCounts, population: Cell) -> PlanPanel:
    """The raw plan counts as they may be shown: perturbed, and "fewer than 5" below 5. A count of actions is
    only shown when its organisations' count is shown (else one organisation's plan could be read from it).
    `population` is the dashboard's: organisations with a submitted audit in the view."""
    rows = []
    for section in content.sections:
        stored_ids = [old for old, new in content.section_ids.items() if new == section.id]
        organisations, actions = Cell(), Cell()
        for sid in stored_ids:
            done = counts.done_by_section.get(sid, (Cell(), Cell()))
            organisations, actions = organisations + done[0], actions + done[1]
        enough = disclose(organisations, population, Kind.PLAN_DONE) is not None
        rows.append(
            PlanSectionRow(
                title=section.title,
                organisations=show(organisations, population, Kind.PLAN_DONE),
                actions=show(actions, population) if enough else FEWER,
            )
        )
    return PlanPanel(
        organisations_using_plan=show(counts.organisations_using_plan, population, Kind.PLAN), sections=rows
    )


def plan_panel(content: Content, filters: queries.Filters, population: Cell) -> PlanPanel:
    return disclose_plan_counts(content, queries.plan_counts(filters), population)
