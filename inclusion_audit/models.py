"""Database tables, as SQLAlchemy 2 typed models. Reads and writes live in the `queries` package."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .disclosure import new_record_key
from .extensions import db

ROLES = ("member", "coordinator", "admin")
NOTES_LIMIT = 1000  # characters in a section's notes


class Verification(StrEnum):
    """Whether a coordinator of the organisation's area has checked that it is real. Coordinator figures count
    verified organisations only, so that made-up organisations cannot be used to pick one out."""

    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    REJECTED = "rejected"


class AuditStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class TeamRole(StrEnum):
    """A member's role in their own organisation's team (apart from the service-wide `User.role`)."""

    ADMIN = "admin"  # whoever registered the organisation, and anyone an admin promotes
    MEMBER = "member"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_session_key() -> str:
    return secrets.token_urlsafe(24)


# SQLite reuses the highest deleted id unless a table says AUTOINCREMENT. A reused id would let an old
# cookie or link reach whoever got the id next, so tables whose ids appear in cookies, links or logs never reuse.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class Organisation(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    org_type: Mapped[str | None] = mapped_column(String(40))
    size_band: Mapped[str | None] = mapped_column(String(40))
    area: Mapped[str | None] = mapped_column(String(60), index=True)
    # Optional: the part of the area it mainly works in (content/config.yml profile.local_areas).
    local_area: Mapped[str | None] = mapped_column(String(60))
    # Whether it works with families, children or pregnant women: brings maternity and children's guidance.
    works_with_families: Mapped[bool | None]
    # The organisation's own words for the "other" excluded groups it works with (about groups, never people).
    other_groups: Mapped[str | None] = mapped_column(String(200))
    profile_completed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # Consent: False (the default) means results are only used in anonymous totals; True also shows them,
    # by name, to coordinators for the organisation's area. The server default keeps older rows private.
    share_named: Mapped[bool] = mapped_column(default=False, server_default=false())
    sharing_changed_at: Mapped[datetime | None]
    # Consent, separate from sharing results: while results are shared by name, coordinators also see the
    # email addresses of the team's admins, so they can get in touch. Off unless an admin turns it on.
    share_contact: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Optional, from the profile: a charity or company number, to help a coordinator check the organisation.
    registration_number: Mapped[str | None] = mapped_column(String(20))
    verification: Mapped[str] = mapped_column(
        String(12), default=Verification.UNVERIFIED.value, server_default=Verification.UNVERIFIED.value, index=True
    )
    # Drawn at random once, stored, never shown: decides the noise on every figure the organisation is in.
    record_key: Mapped[int] = mapped_column(default=new_record_key)

    # A table rather than a JSON list, so coordinator filters by group stay plain SQL.
    group_rows: Mapped[list[OrganisationGroup]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", order_by="OrganisationGroup.group"
    )
    members: Mapped[list[User]] = relationship(back_populates="organisation")

    __table_args__ = (NEVER_REUSE_IDS,)

    @property
    def groups(self) -> list[str]:
        return [row.group for row in self.group_rows]

    @groups.setter
    def groups(self, values: list[str]) -> None:
        wanted = set(values)
        self.group_rows = [row for row in self.group_rows if row.group in wanted]
        have = {row.group for row in self.group_rows}
        self.group_rows.extend(OrganisationGroup(group=value) for value in sorted(wanted - have))


class OrganisationGroup(db.Model):
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True)
    group: Mapped[str] = mapped_column(String(40), primary_key=True)
    organisation: Mapped[Organisation] = relationship(back_populates="group_rows")

    # For "organisations serving this group" (the dashboard's group filter) without reading the whole table.
    __table_args__ = (Index("ix_organisation_group_group_organisation_id", "group", "organisation_id"),)


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Always stored lower-cased (the check constraint enforces it), so `unique` is case-insensitive.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="member")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    # Part of every session cookie; replaced on sign-out and password change, so older cookies stop working,
    # and gone with the row when the account is deleted.
    session_key: Mapped[str] = mapped_column(String(40), default=new_session_key)
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Staff scope (`queries.scope_of`): a coordinator's system, and optionally one area code in it; an admin
    # without a system is service-wide. Members ignore both.
    system_id: Mapped[int | None] = mapped_column(ForeignKey("system.id"))
    area: Mapped[str | None] = mapped_column(String(60))
    # False once an admin deactivates the account: it cannot sign in (Flask-Login's `is_active`).
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    # Only members of an organisation have one; the server default makes anyone added without it a plain member.
    team_role: Mapped[str] = mapped_column(
        String(20), default=TeamRole.MEMBER.value, server_default=TeamRole.MEMBER.value
    )

    organisation: Mapped[Organisation | None] = relationship(back_populates="members")

    __table_args__ = (CheckConstraint("email = lower(email)", name="email_lower_case"), NEVER_REUSE_IDS)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_key}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_coordinator(self) -> bool:
        return self.role in ("coordinator", "admin")

    @property
    def is_team_admin(self) -> bool:
        return self.organisation_id is not None and self.team_role == TeamRole.ADMIN


class Audit(db.Model):
    """One run through the audit by an organisation. Answers are editable until it is submitted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=AuditStatus.IN_PROGRESS.value)
    started_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # The audit whose answers this one started from, for "what changed" comparisons.
    previous_audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit.id", ondelete="SET NULL"))
    content_version: Mapped[str | None] = mapped_column(String(40))
    overall_percent: Mapped[int | None]
    # The whole Guide as it was on the day, so later content changes never alter a submitted guide.
    guide_snapshot: Mapped[dict | None] = mapped_column(JSON)

    organisation: Mapped[Organisation] = relationship()
    answers: Mapped[list[Answer]] = relationship(back_populates="audit", cascade="all, delete-orphan")
    section_scores: Mapped[list[SectionScore]] = relationship(cascade="all, delete-orphan")

    # The dashboard counts submitted audits by date; with the status first, those counts read only the index.
    __table_args__ = (Index("ix_audit_status_submitted_at", "status", "submitted_at"), NEVER_REUSE_IDS)

    @property
    def is_submitted(self) -> bool:
        return self.status == AuditStatus.SUBMITTED


