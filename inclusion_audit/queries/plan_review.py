"""The review question answered from the last action plan, when a new audit starts (content flag
`prefill_from_plan`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..engine import Content, Guide, QuestionDef
from ..extensions import db
from ..models import Answer, Audit, AuditSection, User, utcnow
from ..plan_models import ActionStatus, PlanAction
from .plan import plan_actions, plan_rows
from .stored_figures import lock_organisation

__all__ = ["LastAction", "last_actions", "prefill_from_plan", "review_summary"]


@dataclass(frozen=True)
class LastAction:
    text: str
    status: str | None  # as the action plan shows it; None when no plan was made from that audit


def last_actions(audit: Audit | None) -> list[LastAction]:
    """What the audit before this one asked of the organisation, for its review question: that audit's action
    plan with each action's status, or its guide's top actions where no plan was made. Empty on a first audit."""
    previous = db.session.get(Audit, audit.previous_audit_id) if audit and audit.previous_audit_id else None
    if previous is None or not previous.is_submitted or not previous.guide_snapshot:
        return []
    rows = plan_rows(previous)
    if rows:
        return [LastAction(row.text, row.status) for row in rows]
    return [LastAction(action.text, None) for action in Guide.from_dict(previous.guide_snapshot).actions]


def _worked_on(actions: list[PlanAction]) -> int:
    """Actions someone has done something about: started, finished, or decided to drop (a decision is a review)."""
    return sum(1 for action in actions if action.status != ActionStatus.NOT_STARTED)


def review_summary(actions: list[PlanAction]) -> str:
    worked = _worked_on(actions)
    done = sum(1 for action in actions if action.status == ActionStatus.DONE)
    return f"{worked} of {len(actions)} actions worked on ({done} done)"


def _review_option(question: QuestionDef, actions: list[PlanAction]) -> str | None:
    """The answer the plan gives: scored 0 if no action has been worked on, 3 if every one has, and 1 or 2
    for fewer or more than half. None if the question has no answer with that score."""
    worked = _worked_on(actions)
    if worked == 0:
        score = 0
    elif worked == len(actions):
        score = 3
    else:
        score = 2 if worked * 2 >= len(actions) else 1
    return next((option.value for option in question.options if option.score == score), None)


def prefill_from_plan(audit: Audit, content: Content, user: User) -> list[str]:
    """Answer the questions flagged `prefill_from_plan` from the last plan, in a new audit nobody has saved
    anything in yet (so a double click on 'start' cannot overwrite a change). Returns the question ids answered."""
    questions = [question for question in content.questions.values() if question.prefill_from_plan]
    # A double click on 'start' runs this twice at once: the second waits here, then finds the first one's answer
    # (which it may need to add: such a question is not carried over, see `carry_over`).
    lock_organisation(audit.organisation_id)
    previous = db.session.get(Audit, audit.previous_audit_id) if audit.previous_audit_id else None
    actions = plan_actions(previous)
    saved_in = db.session.scalar(select(func.count()).where(AuditSection.audit_id == audit.id))
    if not questions or not actions or saved_in:
        db.session.commit()  # lets go of the lock
        return []
    answered = []
    existing = {row.question_id: row for row in db.session.scalars(select(Answer).where(Answer.audit_id == audit.id))}
    for question in questions:
        value = _review_option(question, actions)
        if value is None:
            continue
        row = existing.get(question.id)
        # Filled in for the organisation, so it is to be checked like an answer copied from the last audit.
        if row is None:
            db.session.add(
                Answer(
                    audit_id=audit.id, question_id=question.id, value=value, updated_by_id=user.id, carried_over=True
                )
            )
        else:
            row.value, row.updated_at, row.updated_by_id, row.carried_over = value, utcnow(), user.id, True
        answered.append(question.id)
    db.session.commit()
    return answered
