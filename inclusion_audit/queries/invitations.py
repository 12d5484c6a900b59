"""Invitations to join an organisation, and requests to create an account.

Both wait for someone to follow a link emailed to the address, which proves they can read it. The link
carries a random token; only its SHA-256 is stored, so a copy of the database opens nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import AccountRequest, Invitation, Organisation, User, utcnow
from .accounts import add_member, create_member, email_taken, normalise_email
from .team import TeamAction, record_team_event

__all__ = [
    "ACCOUNT_REQUEST_HOURS",
    "INVITATION_DAYS",
    "accept_invitation",
    "account_request_for",
    "cancel_invitation",
    "complete_account_request",
    "create_invitation",
    "invitation_for",
    "pending_invitations",
    "request_account",
]

INVITATION_DAYS = 7
ACCOUNT_REQUEST_HOURS = 24


def new_link_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hash_link_token(token)


def hash_link_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _open_invitations(organisation_id: int):
    return select(Invitation).where(
        Invitation.organisation_id == organisation_id,
        Invitation.accepted_at.is_(None),
        Invitation.cancelled_at.is_(None),
        Invitation.expires_at > utcnow(),
    )


def create_invitation(organisation: Organisation, email: str, invited_by: User) -> str:
    """Store an invitation and return the token for its link. Inviting an address that already has an open
    invitation sends that one again with a new link (the old link stops working)."""
    email = normalise_email(email)
    now = utcnow()
    token, token_hash = new_link_token()
    invitation = db.session.scalar(_open_invitations(organisation.id).where(Invitation.email == email))
    if invitation is None:
        invitation = Invitation(organisation_id=organisation.id, email=email)
        db.session.add(invitation)
    invitation.token_hash = token_hash
    invitation.invited_by_id = invited_by.id
    invitation.created_at = now
    invitation.expires_at = now + timedelta(days=INVITATION_DAYS)
    db.session.commit()
    return token


def pending_invitations(organisation: Organisation) -> list[Invitation]:
    return list(db.session.scalars(_open_invitations(organisation.id).order_by(Invitation.created_at, Invitation.id)))


def cancel_invitation(organisation: Organisation, invitation_id: int) -> Invitation | None:
    """Cancel one of the organisation's open invitations; None if there is no such open invitation."""
    invitation = db.session.scalar(_open_invitations(organisation.id).where(Invitation.id == invitation_id))
    if invitation is not None:
        invitation.cancelled_at = utcnow()
        db.session.commit()
    return invitation


def invitation_for(token: str) -> Invitation | None:
    """The open invitation this token belongs to, or None (unknown, used, cancelled or expired)."""
    invitation = db.session.scalar(select(Invitation).where(Invitation.token_hash == hash_link_token(token)))
    if invitation is None or invitation.accepted_at or invitation.cancelled_at or invitation.expires_at <= utcnow():
        return None
    return invitation


def accept_invitation(invitation: Invitation, password: str) -> User | None:
    """Make the invited person a member; None if the address has an account by now or the link was just used."""
    if email_taken(invitation.email):
        return None
    claimed = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.accepted_at.is_(None), Invitation.cancelled_at.is_(None))
        .values(accepted_at=utcnow())
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        return None
    try:
        user = add_member(invitation.organisation, invitation.email, password)
    except IntegrityError:  # the same address signed up in the same instant
        db.session.rollback()
        return None
    record_team_event(invitation.organisation, user, user.email, TeamAction.JOINED)
    return user


def request_account(organisation_name: str, email: str) -> str:
    """Remember what someone asked for and return the token for the link that confirms their address."""
    now = utcnow()
    token, token_hash = new_link_token()
    db.session.execute(delete(AccountRequest).where(AccountRequest.expires_at <= now))
    db.session.add(
        AccountRequest(
            email=normalise_email(email),
            organisation_name=organisation_name.strip(),
            token_hash=token_hash,
            created_at=now,
            expires_at=now + timedelta(hours=ACCOUNT_REQUEST_HOURS),
        )
    )
    db.session.commit()
    return token


def account_request_for(token: str) -> AccountRequest | None:
    request = db.session.scalar(select(AccountRequest).where(AccountRequest.token_hash == hash_link_token(token)))
    return request if request is not None and request.expires_at > utcnow() else None


def complete_account_request(request: AccountRequest, password: str) -> User | None:
    """Create the organisation and its first member; None if the address has an account by now."""
    email, name = request.email, request.organisation_name
    if email_taken(email):
        return None
    db.session.execute(delete(AccountRequest).where(AccountRequest.email == email))
    try:
        return create_member(name, email, password)
    except IntegrityError:  # two links for the same address followed at the same moment
        db.session.rollback()
        return None
