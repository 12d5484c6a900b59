"""Reads and writes about named sharing: consent, what coordinators may see by name, and the access log.

An organisation appears by name only while `share_named` is true, and only to staff whose scope names its
area (`Scope.named_areas`); a service-wide admin covers every area.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select

from ..extensions import db
from ..models import AccessLog, Audit, AuditStatus, Organisation, OrganisationGroup, SectionScore, User, utcnow
from .latest import Filters, in_period, latest_submitted_audits, profile_matches
from .scope import Scope, system_of_area

__all__ = [
    "AccessEntry",
    "ExportRow",
    "SharedOrganisation",
    "access_log_page",
    "access_log_size",
    "export_rows",
    "record_access",
    "set_contact_sharing",
    "set_sharing",
    "shared_audit",
    "shared_organisation",
    "shared_organisations",
]


def _log_row(user: User, action: str, organisation_id: int | None, detail: str, system_id: int | None) -> AccessLog:
    """A log row, filed under the system it is about: the one given, else the organisation's, else the user's."""
    if system_id is None and organisation_id is not None:
        organisation = db.session.get(Organisation, organisation_id)
        system_id = system_of_area(organisation.area if organisation else None)
    if system_id is None:
        system_id = user.system_id
    return AccessLog(
        user_id=user.id,
        user_email=user.email,
        action=action,
        organisation_id=organisation_id,
        detail=detail,
        system_id=system_id,
    )


def record_access(
    user: User, action: str, organisation_id: int | None = None, detail: str = "", system_id: int | None = None
) -> None:
    db.session.add(_log_row(user, action, organisation_id, detail, system_id))
    db.session.commit()


def set_sharing(organisation: Organisation, share_named: bool, user: User) -> bool:
    """Record the organisation's choice at once; True if it changed. Each change is logged with who made it."""
    if organisation.share_named == share_named:
        return False
    organisation.share_named = share_named
    organisation.sharing_changed_at = utcnow()
    action = "sharing_named" if share_named else "sharing_aggregate"
    db.session.add(_log_row(user, action, organisation.id, "", None))
    db.session.commit()
    return True


def set_contact_sharing(organisation: Organisation, share_contact: bool, user: User) -> bool:
    """Whether coordinators who see the results by name also see the admins' email addresses; True if it changed.
    Only ever on together with sharing by name, and each change is logged with who made it."""
    share_contact = share_contact and organisation.share_named
    if organisation.share_contact == share_contact:
        return False
    organisation.share_contact = share_contact
    action = "contact_shared" if share_contact else "contact_withdrawn"
    db.session.add(_log_row(user, action, organisation.id, "", None))
    db.session.commit()
    return True


@dataclass(frozen=True)
class SharedOrganisation:
    id: int
    name: str
    area: str | None
    org_type: str | None
    size_band: str | None
    audit_id: int | None
    submitted_at: datetime | None
    overall_percent: int | None


def shared_organisations(scope: Scope) -> list[SharedOrganisation]:
    """Organisations that chose to share by name, in the scope's areas, with their latest submitted audit."""
    latest = latest_submitted_audits(Filters(), Organisation.share_named.is_(True))
    stmt = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.area,
            Organisation.org_type,
            Organisation.size_band,
            Audit.id,
            Audit.submitted_at,
            Audit.overall_percent,
        )
        .outerjoin(latest, latest.c.organisation_id == Organisation.id)
        .outerjoin(Audit, Audit.id == latest.c.audit_id)
        .where(Organisation.share_named.is_(True), *scope.named_condition())
        .order_by(Organisation.name, Organisation.id)
    )
    return [SharedOrganisation(*row) for row in db.session.execute(stmt)]


def shared_organisation(organisation_id: int, scope: Scope) -> Organisation | None:
    """An organisation a coordinator may see by name: it shares by name and is in their scope."""
    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None or not organisation.share_named or not scope.names(organisation.area):
        return None
    return organisation


def shared_audit(audit_id: int, scope: Scope) -> Audit | None:
    """A submitted audit a coordinator may read: its organisation shares by name and is in their area."""
    audit = db.session.get(Audit, audit_id)
    if audit is None or not audit.is_submitted or not audit.guide_snapshot:
        return None
    organisation = audit.organisation
    if not organisation.share_named or not scope.names(organisation.area):
        return None
    return audit


