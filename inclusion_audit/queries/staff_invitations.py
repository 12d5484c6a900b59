"""Invitations to become a coordinator or an admin, with the scope chosen by the admin who sent them.

As with team invitations, the emailed link carries a random token and only its SHA-256 is stored; it works
once, for INVITATION_DAYS, unless cancelled.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import User, utcnow
from ..passwords import hash_password
from ..system_models import StaffInvitation
from .accounts import email_taken, normalise_email
from .invitations import INVITATION_DAYS, hash_link_token, new_link_token
from .scope import Scope
from .sharing import record_access
from .staff import StaffScope, describe_scope

__all__ = [
    "accept_staff_invitation",
    "cancel_staff_invitation",
    "create_staff_invitation",
    "pending_staff_invitations",
    "staff_invitation_for",
]


def _open():
    return select(StaffInvitation).where(
        StaffInvitation.accepted_at.is_(None),
        StaffInvitation.cancelled_at.is_(None),
        StaffInvitation.expires_at > utcnow(),
    )


def _in_scope(scope: Scope) -> list:
    return [] if scope.service_wide else [StaffInvitation.system_id == scope.system_id]


def create_staff_invitation(email: str, role: str, chosen: StaffScope, invited_by: User) -> str:
    """Store the invitation (replacing any open one to the same address) and return the token for its link."""
    email, now = normalise_email(email), utcnow()
    for old in db.session.scalars(_open().where(StaffInvitation.email == email)):
        old.cancelled_at = now
    token, token_hash = new_link_token()
    area = chosen.area if role != "admin" else None
    db.session.add(
        StaffInvitation(
            email=email,
            role=role,
            system_id=chosen.system_id,
            area=area,
            token_hash=token_hash,
            invited_by_id=invited_by.id,
            created_at=now,
            expires_at=now + timedelta(days=INVITATION_DAYS),
        )
    )
    db.session.commit()
    detail = f"{email} as {role} for {describe_scope(role, chosen.system_id, area)}"
    record_access(invited_by, "staff_invited", None, detail[:500], chosen.system_id)
    return token


def pending_staff_invitations(scope: Scope) -> list[StaffInvitation]:
    return list(db.session.scalars(_open().where(*_in_scope(scope)).order_by(StaffInvitation.created_at)))


def cancel_staff_invitation(invitation_id: int, scope: Scope, by: User) -> StaffInvitation | None:
    invitation = db.session.scalar(_open().where(StaffInvitation.id == invitation_id, *_in_scope(scope)))
    if invitation is not None:
        invitation.cancelled_at = utcnow()
        db.session.commit()
        record_access(by, "staff_invitation_cancelled", None, invitation.email, invitation.system_id)
    return invitation


def staff_invitation_for(token: str) -> StaffInvitation | None:
    """The open invitation this token belongs to, or None (unknown, used, cancelled or expired)."""
    return db.session.scalar(_open().where(StaffInvitation.token_hash == hash_link_token(token)))


def accept_staff_invitation(invitation: StaffInvitation, password: str) -> User | None:
    """Make the account with the invitation's role and scope; None if the address has an account by now or the
    link was just used."""
    if email_taken(invitation.email):
        return None
    claimed = db.session.execute(
        update(StaffInvitation)
        .where(StaffInvitation.id == invitation.id, StaffInvitation.accepted_at.is_(None))
        .values(accepted_at=utcnow())
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        return None
    user = User(
        email=invitation.email,
        password_hash=hash_password(password),
        role=invitation.role,
        system_id=invitation.system_id,
        area=invitation.area,
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:  # the same address signed up in the same instant
        db.session.rollback()
        return None
    record_access(user, "staff_joined", None, describe_scope(user.role, user.system_id, user.area), user.system_id)
    return user
