"""Reads and writes for accounts and organisations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Organisation, User, utcnow
from ..passwords import DUMMY_HASH, hash_password, verify_password
from .stored_figures import count_new_organisation, stored_figures_kept

__all__ = [
    "add_member",
    "get_organisation",
    "HeadlineCounts",
    "authenticate",
    "change_password",
    "create_member",
    "create_staff_user",
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
    user.session_generation += 1
    db.session.commit()


def create_member(organisation_name: str, email: str, password: str) -> User:
    organisation = Organisation(name=organisation_name.strip())
    user = User(email=normalise_email(email), password_hash=hash_password(password), role="member")
    user.organisation = organisation
    db.session.add_all([organisation, user])
    db.session.flush()
    count_new_organisation(organisation.id)
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
    user.session_generation += 1  # other signed-in devices are signed out
    db.session.commit()


def update_profile(
    organisation: Organisation, *, name: str, org_type: str, size_band: str, area: str, groups: list[str]
) -> None:
    with stored_figures_kept(organisation.id):  # type, size, area and groups decide which stored figures it counts in
        organisation.name = name.strip()
        organisation.org_type = org_type
        organisation.size_band = size_band
        organisation.area = area
        organisation.groups = groups
        organisation.profile_completed_at = organisation.profile_completed_at or utcnow()
    db.session.commit()


@dataclass(frozen=True)
class HeadlineCounts:
    organisations: int
    profiles_completed: int


def headline_counts() -> HeadlineCounts:
    row = db.session.execute(select(func.count(Organisation.id), func.count(Organisation.profile_completed_at))).one()
    return HeadlineCounts(organisations=row[0], profiles_completed=row[1])


def database_is_up() -> bool:
    return db.session.execute(select(1)).scalar() == 1
