"""Aggregate reads for the coordinator dashboard and the organisations' benchmark.

Scores come back as small histograms (counts per 10-point bucket per section), never one row per audit.
Views add up the stored figures, or, when two or more profile filters are chosen, the rows of the same
definition (`figure_definition`) for the matching organisations. Raw counts are returned: the caller must
pass them through `coordinator.suppression` before showing them to anyone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select

from ..extensions import db
from ..models import Organisation, StoredFigure
from .figure_definition import (
    ANSWER,
    CURRENT,
    EVENTS,
    RESULTS,
    SCORE,
    Span,
    contributions,
    latest_span,
    months_within,
    quarters_within,
    scope_for,
    year_quarter,
)
from .latest import Filters, latest_submitted_audits

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


def _counts(rows: str | Filters, span: Span, measures: tuple, by_period=False, *who: ColumnElement[bool]) -> Counts:
    """Organisations counted in the span's periods: the stored figures of a scope (a string), or the same rows
    worked out from the audits for the organisations matching the filters (and `who`)."""
    if stored := isinstance(rows, str):
        table = StoredFigure.__table__
    else:
        table = contributions(rows, *who, spans=(span.name,), measures=measures).subquery()
    where = [table.c.span == span.name, table.c.measure.in_(measures), *([table.c.scope == rows] if stored else [])]
    where += [] if span.first is None else [table.c.period >= span.first]
    where += [] if span.last is None else [table.c.period <= span.last]
    key = ([table.c.period] if by_period else []) + [table.c.measure, table.c.item, table.c.value]
    statement = select(*key, func.sum(table.c.count) if stored else func.count()).where(*where).group_by(*key)
    return Counter({tuple(row[:-1]): int(row[-1]) for row in db.session.execute(statement) if row[-1]})


def _rows(filters: Filters) -> str | Filters:
    """The stored scope for the filters or, for two or more profile filters, the filters themselves."""
    scope = scope_for(filters)
    return filters if scope is None else scope


def _latest_counts(filters: Filters, measure: str) -> Counts:
    """Counts over each matching organisation's latest audit in the period."""
    return _counts(_rows(filters), latest_span(filters.start, filters.end), (measure,))


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
    events = _counts(_rows(filters), months_within(filters.start, filters.end), EVENTS)
    return Headline(*(events[event, "", ""] for event in EVENTS), _latest_counts(filters, RESULTS)[RESULTS, "", ""])


def section_buckets(filters: Filters) -> Buckets:
    return _buckets(_latest_counts(filters, SCORE))


def quarter_buckets(filters: Filters) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], Buckets]]:
    """Per (year, quarter) wholly in the period: organisations that submitted, and their section histograms
    (each organisation's latest audit in the quarter)."""
    by_quarter: dict[int, Counts] = {}
    span = quarters_within(filters.start, filters.end)
    for (quarter, *key), n in _counts(_rows(filters), span, (RESULTS, SCORE), by_period=True).items():
        by_quarter.setdefault(quarter, Counter())[tuple(key)] = n
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
    # Same type or same size = type + size - both; then leave out the organisation's own latest audit.
    everything = Span(CURRENT)  # all time: each organisation's latest audit of all
    counts: Counts = Counter()
    if org_type:
        counts.update(_counts(f"org_type={org_type}", everything, (RESULTS, SCORE)))
    if size_band:
        counts.update(_counts(f"size_band={size_band}", everything, (RESULTS, SCORE)))
    if org_type and size_band:
        counts.subtract(_counts(f"org_type={org_type}&size_band={size_band}", everything, (RESULTS, SCORE)))
    own = (Organisation.id == organisation_id, or_(*alike))
    counts.subtract(_counts(Filters(), everything, (RESULTS, SCORE), False, *own))
    return counts[RESULTS, "", ""], _buckets(+counts)