@dataclass(frozen=True)
class ExportRow:
    organisation_id: int | None
    organisation_name: str | None
    org_type: str | None
    size_band: str | None
    area: str | None
    groups: tuple[str, ...]
    started_at: datetime
    submitted_at: datetime
    content_version: str | None
    overall_percent: int | None
    sections: dict[str, tuple[int | None, str | None]]  # section id -> (percent, band)


def export_rows(filters: Filters, scope: Scope, sections: dict[str, tuple[str, ...]]) -> list[ExportRow]:
    """One row per submitted audit of organisations that share by name, pivoted to a column per section in SQL.
    `sections` maps each section's id to every id its scores may be stored under (its own and earlier ones).

    Organisations that chose 'anonymous totals only' are left out: a row about one organisation is not a total,
    and with its profile fields it would let anyone rebuild the small numbers the dashboard hides.
    """
    named = Organisation.share_named.is_(True)
    section_ids = list(sections)
    pivot = []
    for stored_ids in sections.values():
        pivot.append(func.max(case((SectionScore.section_id.in_(stored_ids), SectionScore.percent))))
        pivot.append(func.max(case((SectionScore.section_id.in_(stored_ids), SectionScore.band))))
    stmt = (
        select(
            # Belt and braces: identity columns are blanked in SQL too, should the filter below ever change.
            case((named, Organisation.id)),
            case((named, Organisation.name)),
            Organisation.org_type,
            Organisation.size_band,
            Organisation.area,
            Audit.started_at,
            Audit.submitted_at,
            Audit.content_version,
            Audit.overall_percent,
            *pivot,
        )
        .join(Organisation, Organisation.id == Audit.organisation_id)
        .outerjoin(SectionScore, SectionScore.audit_id == Audit.id)
        .where(Audit.status == AuditStatus.SUBMITTED, named)
        .where(*in_period(Audit.submitted_at, filters), *profile_matches(filters))
        .where(*scope.named_condition())
        .group_by(Audit.id, Organisation.id)
        .order_by(Audit.submitted_at, Audit.id)
    )
    rows = db.session.execute(stmt).all()
    groups = _groups_of({row[0] for row in rows if row[0] is not None})
    return [
        ExportRow(
            *row[:5],
            groups=groups.get(row[0], ()),
            started_at=row[5],
            submitted_at=row[6],
            content_version=row[7],
            overall_percent=row[8],
            sections={sid: (row[9 + 2 * i], row[10 + 2 * i]) for i, sid in enumerate(section_ids)},
        )
        for row in rows
    ]


def _groups_of(organisation_ids: set[int]) -> dict[int, tuple[str, ...]]:
    result: dict[int, list[str]] = {}
    if organisation_ids:
        rows = db.session.execute(
            select(OrganisationGroup.organisation_id, OrganisationGroup.group)
            .where(OrganisationGroup.organisation_id.in_(organisation_ids))
            .order_by(OrganisationGroup.group)
        )
        for organisation_id, group in rows:
            result.setdefault(organisation_id, []).append(group)
    return {key: tuple(value) for key, value in result.items()}


@dataclass(frozen=True)
class AccessEntry:
    at: datetime
    user_email: str
    action: str
    organisation_id: int | None
    organisation_name: str | None
    detail: str


def _log_scope(scope: Scope) -> list:
    """A system admin reads the rows about their system; a service-wide admin, every row."""
    return [] if scope.service_wide else [AccessLog.system_id == scope.system_id]


def access_log_size(scope: Scope) -> int:
    return db.session.scalar(select(func.count(AccessLog.id)).where(*_log_scope(scope))) or 0


def access_log_page(scope: Scope, page: int, per_page: int = 50) -> list[AccessEntry]:
    """One page of the access log, newest first."""
    rows = db.session.execute(
        select(
            AccessLog.at,
            AccessLog.user_email,
            AccessLog.action,
            AccessLog.organisation_id,
            Organisation.name,
            AccessLog.detail,
        )
        .outerjoin(Organisation, Organisation.id == AccessLog.organisation_id)
        .where(*_log_scope(scope))
        .order_by(AccessLog.at.desc(), AccessLog.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return [AccessEntry(*row) for row in rows]
