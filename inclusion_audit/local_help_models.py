"""Local help entries that coordinators edit in the browser, with every change kept as a version."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db
from .models import NEVER_REUSE_IDS, utcnow


class LocalHelpEntry(db.Model):
    """A local help entry for one area, as it stands now; coordinators write it, guides copy it when submitted.

    Every change also adds a `LocalHelpVersion`, so the entry's history says who changed what, and when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    area: Mapped[str] = mapped_column(String(60), index=True)
    title: Mapped[str] = mapped_column(String(120))
    publisher: Mapped[str] = mapped_column(String(120))
    what: Mapped[str] = mapped_column(String(600))  # one paragraph of the guidance Markdown subset
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(String(300))
    contact: Mapped[str | None] = mapped_column(String(120))
    groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    sections: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Training topics it teaches (content config `training_topics`): the coordinators' needs page lists it there.
    topics: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # A content pack's `when` rule, kept from the import; not edited in the browser.
    rule: Mapped[str | None] = mapped_column(String(300))
    retired_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    versions: Mapped[list[LocalHelpVersion]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="LocalHelpVersion.number"
    )

    __table_args__ = (NEVER_REUSE_IDS,)

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class LocalHelpVersion(db.Model):
    """One change to a local help entry: the whole entry as it was saved, who saved it and when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("local_help_entry.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # The person's email (copied, so the history still says who after an account is deleted), or for an
    # import the content file it came from.
    who: Mapped[str] = mapped_column(String(320))
    change: Mapped[str] = mapped_column(String(20))  # imported, added, edited, retired or restored
    data: Mapped[dict] = mapped_column(JSON)

    entry: Mapped[LocalHelpEntry] = relationship(back_populates="versions")

    __table_args__ = (UniqueConstraint("entry_id", "number", name="uq_local_help_version_number"), NEVER_REUSE_IDS)
