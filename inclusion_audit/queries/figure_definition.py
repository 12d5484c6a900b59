"""What the coordinator's figures count, defined once, in SQL.

Every figure counts organisations by their latest audit submitted in a period. `contributions` lists what
each organisation counts for, in three spans of periods:

- "current": its latest audit of all, under the month it was submitted. A period with no end ("All time",
  "Last 12 months (from 1 December 2025)", "2026 so far") is the months from its first onwards.
- "quarter": its latest audit in each calendar quarter: one quarter, and the quarterly trends.
- "year": its latest audit in each calendar year: "2025".

The stored figures are these rows added up per scope (everyone, or one profile answer); a view that combines
two or more profile filters adds them up for the matching organisations instead. Both add up the same rows,
so they cannot disagree. Periods are whole months, so no period needs part of a month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Subquery,
    and_,
    case,
    cast,
    extract,
    func,
    literal,
    or_,
    select,
    union_all,
)

from ..models import Answer, Audit, Organisation, OrganisationGroup, SectionScore
from .latest import Filters, submitted_matching

SPANS = CURRENT, QUARTER, YEAR = "current", "quarter", "year"
MEASURES = RESULTS, SCORE, ANSWER = "results", "score", "answer"
GAP_VALUES = ("not_started", "dont_know")  # the answers the dashboard lists as common gaps
PROFILE_FIELDS = ("area", "org_type", "size_band")


def month_number(when: datetime) -> int:
    return when.year * 12 + when.month - 1


def year_quarter(quarter: int) -> tuple[int, int]:
    """(year, 1-4) for a quarter number (months since year 0, divided by 3), as the dashboard labels them."""
    return quarter // 4, quarter % 4 + 1


@dataclass(frozen=True)
class Span:
    """Which rows hold a period: one span, from period `first` to `last` (inclusive; None: no limit)."""

    name: str
    first: int | None = None
    last: int | None = None


def _months(start: datetime | None, end: datetime | None) -> tuple[int | None, int | None]:
    if any(when is not None and when != datetime(when.year, when.month, 1) for when in (start, end)):
        raise ValueError(f"periods are whole months; {start} to {end} is not")
    return (None if start is None else month_number(start)), (None if end is None else month_number(end))


def latest_span(start: datetime | None, end: datetime | None) -> Span:
    """Where each organisation's latest audit in [start, end) is counted: a period without an end, a calendar
    year or a calendar quarter (the periods the dashboard offers)."""
    first, last = _months(start, end)
    if last is None:
        return Span(CURRENT, first)
    if first is not None and first % 12 == 0 and last == first + 12:
        return Span(YEAR, first // 12, first // 12)
    if first is not None and first % 3 == 0 and last == first + 3:
        return Span(QUARTER, first // 3, first // 3)
    raise ValueError(f"no stored span holds {start} to {end}")


def quarters_within(start: datetime | None, end: datetime | None) -> Span:
    """The whole quarters in [start, end), for the trends; the quarter under way counts when there is no end."""
    first, last = _months(start, end)
    return Span(QUARTER, None if first is None else -(-first // 3), None if last is None else last // 3 - 1)


def type_and_size_scope(org_type: str, size_band: str) -> str:
    """The one two-answer scope, for the results page's "similar organisations" (same type or same size),
    counted as type + size - both."""
    return f"org_type={org_type}&size_band={size_band}"


def scope_for(filters: Filters) -> str | None:
    """The stored scope for the filters' profile answers ("" for none), or None when two or more are chosen."""
    chosen = [f"{name}={getattr(filters, name)}" for name in (*PROFILE_FIELDS, "group") if getattr(filters, name)]
    return None if len(chosen) > 1 else "".join(chosen)


def _month_of(column) -> ColumnElement[int]:
    return cast(extract("year", column), Integer) * 12 + cast(extract("month", column), Integer) - 1


