"""Reads and writes for reminder emails: who chose which, what is due, and what has been sent.

Each email is claimed (a row in `reminder_sent`, unique per person, kind and subject) before it is sent and
the claim is taken back if sending fails, so two runs at once, or a run after a crash, never send it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import Audit, AuditStatus, Organisation, TeamRole, User
from ..plan_models import ActionStatus, PlanAction
from ..reminder_models import ReminderOptOut, ReminderSent
from .latest import Filters, latest_submitted_audits

__all__ = [
    "add_months",
    "claim_reminder",
    "due_actions",
    "opted_out",
    "reaudits_due",
    "release_reminder",
    "reminder_opt_outs",
    "set_reminder_opt_outs",
    "stale_audits",
]


def reminder_opt_outs(user: User) -> set[str]:
    return set(db.session.scalars(select(ReminderOptOut.kind).where(ReminderOptOut.user_id == user.id)))


def set_reminder_opt_outs(user: User, kinds: set[str]) -> None:
    db.session.execute(delete(ReminderOptOut).where(ReminderOptOut.user_id == user.id))
    db.session.add_all(ReminderOptOut(user_id=user.id, kind=kind) for kind in sorted(kinds))
    db.session.commit()


def opted_out(user_ids: list[int], kind: str) -> set[int]:
    if not user_ids:
        return set()
    return set(
        db.session.scalars(
            select(ReminderOptOut.user_id).where(ReminderOptOut.user_id.in_(user_ids), ReminderOptOut.kind == kind)
        )
    )


def claim_reminder(user: User, kind: str, about: str, now: datetime) -> bool:
    """Record that this reminder is being sent; False if it was sent (or claimed) already."""
    db.session.add(ReminderSent(user_id=user.id, kind=kind, about=about, sent_at=now))
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def release_reminder(user: User, kind: str, about: str) -> None:
    """Forget a claim whose email could not be sent, so the next run tries again."""
    db.session.execute(
        delete(ReminderSent).where(
            ReminderSent.user_id == user.id, ReminderSent.kind == kind, ReminderSent.about == about
        )
    )
    db.session.commit()


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` later (the month's last day if it is shorter: 31 January + 1 month is 28 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in range(moment.day, 27, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    return moment.replace(year=year, month=month, day=min(moment.day, 28))


@dataclass(frozen=True)
class DueAction:
    action: PlanAction
    organisation: Organisation
    recipients: list[User]  # the member responsible, else the team's admins


def _recipients(action: PlanAction, organisation: Organisation) -> list[User]:
    if action.owner is not None and action.owner.organisation_id == organisation.id:
        return [action.owner]
    return [member for member in organisation.members if member.team_role == TeamRole.ADMIN]


def due_actions(today: date, within_days: int) -> tuple[list[DueAction], list[DueAction]]:
    """Open actions with a due date in each organisation's current plan (its latest submitted audit's):
    (due within `within_days` days, overdue)."""
    latest = latest_submitted_audits(Filters())
    actions = db.session.scalars(
        select(PlanAction)
        .join(latest, latest.c.audit_id == PlanAction.audit_id)
        .where(
            PlanAction.status.in_([ActionStatus.NOT_STARTED.value, ActionStatus.IN_PROGRESS.value]),
            PlanAction.due_on.is_not(None),
            PlanAction.due_on <= today + timedelta(days=within_days),
        )
        .order_by(PlanAction.organisation_id, PlanAction.position, PlanAction.id)
    )
    soon, overdue = [], []
    for action in actions:
        organisation = db.session.get(Organisation, action.organisation_id)
        item = DueAction(action, organisation, _recipients(action, organisation))
        (overdue if action.due_on < today else soon).append(item)
    return soon, overdue


def reaudits_due(submitted_before: datetime) -> list[Audit]:
    """Organisations' latest submitted audits from before `submitted_before`, where no new audit has started."""
    latest = latest_submitted_audits(Filters())
    started = aliased(Audit)
    in_progress = exists().where(
        started.organisation_id == Audit.organisation_id,
        started.status == AuditStatus.IN_PROGRESS,
    )
    return list(
        db.session.scalars(
            select(Audit)
            .join(latest, latest.c.audit_id == Audit.id)
            .where(Audit.submitted_at < submitted_before, ~in_progress)
            .order_by(Audit.id)
        )
    )


def stale_audits(started_before: datetime) -> list[Audit]:
    """Audits in progress that were started before `started_before`."""
    return list(
        db.session.scalars(
            select(Audit)
            .where(Audit.status == AuditStatus.IN_PROGRESS, Audit.started_at < started_before)
            .order_by(Audit.id)
        )
    )