class Answer(db.Model):
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # Copied from the last audit (or filled in from its action plan) and not yet saved by anyone in this one:
    # the section says "Check your answers" until someone confirms or changes it.
    carried_over: Mapped[bool] = mapped_column(default=False, server_default=false())

    audit: Mapped[Audit] = relationship(back_populates="answers")


class AuditSection(db.Model):
    """A counter per section page, bumped on every save, so a stale page (another tab) is noticed; and the
    section's notes, saved with its answers."""

    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), primary_key=True)
    section_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    revision: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The organisation's own notes on this section (what it already does, evidence, plans). Shown back to it
    # only: never in coordinator figures or exports.
    notes: Mapped[str] = mapped_column(String(NOTES_LIMIT), default="", server_default="")


class SectionScore(db.Model):
    """A submitted audit's result per section, stored so coordinator figures are plain SQL aggregates."""

    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), primary_key=True)
    section_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    percent: Mapped[int | None]
    band: Mapped[str | None] = mapped_column(String(40))
    answered: Mapped[int] = mapped_column(default=0)
    dont_know: Mapped[int] = mapped_column(default=0)
    not_applicable: Mapped[int] = mapped_column(default=0)


class AccessLog(db.Model):
    """Who exported data or opened an organisation's shared results, and when. Admins read it.

    Rows outlive the people and organisations they mention (foreign keys set to NULL), because the
    record of access matters most after the fact; the email is copied so the log still says who.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    user_email: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"), index=True)
    detail: Mapped[str] = mapped_column(String(500), default="")
    # The system the row is about, so a system admin reads only its rows (None: only service-wide admins).
    system_id: Mapped[int | None] = mapped_column(ForeignKey("system.id", ondelete="SET NULL"), index=True)

    __table_args__ = (NEVER_REUSE_IDS,)


class Invitation(db.Model):
    """An invitation to join an organisation. The emailed link carries a random token; only its hash is kept.

    It works once, until it expires or is cancelled, and goes with the organisation if that is deleted.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(320))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]

    organisation: Mapped[Organisation] = relationship()

    __table_args__ = (NEVER_REUSE_IDS,)


class AccountRequest(db.Model):
    """Someone asked to create an account: nothing exists until they follow the link emailed to the address.

    So nobody can take an email address they cannot read. Only the token's hash is kept.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), index=True)
    organisation_name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]

    __table_args__ = (NEVER_REUSE_IDS,)


class StoredFigure(db.Model):
    """The coordinator dashboard's stored figures, so that a view adds up a few thousand rows, not every audit.

    One row per (scope, span, period, measure, item, value): for example, how many organisations in Corby
    whose latest audit was submitted in March 2026 scored 40-49% on "access". `queries.figure_definition`
    says what is counted; `queries.stored_figures` keeps the rows up to date.
    """

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)  # "" (everyone) or e.g. "area=corby"
    span: Mapped[str] = mapped_column(String(10), primary_key=True)  # "current", "quarter", "year" or "month"
    period: Mapped[int] = mapped_column(primary_key=True)  # month, quarter or year number (see figure_definition)
    measure: Mapped[str] = mapped_column(String(10), primary_key=True)  # "results", "score", "answer", "started" ...
    item: Mapped[str] = mapped_column(String(60), primary_key=True)  # section or question id ("" for results)
    value: Mapped[str] = mapped_column(String(40), primary_key=True)  # bucket 0-9 or answer value ("" for results)
    count: Mapped[int] = mapped_column(default=0)
    key_sum: Mapped[int] = mapped_column(default=0)  # the organisations' record keys added up (disclosure.Cell)


class VerificationDecision(db.Model):
    """Every time a coordinator verifies or rejects an organisation, kept for as long as the organisation is."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    decided_by_email: Mapped[str] = mapped_column(String(320))  # kept if the coordinator's account goes
    decision: Mapped[str] = mapped_column(String(12))  # "verified" or "rejected"
    reason: Mapped[str] = mapped_column(String(500), default="")

    __table_args__ = (NEVER_REUSE_IDS,)


class Feedback(db.Model):
    """What someone wrote on the feedback page. Who sent it is not recorded unless they give an email to reply to."""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    rating: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(String(1200))
    page: Mapped[str | None] = mapped_column(String(200))  # the path they came from, for context
    reply_to: Mapped[str | None] = mapped_column(String(320))


class TeamEvent(db.Model):
    """A change to an organisation's team (invited, removed, promoted, left...), shown on the team page.

    Emails are copied so the record still says who after an account is deleted."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    actor_email: Mapped[str] = mapped_column(String(320))
    subject_email: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(40))

    __table_args__ = (NEVER_REUSE_IDS,)


class Certificate(db.Model):
    """A certificate of completion for one submitted audit. The code printed on it is random (about 60 bits),
    so the public check page can look it up without it being guessable."""

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), unique=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    # As printed on the certificate, so the check page confirms what it says even after a change of name.
    organisation_name: Mapped[str] = mapped_column(String(200))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (NEVER_REUSE_IDS,)