def contributions(
    filters: Filters, *who: ColumnElement[bool], spans: tuple[str, ...] = SPANS, measures: tuple[str, ...] = MEASURES
) -> Select:
    """(organisation_id, span, period, measure, item, value): one row for each thing an organisation counts for,
    from the audits submitted in the filters' period by the organisations matching them (and `who`).

    Leaving out audits before a period's start changes no row in the spans that hold the period (its first
    month onwards, or its whole quarters and years). Only the spans and measures asked for are worked out."""
    month = _month_of(Audit.submitted_at)
    periods = {CURRENT: month, QUARTER: month // 3, YEAR: month // 12}
    newest = (Audit.submitted_at.desc(), Audit.id.desc())
    partitions = {CURRENT: (), QUARTER: (periods[QUARTER],), YEAR: (periods[YEAR],)}
    ranked = select(
        Audit.id,
        Audit.organisation_id,
        *(periods[span].label(f"period_{span}") for span in spans),
        *(
            func.row_number()
            .over(partition_by=(Audit.organisation_id, *partitions[span]), order_by=newest)
            .label(f"rank_{span}")
            for span in spans
        ),
    )
    ranked = submitted_matching(ranked, filters, *who).subquery("ranked")
    # Each audit once for each span it is the latest in: a join to the span names, rather than a UNION of
    # one copy per span, so that the ranking is worked out once.
    names = union_all(*(select(literal(span, String).label("span")) for span in spans)).subquery("spans")
    is_latest = or_(*(and_(names.c.span == span, ranked.c[f"rank_{span}"] == 1) for span in spans))
    period = case(*((names.c.span == span, ranked.c[f"period_{span}"]) for span in spans))
    slots = (
        select(ranked.c.id.label("audit_id"), ranked.c.organisation_id, names.c.span, period.label("period"))
        .join_from(ranked, names, is_latest)
        .subquery("slots")
    )
    bucket = case((SectionScore.percent >= 90, 9), else_=SectionScore.percent // 10)  # 0-9 ... 90-100

    def arm(measure: str, item, value) -> Select:
        measured = (literal(measure, String).label("measure"), item.label("item"), value.label("value"))
        return select(slots.c.organisation_id, slots.c.span, slots.c.period, *measured)

    arms = {
        RESULTS: arm(RESULTS, literal("", String), literal("", String)),
        SCORE: arm(SCORE, SectionScore.section_id, cast(bucket, String))
        .join(SectionScore, SectionScore.audit_id == slots.c.audit_id)
        .where(SectionScore.percent.is_not(None)),
        ANSWER: arm(ANSWER, Answer.question_id, Answer.value)
        .join(Answer, Answer.audit_id == slots.c.audit_id)
        .where(Answer.value.in_(GAP_VALUES)),
    }
    return union_all(*(arms[measure] for measure in measures))


def _scopes(*who: ColumnElement[bool]) -> Subquery:
    """(organisation_id, scope) for every scope each organisation counts in."""
    o = Organisation
    arms = [select(o.id.label("organisation_id"), literal("", String).label("scope"))]
    for name in PROFILE_FIELDS:
        arms.append(select(o.id, literal(f"{name}=") + getattr(o, name)).where(getattr(o, name) != ""))
    pair = "org_type=" + o.org_type + "&size_band=" + o.size_band
    arms.append(select(o.id, pair).where(o.org_type != "", o.size_band != ""))
    arms.append(select(o.id, "group=" + OrganisationGroup.group).join(OrganisationGroup))
    return union_all(*(arm.where(*who) for arm in arms)).subquery("scopes")


def stored_rows(*who: ColumnElement[bool]) -> Select:
    """(scope, span, period, measure, item, value, count): the stored figures for the organisations in `who`."""
    facts = contributions(Filters(), *who).subquery("facts")
    scopes = _scopes(*who)
    # The type-and-size scope serves only "similar organisations": latest audits of all, without answers.
    wanted = or_(scopes.c.scope.not_like("%&%"), and_(facts.c.span == CURRENT, facts.c.measure != ANSWER))
    joined = facts.join(scopes, and_(scopes.c.organisation_id == facts.c.organisation_id, wanted))
    key = (scopes.c.scope, facts.c.span, facts.c.period, facts.c.measure, facts.c.item, facts.c.value)
    return select(*key, func.count().label("count")).select_from(joined).group_by(*key)
