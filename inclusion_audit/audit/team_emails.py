"""Emails telling someone about a change to their team. A change is made even when its email cannot be sent:
the page then says so, and the log says why."""

from __future__ import annotations

from ..email import EmailNotSent, send_email
from ..links import emailed_link
from ..models import Organisation, User

ADMIN_CAN = "invite and remove people, choose who can see your results, and delete the organisation's account"
SIGN_OFF = "\n\nInclusion health self-audit"


def tell(to: str, subject: str, body: str) -> bool:
    try:
        send_email(to, subject, body + SIGN_OFF)
    except EmailNotSent:
        return False
    return True


def promoted(organisation: Organisation, actor: User) -> tuple[str, str]:
    return (
        f"You are now an admin of {organisation.name}'s team",
        f"{actor.email} has made you an admin of {organisation.name}'s team on the inclusion health self-audit.\n\n"
        f"Admins can {ADMIN_CAN}.\n\nSee your team: {emailed_link('audit.team')}",
    )


def demoted(organisation: Organisation, actor: User) -> tuple[str, str]:
    return (
        f"You are no longer an admin of {organisation.name}'s team",
        f"{actor.email} has changed your role in {organisation.name}'s team on the inclusion health self-audit "
        "from admin to member.\n\nYou can still answer the audit, work on the action plan and download the "
        f"guide. Only admins can {ADMIN_CAN}.\n\nSee your team: {emailed_link('audit.team')}",
    )


def removed(organisation: Organisation, actor: User) -> tuple[str, str]:
    return (
        f"You have been removed from {organisation.name}'s team",
        f"{actor.email} has removed you from {organisation.name}'s team on the inclusion health self-audit, "
        "so your account has been deleted. The audits and action plan you worked on stay with the organisation.\n\n"
        f"If you think this is a mistake, contact {actor.email}.",
    )


def left(organisation: Organisation) -> tuple[str, str]:
    return (
        f"You have left {organisation.name}'s team",
        f"You have left {organisation.name}'s team on the inclusion health self-audit, and your account has been "
        "deleted. The audits and action plan you worked on stay with the organisation.\n\n"
        "If you did not do this, contact the organisation: someone signed in as you did it.",
    )


def colleague_left(organisation: Organisation, who: str) -> tuple[str, str]:
    return (
        f"{who} has left {organisation.name}'s team",
        f"{who} has left {organisation.name}'s team on the inclusion health self-audit. Any action in your plan "
        f"they were responsible for now has nobody responsible.\n\nSee your action plan: {emailed_link('audit.plan')}",
    )


def invitation_cancelled(organisation: Organisation, actor: User) -> tuple[str, str]:
    return (
        f"Your invitation to join {organisation.name} has been cancelled",
        f"{actor.email} has cancelled the invitation to join {organisation.name}'s team on the inclusion health "
        "self-audit, so its link no longer works. You do not need to do anything.",
    )
