"""Aggregate reads for the coordinator dashboard and the organisations' benchmark.

Everything here is a GROUP BY or COUNT in the database. Scores come back as small histograms
(counts per 10-point bucket per section), never as one row per audit. Raw counts are returned:
the caller must pass them through `coordinator.suppression` before showing them to anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Integer, Subquery, case, cast, exists, extract, func, or_, select

from ..extensions import db
from ..models import Answer, Audit, Organisation, OrganisationGroup, SectionScore

__all__ = [
    "Buckets",
    "Filters",
    "Headline",
    "QuestionGap",
    "headline",
    "latest_submitted_audits",
    "question_gaps",
    "quarter_buckets",
    "section_buckets",
    "similar_buckets",
]

Buckets = dict[str, list[int]]  # section id -> counts in the ten 10-point buckets


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
        serves = OrganisationGroup.organisation_id == Organisation.id, OrganisationGroup.group == filters.group
        conditions.append(exists().where(*serves))
    return conditions


def latest_submitted_audits(filters: Filters, *extra: ColumnElement[bool]) -> Subquery:
    """(audit_id, organisation_id) of each matching organisation's latest audit submitted in the period."""
    ranked = (
        select(
            Audit.id.label("audit_id"),
            Audit.organisation_id.label("organisation_id"),
            func.row_number()
            .over(partition_by=Audit.organisation_id, order_by=(Audit.submitted_at.desc(), Audit.id.desc()))
            .label("rank"),
        )
        .join(Organisation, Organisation.id == Audit.organisation_id)
        .where(Audit.status == "submitted", *in_period(Audit.submitted_at, filters), *profile_matches(filters), *extra)
        .subquery()
    )
    return select(ranked.c.audit_id, ranked.c.organisation_id).where(ranked.c.rank == 1).subquery("latest")


def _scored() -> Subquery:
    # Bucketed in a subquery so GROUP BY names a plain column (PostgreSQL will not match two copies
    # of an expression whose constants are separate bound parameters).
    bucket = case((SectionScore.percent >= 90, 9), else_=SectionScore.percent // 10)
    return (
        select(SectionScore.audit_id, SectionScore.section_id, bucket.label("bucket"))
        .where(SectionScore.percent.is_not(None))
        .subquery("scored")
    )


def _buckets_of(latest: Subquery) -> Buckets:
    scored = _scored()
    rows = db.session.execute(
        select(scored.c.section_id, scored.c.bucket, func.count())
        .join(latest, latest.c.audit_id == scored.c.audit_id)
        .group_by(scored.c.section_id, scored.c.bucket)
    )
    result: Buckets = {}
    for section_id, bucket, count in rows:
        result.setdefault(section_id, [0] * 10)[int(bucket)] = count
    return result


@dataclass(frozen=True)
class Headline:
    organisations: int  # registered in the period
    audits_started: int
    audits_submitted: int
    organisations_with_results: int  # with a submitted audit in the period: the distributions' population


def headline(filters: Filters) -> Headline:
    profile = profile_matches(filters)
    organisations = select(func.count(Organisation.id)).where(*in_period(Organisation.created_at, filters), *profile)
    audits = select(func.count(Audit.id)).join(Organisation, Organisation.id == Audit.organisation_id).where(*profile)
    started = audits.where(*in_period(Audit.started_at, filters))
    submitted = audits.where(Audit.status == "submitted", *in_period(Audit.submitted_at, filters))
    with_results = select(func.count()).select_from(latest_submitted_audits(filters))
    row = db.session.execute(
        select(*(q.scalar_subquery() for q in (organisations, started, submitted, with_results)))
    ).one()
    return Headline(*row)


def section_buckets(filters: Filters) -> Buckets:
    return _buckets_of(latest_submitted_audits(filters))


def quarter_buckets(filters: Filters) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], Buckets]]:
    """Per (year, quarter): organisations that submitted, and their section histograms (latest in the quarter)."""
    year = cast(extract("year", Audit.submitted_at), Integer)
    quarter = (cast(extract("month", Audit.submitted_at), Integer) + 2) // 3
    newest = (Audit.submitted_at.desc(), Audit.id.desc())
    ranked = (
        select(
            Audit.id.label("audit_id"),
            year.label("year"),
            quarter.label("quarter"),
            func.row_number().over(partition_by=(Audit.organisation_id, year, quarter), order_by=newest).label("rank"),
        )
        .join(Organisation, Organisation.id == Audit.organisation_id)
        .where(Audit.status == "submitted", *in_period(Audit.submitted_at, filters), *profile_matches(filters))
        .subquery("ranked")
    )
    firsts = select(ranked.c.audit_id, ranked.c.year, ranked.c.quarter).where(ranked.c.rank == 1).subquery("firsts")
    counts_rows = db.session.execute(
        select(firsts.c.year, firsts.c.quarter, func.count()).group_by(firsts.c.year, firsts.c.quarter)
    )
    organisations = {(int(y), int(q)): n for y, q, n in counts_rows}
    scored = _scored()
    rows = db.session.execute(
        select(firsts.c.year, firsts.c.quarter, scored.c.section_id, scored.c.bucket, func.count())
        .join(scored, scored.c.audit_id == firsts.c.audit_id)
        .group_by(firsts.c.year, firsts.c.quarter, scored.c.section_id, scored.c.bucket)
    )
    buckets: dict[tuple[int, int], Buckets] = {}
    for y, q, section_id, bucket, count in rows:
        buckets.setdefault((int(y), int(q)), {}).setdefault(section_id, [0] * 10)[int(bucket)] = count
    return organisations, buckets


@dataclass(frozen=True)
class QuestionGap:
    question_id: str
    not_started: int
    dont_know: int


def question_gaps(filters: Filters, limit: int = 10) -> list[QuestionGap]:
    """Questions most often answered 'Not started' or 'Not sure' in each organisation's latest audit."""
    latest = latest_submitted_audits(filters)
    not_started = func.sum(case((Answer.value == "not_started", 1), else_=0))
    dont_know = func.sum(case((Answer.value == "dont_know", 1), else_=0))
    rows = db.session.execute(
        select(Answer.question_id, not_started, dont_know)
        .join(latest, latest.c.audit_id == Answer.audit_id)
        .group_by(Answer.question_id)
        .having(not_started + dont_know > 0)
        .order_by((not_started + dont_know).desc(), Answer.question_id)
        .limit(limit)
    )
    return [QuestionGap(question_id, int(ns), int(dk)) for question_id, ns, dk in rows]


def similar_buckets(organisation_id: int, org_type: str | None, size_band: str | None) -> tuple[int, Buckets]:
    """Other organisations of the same type or size: how many have results, and their section histograms."""
    alike = []
    if org_type:
        alike.append(Organisation.org_type == org_type)
    if size_band:
        alike.append(Organisation.size_band == size_band)
    if not alike:
        return 0, {}
    latest = latest_submitted_audits(Filters(), Organisation.id != organisation_id, or_(*alike))
    count = db.session.scalar(select(func.count()).select_from(latest)) or 0
    return count, _buckets_of(latest)
