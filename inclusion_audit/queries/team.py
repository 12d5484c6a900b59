"""Reads and writes for an organisation's team: roles, removing someone, leaving, and the record of changes.

An organisation always keeps at least one admin: the checks that say so run with the organisation's row
locked, so two admins demoting each other at the same moment cannot leave it with none.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import delete, func, select

from ..extensions import db
from ..models import Organisation, TeamEvent, TeamRole, User, utcnow
from .stored_figures import lock_organisation

__all__ = [
    "TeamAction",
    "TeamChange",
    "change_team_role",
    "leave_organisation",
    "record_team_event",
    "remove_member",
    "team_admins",
    "team_events",
    "team_member",
    "team_members",
]


class TeamAction(StrEnum):
    INVITED = "invited"
    INVITATION_RESENT = "invitation_resent"
    INVITATION_CANCELLED = "invitation_cancelled"
    JOINED = "joined"
    PROMOTED = "promoted"
    DEMOTED = "demoted"
    REMOVED = "removed"
    LEFT = "left"


class TeamChange(StrEnum):
    """What became of a requested change."""

    DONE = "done"
    UNCHANGED = "unchanged"  # it was so already
    LAST_ADMIN = "last_admin"  # refused: the organisation would have no admin


def team_members(organisation: Organisation) -> list[User]:
    """Admins first, then everyone else, each by email address."""
    members = db.session.scalars(select(User).where(User.organisation_id == organisation.id))
    return sorted(members, key=lambda user: (user.team_role != TeamRole.ADMIN, user.email))


def team_admins(organisation: Organisation) -> list[User]:
    return [member for member in team_members(organisation) if member.team_role == TeamRole.ADMIN]


def team_member(organisation: Organisation, user_id: int) -> User | None:
    user = db.session.get(User, user_id)
    return user if user is not None and user.organisation_id == organisation.id else None


def _admin_count(organisation_id: int) -> int:
    return db.session.scalar(
        select(func.count(User.id)).where(User.organisation_id == organisation_id, User.team_role == TeamRole.ADMIN)
    )


def record_team_event(organisation: Organisation, actor: User, subject_email: str, action: TeamAction) -> None:
    db.session.add(
        TeamEvent(
            organisation_id=organisation.id,
            actor_id=actor.id,
            actor_email=actor.email,
            subject_email=subject_email,
            action=action.value,
            at=utcnow(),
        )
    )
    db.session.commit()


def team_events(organisation: Organisation, limit: int = 20) -> list[TeamEvent]:
    return list(
        db.session.scalars(
            select(TeamEvent)
            .where(TeamEvent.organisation_id == organisation.id)
            .order_by(TeamEvent.at.desc(), TeamEvent.id.desc())
            .limit(limit)
        )
    )


def change_team_role(organisation: Organisation, member: User, role: TeamRole, actor: User) -> TeamChange:
    lock_organisation(organisation.id)
    db.session.refresh(member)
    if member.team_role == role:
        db.session.commit()
        return TeamChange.UNCHANGED
    if role == TeamRole.MEMBER and _admin_count(organisation.id) <= 1:
        db.session.commit()
        return TeamChange.LAST_ADMIN
    member.team_role = role.value
    db.session.commit()
    action = TeamAction.PROMOTED if role == TeamRole.ADMIN else TeamAction.DEMOTED
    record_team_event(organisation, actor, member.email, action)
    return TeamChange.DONE


def _delete_account(user: User) -> None:
    # A plain DELETE: the database sets or removes everything that points at the account (answers keep their
    # values; an action they were responsible for has nobody responsible).
    db.session.execute(delete(User).where(User.id == user.id), execution_options={"synchronize_session": False})
    db.session.expunge(user)


def remove_member(organisation: Organisation, member: User, actor: User) -> TeamChange:
    """Delete a colleague's account (an account belongs to one organisation). Never the last admin."""
    lock_organisation(organisation.id)
    db.session.refresh(member)
    if member.team_role == TeamRole.ADMIN and _admin_count(organisation.id) <= 1:
        db.session.commit()
        return TeamChange.LAST_ADMIN
    email = member.email
    _delete_account(member)
    db.session.commit()
    record_team_event(organisation, actor, email, TeamAction.REMOVED)
    return TeamChange.DONE


def leave_organisation(organisation: Organisation, user: User) -> TeamChange:
    """Delete your own account. The record of it stays with the organisation, under your email address."""
    lock_organisation(organisation.id)
    db.session.refresh(user)
    if user.team_role == TeamRole.ADMIN and _admin_count(organisation.id) <= 1:
        db.session.commit()
        return TeamChange.LAST_ADMIN
    db.session.add(
        TeamEvent(
            organisation_id=organisation.id,
            actor_id=None,
            actor_email=user.email,
            subject_email=user.email,
            action=TeamAction.LEFT.value,
            at=utcnow(),
        )
    )
    _delete_account(user)
    db.session.commit()
    return TeamChange.DONE
