"""Reads and writes for action plans: the actions an organisation works on between one audit and the next.

A plan belongs to a submitted audit, whose guide suggested its top actions. The organisation's current plan
is its latest submitted audit's. When a new audit is submitted, its plan starts with that guide's top
actions, and every unfinished action from the last plan comes along (keeping owner, date, status and note).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select

from ..dates import format_date
from ..engine import Content, Guide
from ..extensions import db
from ..models import Audit, Organisation, User, utcnow
from ..plan_models import ActionOrigin, ActionPlan, ActionStatus, PlanAction
from .audits import latest_submitted, previous_submitted
from .stored_figures import lock_organisation

__all__ = [
    "STATUS_LABELS",
    "GuideAction",
    "PlanProgress",
    "PlanRow",
    "add_guide_action",
    "add_own_action",
    "delete_action",
    "done_by_section",
    "done_outside_sections",
    "ensure_plan",
    "guide_actions_to_add",
    "open_actions_of",
    "owner_label",
    "plan_action",
    "plan_actions",
    "plan_progress",
    "plan_rows",
    "update_action",
]

STATUS_LABELS = {
    ActionStatus.NOT_STARTED: "Not started",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}


def _guide(audit: Audit) -> Guide:
    return Guide.from_dict(audit.guide_snapshot or {})


def plan_actions(audit: Audit | None) -> list[PlanAction]:
    if audit is None:
        return []
    return list(
        db.session.scalars(
            select(PlanAction).where(PlanAction.audit_id == audit.id).order_by(PlanAction.position, PlanAction.id)
        )
    )


def _has_plan(audit: Audit) -> bool:
    return db.session.get(ActionPlan, audit.id) is not None


def ensure_plan(audit: Audit, content: Content) -> list[PlanAction]:
    """The audit's plan, made now if it has not been: the guide's top actions, then the last plan's unfinished
    actions. Making it twice at once (a double click on submit) waits on the organisation's lock."""
    if _has_plan(audit):
        return plan_actions(audit)
    lock_organisation(audit.organisation_id)
    if _has_plan(audit):
        db.session.commit()
        return plan_actions(audit)
    carried = [action for action in plan_actions(previous_submitted(audit)) if action.is_open]
    rows = []
    for suggested in _guide(audit).actions:
        row = PlanAction(
            origin=ActionOrigin.TOP.value,
            snippet_id=suggested.snippet_id,
            section_id=suggested.section_id,
            text=suggested.text,
        )
        earlier = next((action for action in carried if action.snippet_id == suggested.snippet_id), None)
        if earlier is not None:
            carried.remove(earlier)
            _carry_over(earlier, row)
        rows.append(row)
    for earlier in carried:
        row = PlanAction(
            origin=ActionOrigin.GUIDE.value if earlier.snippet_id else ActionOrigin.OWN.value,
            snippet_id=earlier.snippet_id,
            # Sections may have been renamed since: keep the action with the section under its current id.
            section_id=content.section_ids.get(earlier.section_id or "", earlier.section_id),
            text=earlier.text,
        )
        _carry_over(earlier, row)
        rows.append(row)
    now = utcnow()
    for position, row in enumerate(rows):
        row.organisation_id, row.audit_id, row.position = audit.organisation_id, audit.id, position
        row.created_at = row.updated_at = now
    db.session.add(ActionPlan(audit_id=audit.id, organisation_id=audit.organisation_id, created_at=now))
    db.session.add_all(rows)
    db.session.commit()
    return plan_actions(audit)


def _carry_over(earlier: PlanAction, row: PlanAction) -> None:
    row.owner_id, row.owner_name, row.due_on = earlier.owner_id, earlier.owner_name, earlier.due_on
    row.status, row.note, row.updated_by_id = earlier.status, earlier.note, earlier.updated_by_id


def open_actions_of(user: User) -> list[PlanAction]:
    """Unfinished actions this person is responsible for, in their organisation's current plan."""
    if user.organisation is None:
        return []
    return [
        action
        for action in plan_actions(latest_submitted(user.organisation))
        if action.is_open and action.owner_id == user.id
    ]


def plan_action(organisation: Organisation, action_id: int) -> PlanAction | None:
    """An action in the organisation's current plan; None for anything else (another organisation's, or an
    older plan's, which are kept as they were)."""
    audit = latest_submitted(organisation)
    action = db.session.get(PlanAction, action_id)
    if audit is None or action is None or action.audit_id != audit.id:
        return None
    return action


@dataclass(frozen=True)
class GuideAction:
    snippet_id: str
    text: str
    section_id: str | None
    section_title: str


def guide_actions_to_add(audit: Audit) -> list[GuideAction]:
    """Actions the audit's guide suggests in its sections that are not in the plan yet, in guide order."""
    in_plan = {action.snippet_id for action in plan_actions(audit) if action.snippet_id}
    found = []
    for section in _guide(audit).sections:
        for snippet in section.snippets:
            if snippet.action and snippet.id not in in_plan:
                in_plan.add(snippet.id)
                found.append(GuideAction(snippet.id, snippet.action, section.result.section_id, section.result.title))
    return found


def _next_position(audit: Audit) -> int:
    highest = db.session.scalar(select(func.max(PlanAction.position)).where(PlanAction.audit_id == audit.id))
    return (highest if highest is not None else -1) + 1


