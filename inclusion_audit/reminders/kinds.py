"""The kinds of reminder email, and how the account page describes them. Every member gets each kind unless
they choose not to."""

from __future__ import annotations

from enum import StrEnum

DUE_SOON_DAYS = 7
REAUDIT_MONTHS = 11
UNFINISHED_DAYS = 14


class ReminderKind(StrEnum):
    ACTION_DUE = "action_due"
    ACTION_OVERDUE = "action_overdue"
    REAUDIT_DUE = "reaudit_due"
    AUDIT_UNFINISHED = "audit_unfinished"


CHOICES = {
    ReminderKind.ACTION_DUE: (
        f"An action is due within {DUE_SOON_DAYS} days",
        "Sent to the person responsible. If nobody in your team is, it goes to your team's admins.",
    ),
    ReminderKind.ACTION_OVERDUE: (
        "An action is overdue",
        "Sent once, after the due date has passed, to the same people.",
    ),
    ReminderKind.REAUDIT_DUE: (
        "It is time to repeat the audit",
        f"{REAUDIT_MONTHS} months after your organisation last submitted one, to everyone in your team.",
    ),
    ReminderKind.AUDIT_UNFINISHED: (
        "An audit has not been submitted",
        f"When an audit was started {UNFINISHED_DAYS} days ago and is still not submitted, to everyone in your team.",
    ),
}
