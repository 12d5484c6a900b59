"""Raw counts about action plans for the coordinator dashboard. Never shown as they are: the coordinator
package passes them through disclosure control (`coordinator.plan_panel.disclose_plan_counts`).

Like every coordinator figure, only verified organisations count (`figure_definition.counted`), and each count
comes with its organisations' record keys added up (`disclosure.Cell`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from ..disclosure import Cell
from ..extensions import db
from ..models import ActionStatus, Organisation, PlanAction
from .figure_definition import counted
from .latest import Filters, latest_submitted_audits

__all__ = ["PlanCounts", "plan_counts"]


@dataclass(frozen=True)
class PlanCounts:
    population: Cell  # organisations with a submitted audit in the view: the same cell as the dashboard's
    organisations_using_plan: Cell
    # section id -> (organisations with at least one action done in it, actions done in it)
    done_by_section: dict[str, tuple[Cell, Cell]]


def _cell(row) -> Cell:
    return Cell(int(row[0] or 0), int(row[1] or 0))


def plan_counts(filters: Filters) -> PlanCounts:
    """For each organisation's latest submitted audit that matches the filters: whether its plan is in use (an
    action has someone responsible, a due date, or a status other than not started), and its actions done."""
    latest = latest_submitted_audits(filters, counted())
    keyed = select(latest.c.audit_id, Organisation.id, Organisation.record_key).join(
        Organisation, Organisation.id == latest.c.organisation_id
    )
    keyed = keyed.subquery("keyed")
    population = db.session.execute(select(func.count(), func.sum(keyed.c.record_key))).one()
    in_use = or_(
        PlanAction.owner_id.is_not(None),
        PlanAction.owner_name.is_not(None),
        PlanAction.due_on.is_not(None),
        PlanAction.status != ActionStatus.NOT_STARTED.value,
    )
    using = (
        select(keyed.c.id, keyed.c.record_key)
        .distinct()
        .join(PlanAction, PlanAction.audit_id == keyed.c.audit_id)
        .where(in_use)
        .subquery("using")
    )
    using_row = db.session.execute(select(func.count(), func.sum(using.c.record_key))).one()
    done = (
        select(PlanAction.section_id, keyed.c.id, keyed.c.record_key, func.count(PlanAction.id).label("actions"))
        .join(PlanAction, PlanAction.audit_id == keyed.c.audit_id)
        .where(PlanAction.status == ActionStatus.DONE.value, PlanAction.section_id.is_not(None))
        .group_by(PlanAction.section_id, keyed.c.id, keyed.c.record_key)
        .subquery("done")
    )
    rows = db.session.execute(
        select(done.c.section_id, func.count(), func.sum(done.c.record_key), func.sum(done.c.actions)).group_by(
            done.c.section_id
        )
    )
    by_section = {
        section_id: (Cell(orgs, int(keys or 0)), Cell(int(actions or 0), int(keys or 0)))
        for section_id, orgs, keys, actions in rows
    }
    return PlanCounts(_cell(population), _cell(using_row), by_section)
