"""Raw counts about action plans for the coordinator dashboard. Never shown as they are: the coordinator
package passes them through its disclosure control (`coordinator.plan_panel.disclose_plan_counts`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, or_, select

from ..extensions import db
from ..models import ActionStatus, PlanAction
from .latest import Filters, latest_submitted_audits

__all__ = ["PlanCounts", "plan_counts"]


@dataclass(frozen=True)
class PlanCounts:
    organisations_using_plan: int
    # section id -> (organisations with at least one action done in it, actions done in it)
    done_by_section: dict[str, tuple[int, int]]


def plan_counts(filters: Filters) -> PlanCounts:
    """For each organisation's latest submitted audit that matches the filters: whether its plan is in use (an
    action has someone responsible, a due date, or a status other than not started), and its actions done."""
    latest = latest_submitted_audits(filters)
    in_use = or_(
        PlanAction.owner_id.is_not(None),
        PlanAction.owner_name.is_not(None),
        PlanAction.due_on.is_not(None),
        PlanAction.status != ActionStatus.NOT_STARTED.value,
    )
    using = db.session.scalar(
        select(func.count(distinct(PlanAction.organisation_id)))
        .join(latest, latest.c.audit_id == PlanAction.audit_id)
        .where(in_use)
    )
    rows = db.session.execute(
        select(PlanAction.section_id, func.count(distinct(PlanAction.organisation_id)), func.count(PlanAction.id))
        .join(latest, latest.c.audit_id == PlanAction.audit_id)
        .where(PlanAction.status == ActionStatus.DONE.value, PlanAction.section_id.is_not(None))
        .group_by(PlanAction.section_id)
    )
    return PlanCounts(using or 0, {section_id: (orgs, actions) for section_id, orgs, actions in rows})
