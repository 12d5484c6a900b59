"""Which audit counts for each organisation: its latest submitted audit in a period, chosen in SQL.

"Latest" means the highest (submitted_at, id), so two audits submitted in the same second still have
an order. These subqueries are what the dashboard reads when the stored tallies cannot answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import ColumnElement, Select, Subquery, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from ..models import Audit, Organisation, OrganisationGroup
from .tally_plan import Piece

__all__ = [
    "Filters",
    "in_period",
    "latest_in_piece",
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


def in_period(column, filters: Filters) -> list[ColumnElement[bool]]:
    conditions = []
    if filters.start is not None:
        conditions.append(column >= filters.start)
    if filters.end is not None:
        conditions.append(column < filters.end)
    return conditions


def profile_matches(filters: Filters) -> list[ColumnElement[bool]]:
    conditions = []
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
    statement = statement.where(Audit.status == "submitted", *in_period(Audit.submitted_at, filters))
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


def _latest_submitted_before(filters: Filters, before: datetime) -> Subquery:
    """Latest audits in the period that were submitted before `before`: a short stretch, so each candidate
    is checked for a later audit (NOT EXISTS) instead of ranking every audit in the period."""
    later = aliased(Audit)
    newer = or_(
        later.submitted_at > Audit.submitted_at,
        and_(later.submitted_at == Audit.submitted_at, later.id > Audit.id),
    )
    superseded = exists().where(
        later.organisation_id == Audit.organisation_id,
        later.status == "submitted",
        newer,
        *in_period(later.submitted_at, replace(filters, start=None)),
    )
    candidates = select(Audit.id.label("audit_id"), Audit.organisation_id.label("organisation_id"))
    candidates = submitted_matching(candidates, filters).where(Audit.submitted_at < before, ~superseded)
    return candidates.subquery("latest")


def latest_in_piece(filters: Filters, piece: Piece) -> Subquery:
    """The latest audits for a piece of a period (see `tally_plan`), with the filters' profile conditions."""
    within = replace(filters, start=piece.start, end=piece.end)
    if piece.before is None:
        return latest_submitted_audits(within)
    return _latest_submitted_before(within, piece.before)
