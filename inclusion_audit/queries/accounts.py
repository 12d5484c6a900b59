"""Reads and writes for accounts and organisations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Organisation, TeamRole, User, new_session_key, utcnow
from ..passwords import hash_password, verify_password, verify_unknown_user
from .stored_figures import count_new_organisation, stored_figures_kept

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
    "PROFILE_FIELDS",
    "update_profile",
]


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def get_signed_in_user(user_id: int) -> User | None:
    """The user behind a session cookie, with their organisation and its groups in the same query, since
    nearly every member page needs both."""
    loading = joinedload(User.organisation).joinedload(Organisation.group_rows)
    return db.session.scalars(select(User).where(User.id == user_id).options(loading)).unique().first()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def email_taken(email: str) -> bool:
    return get_user_by_email(email) is not None


def authenticate(email: str, password: str) -> User | None:
    """The user if the email and password match and the account is active, else None; similar cost either way."""
    user = get_user_by_email(email)
    if user is None:
        verify_unknown_user(password)
        return None
    return user if verify_password(user.password_hash, password) and user.active else None


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
    user.session_key = new_session_key()  # other signed-in devices are signed out
    db.session.commit()


PROFILE_FIELDS = (
    "name",
    "org_type",
    "size_band",
    "area",
    "local_area",
    "works_with_families",
    "other_groups",
    "registration_number",
)


def update_profile(organisation: Organisation, **answers) -> bool:
    """Save the answers given (a field left out was not answered, and keeps what it had): any of
    PROFILE_FIELDS and `groups`. True once the profile is complete, which it stays: a later change to one
    answer never makes it incomplete again."""
    unknown = set(answers) - {*PROFILE_FIELDS, "groups"}
    if unknown:
        raise TypeError(f"not profile answers: {sorted(unknown)}")
    with stored_figures_kept(organisation.id):  # type, size, area and groups decide which figures it counts in
        # The row is locked now; read it again, so a simultaneous save of the same form (a double click)
        # that got the lock first is built on, rather than both adding the same groups.
        db.session.refresh(organisation)
        for field in PROFILE_FIELDS:
            if field in answers:
                value = answers[field]
                setattr(organisation, field, value.strip() or None if isinstance(value, str) else value)
        if "groups" in answers:
            organisation.groups = answers["groups"]
        answered = all((organisation.name, organisation.org_type, organisation.size_band, organisation.area)) and (
            organisation.works_with_families is not None
        )
        if answered and ("groups" in answers or organisation.profile_completed_at):
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
