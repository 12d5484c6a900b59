"""Staff accounts: their scope, and whether they may sign in. Admin pages and the CLI change them here."""

from __future__ import annotations

from ..extensions import db
from ..models import User

__all__ = ["set_staff_scope"]


def set_staff_scope(user: User, system_id: int | None, area: str | None) -> None:
    """A coordinator's system and (optionally) one area of it; an admin's system, or None for the whole service."""
    user.system_id = system_id
    user.area = area if user.role != "admin" else None
    db.session.commit()
