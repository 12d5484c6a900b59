"""Aggregate reads for the coordinator dashboard and the organisations' benchmark.

Scores come back as small histograms (cells per 10-point bucket per section), never one row per audit.
Views add up the stored figures, or, when two or more profile filters are chosen, the rows of the same
definition (`figure_definition`) for the matching organisations. Raw cells are returned (a count and its
organisations' record keys added up): the caller must pass them through `disclosure` before showing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from ..content_store import get_content
from ..disclosure import Cell
from ..extensions import db
from ..models import StoredFigure
from .figure_definition import (
    ANSWER,
    CURRENT,
    EVENTS,
    MONTH,
    QUARTER,
    RESULTS,
    SCORE,
    Span,
    contributions,
    latest_span,
    scope_for,
    whole_periods,
)
from .latest import Filters, latest_submitted_audits
from .stored_figures import figures_of

__all__ = [
    "Buckets",
    "Filters",
    "Headline",
    "QuestionGap",
    "headline",
    "latest_counts",
    "latest_submitted_audits",
    "question_gaps",
    "quarter_buckets",
    "section_buckets",
    "similar_buckets",
]

Buckets = dict[str, list[Cell]]  # section id -> the organisations in each of the ten 10-point buckets
Counts = dict[tuple, Cell]  # ([period,] measure, item, value) -> organisations


def _held(c, span: Span) -> ColumnElement[bool]:
    """The rows of the span's periods."""
    limits = [c.span == span.name]
    limits += [] if span.first is None else [c.period >= span.first]
    limits += [] if span.last is None else [c.period <= span.last]
    return and_(*limits)


@lru_cache(maxsize=256)  # building a statement costs about as much as running one on the stored figures
def _statement(
    filters: Filters | str, spans: tuple[Span, ...], measures: tuple, by_period: bool, content_version: str
) -> Select:
    # `content_version` is only a key: counted from the audits, training needs follow the content's tags.
    scope = filters if isinstance(filters, str) else scope_for(filters)
    if stored := scope is not None:
        table = StoredFigure.__table__
    else:
        table = contributions(filters, spans=tuple(span.name for span in spans), measures=measures).subquery()
    c = table.c
    where = [or_(*(_held(c, span) for span in spans)), c.measure.in_(measures), *([c.scope == scope] if stored else [])]
    key = ([c.period] if by_period else []) + [c.measure, c.item, c.value]
    cell = (func.sum(c.count), func.sum(c.key_sum)) if stored else (func.count(), func.sum(c.record_key))
    return select(*key, *cell).where(*where).group_by(*key)


def _counts(filters: Filters | str, spans: tuple[Span, ...], measures: tuple, by_period: bool = False) -> Counts:
    """Organisations counted in the spans' periods: the stored figures of the filters' scope (or of a scope given
    as a string) or, for two or more profile filters, the same rows worked out from the audits."""
    rows = db.session.execute(_statement(filters, spans, measures, by_period, get_content().version))
    return {tuple(row[:-2]): Cell(int(row[-2]), int(row[-1] or 0)) for row in rows if row[-2]}


def latest_counts(filters: Filters, measure: str) -> Counts:
    """(measure, item, value) -> organisations, over each matching organisation's latest audit in the period."""
    return _latest_counts(filters, measure)


def _latest_counts(filters: Filters, measure: str) -> Counts:
    """Counts over each matching organisation's latest audit in the period."""
    return _counts(filters, (latest_span(filters.start, filters.end),), (measure,))


def _buckets(counts: Counts) -> Buckets:
    result: Buckets = {}
    for (measure, section_id, bucket), cell in counts.items():
        if measure == SCORE:
            buckets = result.setdefault(section_id, [Cell()] * 10)
            buckets[int(bucket)] += cell
    return result


@dataclass(frozen=True)
class Headline:
    organisations: Cell  # registered in the period
    audits_started: Cell
    audits_submitted: Cell
    organisations_with_results: Cell  # with a submitted audit in the period: the figures' population


def headline(filters: Filters) -> Headline:
    spans = (whole_periods(MONTH, filters.start, filters.end), latest_span(filters.start, filters.end))
    counts = _counts(filters, spans, (*EVENTS, RESULTS))
    return Headline(*(counts.get((measure, "", ""), Cell()) for measure in (*EVENTS, RESULTS)))


def section_buckets(filters: Filters) -> Buckets:
    return _buckets(_latest_counts(filters, SCORE))


def quarter_buckets(filters: Filters) -> tuple[dict[tuple[int, int], Cell], dict[tuple[int, int], Buckets]]:
    """Per (year, quarter) wholly in the period: organisations that submitted, and their section histograms
    (each organisation's latest audit in the quarter)."""
    by_quarter: dict[tuple[int, int], Counts] = {}
    span = whole_periods(QUARTER, filters.start, filters.end)
    for (quarter, *key), cell in _counts(filters, (span,), (RESULTS, SCORE), by_period=True).items():
        by_quarter.setdefault((quarter // 4, quarter % 4 + 1), {})[tuple(key)] = cell  # quarters since year 0
    results = (RESULTS, "", "")
    organisations = {q: c[results] for q, c in by_quarter.items() if results in c}
    return organisations, {q: _buckets(c) for q, c in by_quarter.items() if results in c}


@dataclass(frozen=True)
class QuestionGap:
    question_id: str
    not_started: Cell
    dont_know: Cell


def question_gaps(filters: Filters) -> list[QuestionGap]:
    """Every question some organisation answered 'Not started' or 'Not sure' in its latest audit. The caller
    ranks them by their disclosed counts: ranking by the true ones would give the true order away."""
    per_question: dict[str, list[Cell]] = {}
    for (_, question_id, value), cell in _latest_counts(filters, ANSWER).items():
        per_question.setdefault(question_id, [Cell(), Cell()])[0 if value == "not_started" else 1] += cell
    return [QuestionGap(question_id, ns, dk) for question_id, (ns, dk) in sorted(per_question.items())]


def similar_buckets(organisation_id: int, org_type: str | None, size_band: str | None) -> tuple[Cell, Buckets]:
    """Other organisations of the same type or size: how many have results, and their section histograms."""
    # Same type or same size = type + size - both, each less the organisation's own latest audit.
    scopes = [(f"org_type={org_type}", 1)] * bool(org_type) + [(f"size_band={size_band}", 1)] * bool(size_band)
    scopes += [(f"org_type={org_type}&size_band={size_band}", -1)] * bool(org_type and size_band)
    own: Counts = {}
    for (scope, span, _, *key), cell in figures_of(organisation_id).items():
        if span == CURRENT:
            own[(scope, *key)] = own.get((scope, *key), Cell()) + cell
    counts: Counts = {}
    for scope, sign in scopes:
        for key, cell in _counts(scope, (Span(CURRENT),), (RESULTS, SCORE)).items():
            others = cell - own.get((scope, *key), Cell())
            counts[key] = counts.get(key, Cell()) + (others if sign > 0 else Cell() - others)
    counts = {key: cell for key, cell in counts.items() if cell.count > 0}
    return counts.get((RESULTS, "", ""), Cell()), _buckets(counts)
