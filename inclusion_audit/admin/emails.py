"""What the admin pages email to the person a change is about. Sending never undoes the change: the page says
when an email could not be sent."""

from __future__ import annotations

from ..email import EmailNotSent, send_email
from ..links import emailed_link

SIGN_OFF = "\n\nInclusion health self-audit"


def _send(to: str, subject: str, body: str) -> bool:
    try:
        send_email(to, subject, body + SIGN_OFF)
    except EmailNotSent:
        return False
    return True


def invitation(to: str, role: str, scope_words: str, token: str, days: int) -> bool:
    link = emailed_link("auth.accept_staff_invitation", token=token)
    body = (
        f"You have been invited to the inclusion health self-audit as a {role}, for {scope_words}.\n\n"
        f"Follow this link to set your password and sign in. It works once, for {days} days:\n{link}\n\n"
        "If you were not expecting this, you can ignore this email."
    )
    return _send(to, f"You are invited to be a {role} on the inclusion health self-audit", body)


def scope_changed(to: str, scope_words: str) -> bool:
    body = f"An admin has changed what you work on in the inclusion health self-audit. It is now: {scope_words}."
    body += f"\n\nSign in: {emailed_link('auth.sign_in')}"
    return _send(to, "What you work on in the inclusion health self-audit has changed", body)


def active_changed(to: str, active: bool) -> bool:
    if active:
        body = f"An admin has reactivated your account. You can sign in again: {emailed_link('auth.sign_in')}"
        return _send(to, "Your inclusion health self-audit account is active again", body)
    body = "An admin has deactivated your account, so you can no longer sign in. Ask an admin if this is a mistake."
    return _send(to, "Your inclusion health self-audit account has been deactivated", body)


def area_retired(to: str, old: str, new: str) -> bool:
    body = (
        f"An admin has retired the area {old}. Its organisations are now in {new}, and so is your work: "
        f"you now see {new}'s figures, shared results and local help."
    )
    return _send(to, f"{old} has been retired on the inclusion health self-audit", body)
