"""Integrated care systems, their areas, the names they had before, and invitations for staff.

An organisation's `area` and a coordinator's `area` hold an area's code; the code never changes, so a rename
touches one row here and the old name is kept in `FormerName` for history."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db
from .models import NEVER_REUSE_IDS, utcnow


class System(db.Model):
    """An integrated care system: the footprint a coordinator or a system admin may be given."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    areas: Mapped[list[Area]] = relationship(back_populates="system", order_by="Area.name")

    __table_args__ = (NEVER_REUSE_IDS,)


class Area(db.Model):
    """An area of a system, such as a unitary council's footprint. Retired areas stay, so old rows keep a label."""

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    system_id: Mapped[int] = mapped_column(ForeignKey("system.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]

    system: Mapped[System] = relationship(back_populates="areas")

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class FormerName(db.Model):
    """A name a system or an area had until a rename, with when it was in use."""

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int | None] = mapped_column(ForeignKey("system.id", ondelete="CASCADE"), index=True)
    area_code: Mapped[str | None] = mapped_column(ForeignKey("area.code", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    used_from: Mapped[datetime]
    used_until: Mapped[datetime] = mapped_column(default=utcnow)


class StaffInvitation(db.Model):
    """An invitation to become a coordinator or an admin, with the scope they will have. Only the emailed
    token's hash is kept; it works once, until it expires or is cancelled."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20))
    system_id: Mapped[int | None] = mapped_column(ForeignKey("system.id", ondelete="CASCADE"))
    area: Mapped[str | None] = mapped_column(String(60))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]

    __table_args__ = (NEVER_REUSE_IDS,)
