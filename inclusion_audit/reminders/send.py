"""Working out which reminders are due and sending each one once (`flask reminders send`).

Safe to run as often as you like, and from more than one machine: each email is claimed in the database
before it is sent (see `queries.reminders`), and a claim whose email could not be sent is taken back so the
next run tries again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .. import queries
from ..email import EmailNotSent, send_email
from ..models import Audit, User
from ..plan_models import PlanAction
from .emails import Email, actions_email, reaudit_email, unfinished_email
from .kinds import DUE_SOON_DAYS, REAUDIT_MONTHS, UNFINISHED_DAYS, ReminderKind


@dataclass
class SendReport:
    sent: Counter = field(default_factory=Counter)  # emails sent, by kind
    failed: int = 0  # emails that could not be sent: their reminders are tried again next time

    @property
    def total(self) -> int:
        return sum(self.sent.values())


def _wants(user: User, kind: ReminderKind, opt_outs: dict[int, set[str]]) -> bool:
    if user.id not in opt_outs:
        opt_outs[user.id] = queries.reminder_opt_outs(user)
    return kind not in opt_outs[user.id]


def _deliver(report: SendReport, user: User, kind: ReminderKind, claimed: list[str], email: Email) -> None:
    try:
        send_email(user.email, email.subject, email.body)
    except EmailNotSent:  # already logged by send_email
        for about in claimed:
            queries.release_reminder(user, kind, about)
        report.failed += 1
    else:
        report.sent[kind] += 1


def _about_action(action: PlanAction) -> str:
    # The due date is part of it: when a date is moved, the new date deserves its own reminder.
    return f"action:{action.id}:{action.due_on.isoformat() if action.due_on else ''}"


def _actions(report, kind, items, now, opt_outs) -> None:
    """One email per person, listing every action of this kind they have not been reminded about yet."""
    per_person: dict[int, tuple[User, object, list[PlanAction]]] = {}
    for item in items:
        for user in item.recipients:
            per_person.setdefault(user.id, (user, item.organisation, []))[2].append(item.action)
    for user, organisation, actions in per_person.values():
        if not _wants(user, kind, opt_outs):
            continue
        claimed = [action for action in actions if queries.claim_reminder(user, kind, _about_action(action), now)]
        if claimed:
            email = actions_email(kind, user, organisation, claimed)
            _deliver(report, user, kind, [_about_action(action) for action in claimed], email)


def _audits(report, kind, audits: list[Audit], make_email, now, opt_outs) -> None:
    """Every member of the audit's organisation, once per audit."""
    for audit in audits:
        email = make_email(audit)
        about = f"audit:{audit.id}"
        for user in audit.organisation.members:
            if _wants(user, kind, opt_outs) and queries.claim_reminder(user, kind, about, now):
                _deliver(report, user, kind, [about], email)


def _reaudit(audit: Audit) -> Email:
    actions = queries.plan_actions(audit)
    summary = queries.plan_progress(actions, audit.submitted_at.date()).summary if actions else None
    return reaudit_email(audit.organisation, audit, summary)


def _unfinished(audit: Audit) -> Email:
    return unfinished_email(audit.organisation, audit)


def send_reminders(now: datetime) -> SendReport:
    """Send every reminder due at `now` (naive UTC) that has not been sent before."""
    report = SendReport()
    opt_outs: dict[int, set[str]] = {}
    soon, overdue = queries.due_actions(now.date(), DUE_SOON_DAYS)
    _actions(report, ReminderKind.ACTION_DUE, soon, now, opt_outs)
    _actions(report, ReminderKind.ACTION_OVERDUE, overdue, now, opt_outs)
    reaudits = queries.reaudits_due(queries.add_months(now, -REAUDIT_MONTHS))
    _audits(report, ReminderKind.REAUDIT_DUE, reaudits, _reaudit, now, opt_outs)
    unfinished = queries.stale_audits(now - timedelta(days=UNFINISHED_DAYS))
    _audits(report, ReminderKind.AUDIT_UNFINISHED, unfinished, _unfinished, now, opt_outs)
    return report


AUDIT_EMAILS = {ReminderKind.REAUDIT_DUE: _reaudit, ReminderKind.AUDIT_UNFINISHED: _unfinished}


def send_audit_reminder(kind: ReminderKind, audit: Audit, now: datetime) -> SendReport:
    """The reminder about one audit that `send_reminders` would send, sent now (a coordinator asked for it): the
    same email, the same record of who has had it, so nobody gets it twice whoever sent it, and nobody who chose
    not to get this kind of reminder gets it at all."""
    report = SendReport()
    _audits(report, kind, [audit], AUDIT_EMAILS[kind], now, {})
    return report