def add_guide_action(audit: Audit, snippet_id: str, user: User) -> PlanAction | None:
    """Add an action the guide suggests; None if the guide has no such action or it is already in the plan."""
    chosen = next((item for item in guide_actions_to_add(audit) if item.snippet_id == snippet_id), None)
    if chosen is None:
        return None
    return _add(audit, user, ActionOrigin.GUIDE, chosen.text, chosen.section_id, snippet_id)


def add_own_action(audit: Audit, text: str, section_id: str | None, user: User) -> PlanAction:
    return _add(audit, user, ActionOrigin.OWN, text, section_id, None)


def _add(
    audit: Audit, user: User, origin: ActionOrigin, text: str, section_id: str | None, snippet_id: str | None
) -> PlanAction:
    action = PlanAction(
        organisation_id=audit.organisation_id,
        audit_id=audit.id,
        origin=origin.value,
        snippet_id=snippet_id,
        section_id=section_id,
        text=text.strip(),
        position=_next_position(audit),
        updated_by_id=user.id,
    )
    db.session.add(action)
    db.session.commit()
    return action


def update_action(
    action: PlanAction,
    user: User,
    *,
    owner: User | None,
    owner_name: str | None,
    due_on: date | None,
    status: ActionStatus,
    dropped_reason: str | None,
    note: str,
) -> None:
    action.owner_id = owner.id if owner is not None else None
    action.owner_name = None if owner is not None else (owner_name or None)
    action.due_on = due_on
    if status == ActionStatus.DONE and action.status != ActionStatus.DONE:
        action.done_at = utcnow()
    elif status != ActionStatus.DONE:
        action.done_at = None
    action.status = status.value
    action.dropped_reason = dropped_reason if status == ActionStatus.DROPPED else None
    action.note = note
    action.updated_at, action.updated_by_id = utcnow(), user.id
    db.session.commit()


def delete_action(action: PlanAction) -> None:
    """Take an added action out of the plan. The guide's top actions stay: they can be dropped, with a reason."""
    if action.origin == ActionOrigin.TOP:
        raise ValueError("top actions are dropped, not deleted")
    db.session.execute(delete(PlanAction).where(PlanAction.id == action.id))
    db.session.commit()


def is_overdue(action: PlanAction, today: date) -> bool:
    return action.is_open and action.due_on is not None and action.due_on < today


@dataclass(frozen=True)
class PlanProgress:
    total: int
    done: int
    dropped: int
    overdue: int
    no_owner: int

    @property
    def summary(self) -> str:
        """'2 of 6 actions done, 1 overdue': the line on the task list and the plan page."""
        parts = [f"{self.done} of {self.total} action{'' if self.total == 1 else 's'} done"]
        if self.dropped:
            parts.append(f"{self.dropped} dropped")
        if self.overdue:
            parts.append(f"{self.overdue} overdue")
        return ", ".join(parts)


def plan_progress(actions: list[PlanAction], today: date) -> PlanProgress:
    return PlanProgress(
        total=len(actions),
        done=sum(1 for action in actions if action.status == ActionStatus.DONE),
        dropped=sum(1 for action in actions if action.status == ActionStatus.DROPPED),
        overdue=sum(1 for action in actions if is_overdue(action, today)),
        no_owner=sum(1 for action in actions if action.is_open and not (action.owner_id or action.owner_name)),
    )


def owner_label(action: PlanAction) -> str:
    if action.owner is not None:
        return action.owner.email
    return action.owner_name or ""


@dataclass(frozen=True)
class PlanRow:
    """One action as every rendering of the plan shows it (web page, Word, CSV, the guide's PDF and Word)."""

    action_id: int
    text: str
    section: str  # the section's title; "" when the action is not about one section
    owner: str  # an email for a team member, the name typed in for anyone else; "" when nobody yet
    due_on: date | None
    status: str  # one of STATUS_LABELS' values
    dropped_reason: str
    note: str
    overdue: bool

    @property
    def due(self) -> str:
        return format_date(self.due_on)


def plan_rows(audit: Audit, today: date | None = None) -> list[PlanRow]:
    """The audit's plan as display rows, in plan order; empty when it has no plan. For renderers, so they
    need no database knowledge: call it with the submitted audit the guide belongs to."""
    today = today or utcnow().date()
    titles = {section.result.section_id: section.result.title for section in _guide(audit).sections}
    return [
        PlanRow(
            action_id=action.id,
            text=action.text,
            section=titles.get(action.section_id or "", ""),
            owner=owner_label(action),
            due_on=action.due_on,
            status=STATUS_LABELS[ActionStatus(action.status)],
            dropped_reason=action.dropped_reason or "",
            note=action.note,
            overdue=is_overdue(action, today),
        )
        for action in plan_actions(audit)
    ]


def done_by_section(audit: Audit | None, content: Content) -> dict[str, int]:
    """How many of the audit's plan actions were done, per section (under today's section ids)."""
    counts: dict[str, int] = {}
    for action in plan_actions(audit):
        if action.status == ActionStatus.DONE and action.section_id:
            section_id = content.section_ids.get(action.section_id, action.section_id)
            counts[section_id] = counts.get(section_id, 0) + 1
    return counts


def done_outside_sections(audit: Audit | None) -> int:
    """How many of the audit's plan actions were done that are not about one section."""
    return sum(1 for action in plan_actions(audit) if action.status == ActionStatus.DONE and not action.section_id)
