"""Which audit counts for each organisation: its latest submitted audit in a period, chosen in SQL.

"Latest" means the highest (submitted_at, id), so two audits submitted in the same second still have
an order. The named views and exports read these; the dashboard counts with `figure_definition`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, Subquery, func, select

from ..models import Audit, AuditStatus, Organisation, OrganisationGroup
from ..system_models import Area, System

__all__ = [
    "Filters",
    "in_period",
    "latest_submitted_audits",
    "profile_matches",
    "submitted_matching",
]


@dataclass(frozen=True)
class Filters:
    """Which organisations and audits a figure covers. None means 'any'. `end` is exclusive."""

    start: datetime | None = None
    end: datetime | None = None
    area: str | None = None
    org_type: str | None = None
    size_band: str | None = None
    group: str | None = None
    # The system (its code) a member of staff works for: every figure they see stays inside it. Not a choice
    # on the dashboard but their scope; an `area` chosen with it is always one of its areas.
    system: str | None = None


def in_period(column, filters: Filters) -> list[ColumnElement[bool]]:
    conditions = []
    if filters.start is not None:
        conditions.append(column >= filters.start)
    if filters.end is not None:
        conditions.append(column < filters.end)
    return conditions


def profile_matches(filters: Filters) -> list[ColumnElement[bool]]:
    """Conditions on `Organisation` for the filters. Every coordinator figure, stored or counted directly,
    chooses its organisations here, so a rule about which organisations count at all belongs here too."""
    conditions = []
    if filters.system:
        in_system = select(Area.code).join(System, System.id == Area.system_id).where(System.code == filters.system)
        conditions.append(Organisation.area.in_(in_system))
    if filters.area:
        conditions.append(Organisation.area == filters.area)
    if filters.org_type:
        conditions.append(Organisation.org_type == filters.org_type)
    if filters.size_band:
        conditions.append(Organisation.size_band == filters.size_band)
    if filters.group:
        # IN rather than a correlated EXISTS: SQLite then reads the group's members once, not per organisation.
        serving = select(OrganisationGroup.organisation_id).where(OrganisationGroup.group == filters.group)
        conditions.append(Organisation.id.in_(serving))
    return conditions


def submitted_matching(statement: Select, filters: Filters, *extra: ColumnElement[bool]) -> Select:
    """Submitted audits in the period whose organisation matches the filters (and `extra`, about the organisation)."""
    statement = statement.where(Audit.status == AuditStatus.SUBMITTED, *in_period(Audit.submitted_at, filters))
    conditions = [*profile_matches(filters), *extra]
    if not conditions:  # every audit has an organisation: skip a lookup per audit
        return statement
    return statement.join(Organisation, Organisation.id == Audit.organisation_id).where(*conditions)


def latest_submitted_audits(filters: Filters, *extra: ColumnElement[bool]) -> Subquery:
    """(audit_id, organisation_id) of each matching organisation's latest audit submitted in the period."""
    ranked = select(
        Audit.id.label("audit_id"),
        Audit.organisation_id.label("organisation_id"),
        func.row_number()
        .over(partition_by=Audit.organisation_id, order_by=(Audit.submitted_at.desc(), Audit.id.desc()))
        .label("rank"),
    )
    ranked = submitted_matching(ranked, filters, *extra).subquery()
    return select(ranked.c.audit_id, ranked.c.organisation_id).where(ranked.c.rank == 1).subquery("latest")
