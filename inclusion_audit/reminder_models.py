"""Which reminder emails were sent, and which ones each person chose not to get."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db
from .models import NEVER_REUSE_IDS, utcnow


class ReminderSent(db.Model):
    """A reminder email that has been sent (or is being sent), so running the reminders again never repeats it.

    `about` names what it was about, including anything whose change deserves a new reminder (an action's
    due date, for example)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    about: Mapped[str] = mapped_column(String(80))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("user_id", "kind", "about", name="uq_reminder_sent_once"), NEVER_REUSE_IDS)


class ReminderOptOut(db.Model):
    """A kind of reminder a member has chosen not to get. Every kind is sent unless a row says otherwise."""

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
