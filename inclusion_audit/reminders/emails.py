"""The words of each reminder email. Every one ends with a link to choose which reminders you get."""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import format_date
from ..links import emailed_link
from ..models import Audit, Organisation, User
from ..plan_models import PlanAction
from ..queries.plan import STATUS_LABELS, owner_label
from .kinds import DUE_SOON_DAYS, REAUDIT_MONTHS, ReminderKind

SIGN_OFF = "Inclusion health self-audit"


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def _footer(reason: str) -> str:
    return (
        f"\n\n{reason}\nTo choose which reminders you get, go to your account: "
        f"{emailed_link('auth.account')}\n\n{SIGN_OFF}"
    )


def _action_lines(actions: list[PlanAction]) -> str:
    lines = []
    for action in actions:
        responsible = owner_label(action) or "nobody yet"
        status = STATUS_LABELS[action.status]
        lines.append(
            f"- {action.text}\n  Due: {format_date(action.due_on)}. Responsible: {responsible}. Status: {status}."
        )
    return "\n".join(lines)


def _why(user: User, actions: list[PlanAction]) -> str:
    these = "these actions" if len(actions) > 1 else "this action"
    if all(action.owner_id == user.id for action in actions):
        return f"You get this email because you are responsible for {these}."
    return (
        "You get this email because you are an admin of your organisation's team on the service, and nobody in "
        f"the team is responsible for {'some of these actions' if len(actions) > 1 else 'this action'}."
    )


def actions_email(kind: ReminderKind, user: User, organisation: Organisation, actions: list[PlanAction]) -> Email:
    many = len(actions) > 1
    if kind == ReminderKind.ACTION_DUE:
        subject = f"{organisation.name}: {'actions' if many else 'an action'} due soon"
        opening = f"{'These actions' if many else 'This action'} in {organisation.name}'s action plan "
        opening += f"{'are' if many else 'is'} due within {DUE_SOON_DAYS} days:"
    else:
        subject = f"{organisation.name}: {'actions' if many else 'an action'} overdue"
        opening = f"{'These actions' if many else 'This action'} in {organisation.name}'s action plan "
        opening += f"{'are' if many else 'is'} past {'their' if many else 'its'} due date:"
    body = (
        f"{opening}\n\n{_action_lines(actions)}\n\n"
        "If something is done, or the date has changed, update the plan so your team can see:\n"
        f"{emailed_link('audit.plan')}"
    )
    return Email(subject, body + _footer(_why(user, actions)))


def reaudit_email(organisation: Organisation, last: Audit, plan_summary: str | None) -> Email:
    body = (
        f"It is {REAUDIT_MONTHS} months since {organisation.name} submitted its inclusion health self-audit, "
        f"on {format_date(last.submitted_at)}.\n\n"
        "Doing it again shows what has changed since then. The new audit starts with your last answers: you check "
        "each section and change only what is different now.\n\n"
        f"Start a new audit: {emailed_link('audit.task_list')}"
    )
    if plan_summary:
        body += f"\n\nYour action plan so far: {plan_summary}. See it: {emailed_link('audit.plan')}"
    reason = f"You get this email because you are in {organisation.name}'s team on the service."
    return Email(f"{organisation.name}: time to repeat your inclusion health audit", body + _footer(reason))


def unfinished_email(organisation: Organisation, audit: Audit) -> Email:
    body = (
        f"{organisation.name} started an inclusion health self-audit on {format_date(audit.started_at)}, "
        "and it has not been submitted yet. Every answer given so far is saved.\n\n"
        "When every question is answered, submit it to get your results, your guide and your action plan.\n\n"
        f"Carry on with the audit: {emailed_link('audit.task_list')}"
    )
    reason = f"You get this email because you are in {organisation.name}'s team on the service."
    return Email(f"{organisation.name}: your inclusion health audit is not submitted yet", body + _footer(reason))
