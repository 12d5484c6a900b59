"""Action plans: that a submitted audit's plan was made, and its actions (statuses and where each came from)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db
from .models import NEVER_REUSE_IDS, User, utcnow


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"  # with a reason: decided against, or overtaken by events


class ActionOrigin(StrEnum):
    TOP = "top"  # one of the guide's top actions, put in the plan when the audit was submitted
    GUIDE = "guide"  # another action from the guide, added by the organisation
    OWN = "own"  # written by the organisation


class ActionPlan(db.Model):
    """That a submitted audit's action plan has been made (its actions are `PlanAction` rows).

    Made once, when the audit is submitted (or first opened, for audits submitted before plans existed), so a
    plan whose actions have all been removed is not made again."""

    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PlanAction(db.Model):
    """One action in an organisation's action plan. A plan belongs to a submitted audit: its guide suggested
    the actions. Unfinished actions carry over to the next audit's plan."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), index=True)
    origin: Mapped[str] = mapped_column(String(10))
    snippet_id: Mapped[str | None] = mapped_column(String(80))
    section_id: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(default=0)
    # A member of the team, or a name typed in (someone not on the team); both empty means no owner yet.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    owner_name: Mapped[str | None] = mapped_column(String(120))
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.NOT_STARTED.value)
    dropped_reason: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(String(500), default="")
    done_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])

    __table_args__ = (NEVER_REUSE_IDS,)

    @property
    def is_open(self) -> bool:
        return self.status in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
