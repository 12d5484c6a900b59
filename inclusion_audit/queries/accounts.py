"""Reads and writes for accounts and organisations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Organisation, TeamRole, User, new_session_key, utcnow
from ..passwords import DUMMY_HASH, hash_password, verify_password
from .tallies import tallies_kept

__all__ = [
    "add_member",
    "get_organisation",
    "HeadlineCounts",
    "authenticate",
    "change_password",
    "create_member",
    "create_staff_user",
    "database_has_audits_table",
    "database_is_up",
    "email_taken",
    "end_all_sessions",
    "get_signed_in_user",
    "get_user",
    "get_user_by_email",
    "headline_counts",
    "normalise_email",
    "record_sign_in",
    "update_profile",
]


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def get_signed_in_user(user_id: int) -> User | None:
    """The user behind a session cookie, with their organisation and its groups in the same query: nearly
    every member page needs both, and loading them one by one cost two more queries a request."""
    loading = joinedload(User.organisation).joinedload(Organisation.group_rows)
    return db.session.scalars(select(User).where(User.id == user_id).options(loading)).unique().first()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def email_taken(email: str) -> bool:
    return get_user_by_email(email) is not None


def authenticate(email: str, password: str) -> User | None:
    """The user if the email and password match, else None; similar cost either way."""
    user = get_user_by_email(email)
    if user is None:
        verify_password(DUMMY_HASH, password)
        return None
    return user if verify_password(user.password_hash, password) else None


def record_sign_in(user: User) -> None:
    user.last_login_at = utcnow()
    db.session.commit()


def end_all_sessions(user: User) -> None:
    """Make every session cookie issued to this user so far stop working."""
    user.session_key = new_session_key()
    db.session.commit()


def create_member(organisation_name: str, email: str, password: str) -> User:
    organisation = Organisation(name=organisation_name.strip())
    # Whoever registers the organisation is its first admin.
    user = User(
        email=normalise_email(email), password_hash=hash_password(password), role="member", team_role=TeamRole.ADMIN
    )
    user.organisation = organisation
    db.session.add_all([organisation, user])
    db.session.commit()
    return user


def get_organisation(organisation_id: int) -> Organisation | None:
    return db.session.get(Organisation, organisation_id) if isinstance(organisation_id, int) else None


def add_member(organisation: Organisation, email: str, password: str) -> User:
    user = User(email=normalise_email(email), password_hash=hash_password(password), role="member")
    user.organisation = organisation
    db.session.add(user)
    db.session.commit()
    return user


def create_staff_user(email: str, password: str, role: str = "coordinator") -> User:
    user = User(email=normalise_email(email), password_hash=hash_password(password), role=role)
    db.session.add(user)
    db.session.commit()
    return user


def change_password(user: User, new_password: str) -> None:
    user.password_hash = hash_password(new_password)
    user.session_key = new_session_key()  # other signed-in devices are signed out
    db.session.commit()


def update_profile(
    organisation: Organisation,
    *,
    name: str | None = None,
    org_type: str | None = None,
    size_band: str | None = None,
    area: str | None = None,
    groups: list[str] | None = None,
) -> bool:
    """Save the answers given (None: not answered, left as it was). True once the profile is complete,
    which it stays: a later change to one answer never makes it incomplete again."""
    with tallies_kept(organisation.id):  # type, size, area and groups decide which tallies it counts in
        # The row is locked now; read it again, so a simultaneous save of the same form (a double click)
        # that got the lock first is built on, rather than both adding the same groups.
        db.session.refresh(organisation)
        if name is not None:
            organisation.name = name.strip()
        for field, value in (("org_type", org_type), ("size_band", size_band), ("area", area)):
            if value is not None:
                setattr(organisation, field, value)
        if groups is not None:
            organisation.groups = groups
        answered = organisation.org_type and organisation.size_band and organisation.area
        if answered and (groups is not None or organisation.profile_completed_at):
            organisation.profile_completed_at = organisation.profile_completed_at or utcnow()
    db.session.commit()
    return organisation.profile_completed_at is not None


@dataclass(frozen=True)
class HeadlineCounts:
    organisations: int
    profiles_completed: int


def headline_counts() -> HeadlineCounts:
    row = db.session.execute(select(func.count(Organisation.id), func.count(Organisation.profile_completed_at))).one()
    return HeadlineCounts(organisations=row[0], profiles_completed=row[1])


def database_has_audits_table() -> bool:
    return inspect(db.engine).has_table("answer")


def database_is_up() -> bool:
    return db.session.execute(select(1)).scalar() == 1
