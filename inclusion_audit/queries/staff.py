"""Staff accounts (coordinators and admins): who they are, their scope, and whether they may sign in.

Admin pages and the CLI change them here; each change by an admin is written to the access log, filed under
the system it is about, so that system's admins can read it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..extensions import db
from ..models import User, new_session_key
from ..system_models import Area, System
from .scope import Scope
from .sharing import record_access

__all__ = [
    "StaffScope",
    "describe_scope",
    "service_wide_admins",
    "set_staff_active",
    "set_staff_scope",
    "staff_member",
    "staff_members",
]

STAFF_ROLES = ("coordinator", "admin")


@dataclass(frozen=True)
class StaffScope:
    """A scope as chosen on an admin page: no system (the whole service), a system, or one area of it."""

    system_id: int | None = None
    area: str | None = None


def describe_scope(role: str, system_id: int | None, area: str | None) -> str:
    """A scope in words: "West Northamptonshire (Integrated Care Northamptonshire)", a system, or the service."""
    system = db.session.get(System, system_id) if system_id is not None else None
    if system is None:
        return "The whole service" if role == "admin" else "Nothing yet (no system)"
    if area and role != "admin":
        found = db.session.get(Area, area)
        return f"{found.name if found else area} ({system.name})"
    return system.name


def _in_scope(scope: Scope) -> list:
    """A system admin manages their system's staff; a service-wide admin, everyone's."""
    return [] if scope.service_wide else [User.system_id == scope.system_id]


def staff_members(scope: Scope) -> list[User]:
    """Coordinators and admins the scope may manage, by email."""
    return list(
        db.session.scalars(select(User).where(User.role.in_(STAFF_ROLES), *_in_scope(scope)).order_by(User.email))
    )


def staff_member(user_id: int, scope: Scope) -> User | None:
    return db.session.scalar(select(User).where(User.id == user_id, User.role.in_(STAFF_ROLES), *_in_scope(scope)))


def service_wide_admins() -> int:
    """Active admins of the whole service: there must always be one."""
    where = (User.role == "admin", User.system_id.is_(None), User.active)
    return db.session.scalar(select(func.count(User.id)).where(*where)) or 0


def set_staff_scope(user: User, system_id: int | None, area: str | None, by: User | None = None) -> bool:
    """A coordinator's system and (optionally) one area of it; an admin's system, or None for the whole service.
    False if nothing changed. Logged when an admin (`by`) made the change."""
    area = area if user.role != "admin" else None
    if (user.system_id, user.area) == (system_id, area):
        return False
    before = describe_scope(user.role, user.system_id, user.area)
    user.system_id, user.area = system_id, area
    db.session.commit()
    if by is not None:
        after = describe_scope(user.role, system_id, area)
        record_access(by, "staff_scope_changed", None, f"{user.email}: {before} to {after}"[:500], system_id)
    return True


def set_staff_active(user: User, active: bool, by: User) -> bool:
    """Deactivate (their sessions end at once, and they cannot sign in) or reactivate; False if it already was."""
    if user.active == active:
        return False
    user.active = active
    user.session_key = new_session_key()  # every session cookie issued so far stops working
    db.session.commit()
    action = "staff_reactivated" if active else "staff_deactivated"
    record_access(by, action, None, user.email, user.system_id)
    return True
