"""Raw counts about action plans for the coordinator dashboard. Never shown as they are: the coordinator
package passes them through disclosure control (`coordinator.plan_panel.disclose_plan_counts`).

Like every coordinator figure, only verified organisations count (`figure_definition.counted`), and each count
comes with its organisations' record keys added up (`disclosure.Cell`). The panel's population is the
dashboard's own (`queries.headline`), read from the stored figures, so it is not counted again here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, or_, select

from ..disclosure import Cell
from ..extensions import db
from ..models import Organisation
from ..plan_models import ActionStatus, PlanAction
from .figure_definition import counted
from .latest import Filters, latest_submitted_audits

__all__ = ["PlanCounts", "plan_counts"]

# A plan is in use once an action has someone responsible, a due date, or a status other than not started.
# A done action is in use too, so every figure below is about organisations with an action in use.
IN_USE = or_(
    PlanAction.owner_id.is_not(None),
    PlanAction.owner_name.is_not(None),
    PlanAction.due_on.is_not(None),
    PlanAction.status != ActionStatus.NOT_STARTED.value,
)


@dataclass(frozen=True)
class PlanCounts:
    organisations_using_plan: Cell
    # section id -> (organisations with at least one action done in it, actions done in it)
    done_by_section: dict[str, tuple[Cell, Cell]]


def _sum_if(condition, value):
    return func.sum(case((condition, value), else_=0))


def plan_counts(filters: Filters) -> PlanCounts:
    """For each organisation's latest submitted audit that matches the filters: whether its plan is in use, and
    its actions done. One statement, so each organisation's latest audit is chosen once."""
    # Only organisations with an action in use can count, so only theirs need their latest audit chosen (by
    # far the dearest step): which audit is an organisation's latest does not depend on the others.
    touched_plan = Organisation.id.in_(select(PlanAction.organisation_id).where(IN_USE))
    latest = latest_submitted_audits(filters, counted(), touched_plan)
    # One row per organisation and section (None for actions without one) with an action in use there.
    touched = (
        select(
            Organisation.id,
            Organisation.record_key,
            PlanAction.section_id,
            _sum_if(PlanAction.status == ActionStatus.DONE.value, 1).label("done"),
            func.row_number().over(partition_by=Organisation.id).label("nth"),
        )
        .select_from(latest)
        .join(Organisation, Organisation.id == latest.c.organisation_id)
        .join(PlanAction, PlanAction.audit_id == latest.c.audit_id)
        .where(IN_USE)
        .group_by(Organisation.id, Organisation.record_key, PlanAction.section_id)
        .subquery("touched")
    )
    # Each organisation's first row (nth = 1) falls in exactly one section's group, so adding the groups' first
    # rows up counts every organisation using its plan once.
    first, has_done = touched.c.nth == 1, touched.c.done > 0
    rows = db.session.execute(
        select(
            touched.c.section_id,
            _sum_if(first, 1),
            _sum_if(first, touched.c.record_key),
            _sum_if(has_done, 1),
            _sum_if(has_done, touched.c.record_key),
            func.sum(touched.c.done),
        ).group_by(touched.c.section_id)
    ).all()
    using = Cell(sum(int(row[1]) for row in rows), sum(int(row[2]) for row in rows))
    by_section = {
        section_id: (Cell(int(orgs), int(keys)), Cell(int(actions), int(keys)))
        for section_id, _, _, orgs, keys, actions in rows
        if section_id is not None and orgs
    }
    return PlanCounts(using, by_section)
