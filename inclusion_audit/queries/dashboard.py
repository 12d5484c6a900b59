"""Aggregate reads for the coordinator dashboard and the organisations' benchmark.

Scores come back as small histograms (counts per 10-point bucket per section), never one row per audit.
Views add up the stored figures, or, when two or more profile filters are chosen, the rows of the same
definition (`figure_definition`) for the matching organisations. Raw counts are returned: the caller must
pass them through `coordinator.suppression` before showing them to anyone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

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
    "latest_submitted_audits",
    "question_gaps",
    "quarter_buckets",
    "section_buckets",
    "similar_buckets",
]

Buckets = dict[str, list[int]]  # section id -> counts in the ten 10-point buckets
Counts = Counter[tuple]  # ([period,] measure, item, value) -> organisations


def _held(c, span: Span) -> ColumnElement[bool]:
    """The rows of the span's periods."""
    limits = [c.span == span.name]
    limits += [] if span.first is None else [c.period >= span.first]
    limits += [] if span.last is None else [c.period <= span.last]
    return and_(*limits)


@lru_cache(maxsize=256)  # building a statement costs about as much as running one on the stored figures
def _statement(filters: Filters | str, spans: tuple[Span, ...], measures: tuple, by_period: bool) -> Select:
    scope = filters if isinstance(filters, str) else scope_for(filters)
    if stored := scope is not None:
        table = StoredFigure.__table__
    else:
        table = contributions(filters, spans=tuple(span.name for span in spans), measures=measures).subquery()
    c = table.c
    where = [or_(*(_held(c, span) for span in spans)), c.measure.in_(measures), *([c.scope == scope] if stored else [])]
    key = ([c.period] if by_period else []) + [c.measure, c.item, c.value]
    return select(*key, func.sum(c.count) if stored else func.count()).where(*where).group_by(*key)


def _counts(filters: Filters | str, spans: tuple[Span, ...], measures: tuple, by_period: bool = False) -> Counts:
    """Organisations counted in the spans' periods: the stored figures of the filters' scope (or of a scope given
    as a string) or, for two or more profile filters, the same rows worked out from the audits."""
    rows = db.session.execute(_statement(filters, spans, measures, by_period))
    return Counter({tuple(row[:-1]): int(row[-1]) for row in rows if row[-1]})


def _latest_counts(filters: Filters, measure: str) -> Counts:
    """Counts over each matching organisation's latest audit in the period."""
    return _counts(filters, (latest_span(filters.start, filters.end),), (measure,))


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
    spans = (whole_periods(MONTH, filters.start, filters.end), latest_span(filters.start, filters.end))
    counts = _counts(filters, spans, (*EVENTS, RESULTS))
    return Headline(*(counts[measure, "", ""] for measure in (*EVENTS, RESULTS)))


def section_buckets(filters: Filters) -> Buckets:
    return _buckets(_latest_counts(filters, SCORE))


def quarter_buckets(filters: Filters) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], Buckets]]:
    """Per (year, quarter) wholly in the period: organisations that submitted, and their section histograms
    (each organisation's latest audit in the quarter)."""
    by_quarter: dict[tuple[int, int], Counts] = {}
    span = whole_periods(QUARTER, filters.start, filters.end)
    for (quarter, *key), n in _counts(filters, (span,), (RESULTS, SCORE), by_period=True).items():
        by_quarter.setdefault((quarter // 4, quarter % 4 + 1), Counter())[tuple(key)] = n  # quarters since year 0
    organisations = {q: c[RESULTS, "", ""] for q, c in by_quarter.items() if c[RESULTS, "", ""]}
    return organisations, {q: _buckets(c) for q, c in by_quarter.items() if c[RESULTS, "", ""]}


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
    # Same type or same size = type + size - both, each less the organisation's own latest audit.
    scopes = [(f"org_type={org_type}", 1)] * bool(org_type) + [(f"size_band={size_band}", 1)] * bool(size_band)
    scopes += [(f"org_type={org_type}&size_band={size_band}", -1)] * bool(org_type and size_band)
    own: Counts = Counter()
    for (scope, span, _, *key), n in figures_of(organisation_id).items():
        own[(scope, *key)] += n if span == CURRENT else 0
    counts: Counts = Counter()
    for scope, sign in scopes:
        for key, n in _counts(scope, (Span(CURRENT),), (RESULTS, SCORE)).items():
            counts[key] += sign * (n - own[(scope, *key)])
    return counts[RESULTS, "", ""], _buckets(+counts)
