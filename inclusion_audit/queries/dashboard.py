"""Aggregate reads for the coordinator dashboard and the organisations' benchmark.

Scores come back as small histograms (counts per 10-point bucket per section), never one row per
audit. Most views add up stored tallies (`tallies`); the rest, and the days at the edge of a period,
are counted from the audits (`dashboard_raw`), and both give the same figures. Raw counts are
returned: the caller must pass them through `coordinator.suppression` before showing them to anyone.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, or_, select

from ..extensions import db
from ..models import Audit, Organisation
from .dashboard_raw import Counts, raw_counts, raw_quarter_counts
from .latest import Filters, in_period, latest_in_piece, latest_submitted_audits, profile_matches
from .tallies import tallies_ready, tally_counts, tally_counts_by_period
from .tally_cells import ANSWER, CURRENT, RESULTS, SCORE, quarter_number, scope_for, type_and_size_scope, year_quarter
from .tally_plan import Plan, latest_plan, quarter_plan

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
logger = logging.getLogger(__name__)


@cache  # once per process: the figures are still right, only slower
def _warn_not_built() -> None:
    logger.warning("Dashboard tallies are not built; counting from the audits. Run `flask figures rebuild`.")


def _scope(filters: Filters) -> str | None:
    """The tally scope for these filters, or None if the view must be counted from the audits."""
    scope = scope_for(filters.area, filters.org_type, filters.size_band, filters.group)
    if scope is None:
        return None
    if not tallies_ready():
        _warn_not_built()
        return None
    return scope


def _latest_counts(filters: Filters, measure: str) -> Counts:
    """Counts over each matching organisation's latest audit in the period."""
    scope = _scope(filters)
    plan = None if scope is None else latest_plan(filters.start, filters.end)
    if scope is None or plan is None:
        return raw_counts(latest_submitted_audits(filters), (measure,))
    counts = tally_counts(scope, plan, (measure,))
    for piece in plan.pieces:
        counts += raw_counts(latest_in_piece(filters, piece), (measure,))
    return counts


def _buckets(counts: Counts) -> Buckets:
    result: Buckets = {}
    for (measure, section_id, bucket), n in counts.items():
        if measure == SCORE:
            result.setdefault(section_id, [0] * 10)[int(bucket)] += n
    return result


@dataclass(frozen=True)
class Headline:
    organisations: int  # registered in the period
    audits_started: int
    audits_submitted: int
    organisations_with_results: int  # with a submitted audit in the period: the distributions' population


def headline(filters: Filters) -> Headline:
    profile = profile_matches(filters)
    # count(*) rather than count(id), so SQLite may count entries in the smallest index instead of rows.
    organisations = (
        select(func.count()).select_from(Organisation).where(*in_period(Organisation.created_at, filters), *profile)
    )
    audits = select(func.count()).select_from(Audit)
    if profile:  # the join costs a lookup per audit, so only when a profile filter needs it
        audits = audits.join(Organisation, Organisation.id == Audit.organisation_id).where(*profile)
    started = audits.where(*in_period(Audit.started_at, filters))
    submitted = audits.where(Audit.status == "submitted", *in_period(Audit.submitted_at, filters))
    row = db.session.execute(select(*(q.scalar_subquery() for q in (organisations, started, submitted)))).one()
    return Headline(*row, _latest_counts(filters, RESULTS)[RESULTS, "", ""])


def section_buckets(filters: Filters) -> Buckets:
    return _buckets(_latest_counts(filters, SCORE))


def quarter_buckets(filters: Filters) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], Buckets]]:
    """Per (year, quarter): organisations that submitted, and their section histograms (latest in the quarter)."""
    scope = _scope(filters)
    if scope is None:
        by_quarter = raw_quarter_counts(filters)
    else:
        plan = quarter_plan(filters.start, filters.end)
        by_quarter = tally_counts_by_period(scope, plan, (RESULTS, SCORE)) if plan.has_range else {}
        for piece in plan.pieces:
            extra = raw_counts(latest_in_piece(filters, piece), (RESULTS, SCORE))
            by_quarter[quarter_number(piece.start)] = by_quarter.get(quarter_number(piece.start), Counter()) + extra
    organisations = {year_quarter(q): c[RESULTS, "", ""] for q, c in by_quarter.items() if c[RESULTS, "", ""]}
    buckets = {year_quarter(q): _buckets(c) for q, c in by_quarter.items() if c[RESULTS, "", ""]}
    return organisations, buckets


@dataclass(frozen=True)
class QuestionGap:
    question_id: str
    not_started: int
    dont_know: int


def question_gaps(filters: Filters, limit: int = 10) -> list[QuestionGap]:
    """Questions most often answered 'Not started' or 'Not sure' in each organisation's latest audit."""
    per_question: dict[str, list[int]] = {}
    for (_, question_id, value), n in _latest_counts(filters, ANSWER).items():
        per_question.setdefault(question_id, [0, 0])[0 if value == "not_started" else 1] += n
    ranked = sorted(per_question.items(), key=lambda item: (-sum(item[1]), item[0]))
    return [QuestionGap(question_id, ns, dk) for question_id, (ns, dk) in ranked[:limit] if ns + dk]


def similar_buckets(organisation_id: int, org_type: str | None, size_band: str | None) -> tuple[int, Buckets]:
    """Other organisations of the same type or size: how many have results, and their section histograms."""
    alike = []
    if org_type:
        alike.append(Organisation.org_type == org_type)
    if size_band:
        alike.append(Organisation.size_band == size_band)
    if not alike:
        return 0, {}
    if not tallies_ready():
        latest = latest_submitted_audits(Filters(), Organisation.id != organisation_id, or_(*alike))
        counts = raw_counts(latest, (RESULTS, SCORE))
        return counts[RESULTS, "", ""], _buckets(counts)
    # Same type or same size = type + size - both; then leave out the organisation's own latest audit.
    everything = Plan(CURRENT, None, None)  # all time: each organisation's latest audit of all
    counts: Counts = Counter()
    if org_type:
        counts.update(tally_counts(f"org_type={org_type}", everything, (RESULTS, SCORE)))
    if size_band:
        counts.update(tally_counts(f"size_band={size_band}", everything, (RESULTS, SCORE)))
    if org_type and size_band:
        counts.subtract(tally_counts(type_and_size_scope(org_type, size_band), everything, (RESULTS, SCORE)))
    own = latest_submitted_audits(Filters(), Organisation.id == organisation_id, or_(*alike))
    counts.subtract(raw_counts(own, (RESULTS, SCORE)))
    return counts[RESULTS, "", ""], _buckets(+counts)
