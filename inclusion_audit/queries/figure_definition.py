"""What the coordinator's figures count, defined once, in SQL: the rows of `contributions`.

Spans: each organisation's latest audit of all ("current", under its month: a period without an end is the months
from its first onwards), its latest in each calendar quarter ("quarter": a quarter, and the trends) and year
("year"), and when it registered and started and submitted each audit ("month"). The stored figures add these
rows up per scope (everyone, or one profile answer); a view with two or more profile filters adds up the same
rows for the matching organisations. Periods are whole months.

Only verified organisations count (`counted`), and every row carries the organisation's record key, so that a
figure knows the sum of its organisations' keys (`disclosure.Cell`) as well as how many there are.

Training needs ("need": one row per latest audit and training topic, valued "need" or "unsure") follow the content's
question tags and answer scales (`need_definition`): after changing those, run `flask figures rebuild`.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import ColumnElement, Integer, Select, String, case, cast, extract, func, literal, select, union_all

from ..content_store import get_content
from ..models import Answer, Audit, AuditStatus, Organisation, OrganisationGroup, SectionScore, Verification
from ..system_models import Area, System
from .latest import Filters, profile_matches, submitted_matching
from .need_definition import NEED, UNSURE, answer_kinds

SPANS = CURRENT, QUARTER, YEAR, MONTH = "current", "quarter", "year", "month"
RESULTS, SCORE, ANSWER = "results", "score", "answer"
EVENTS = REGISTERED, STARTED, SUBMITTED = "registered", "started", "submitted"
MEASURES = (RESULTS, SCORE, ANSWER, NEED, *EVENTS)
GAP_VALUES = ("not_started", "dont_know")  # the answers the dashboard lists as common gaps
PROFILE_FIELDS = ("area", "org_type", "size_band")


def counted() -> ColumnElement[bool]:
    """The organisations a coordinator figure may count: those a coordinator of their area has verified."""
    return Organisation.verification == Verification.VERIFIED.value


def month_number(when: datetime) -> int:
    return when.year * 12 + when.month - 1


class Span(NamedTuple):
    """Which rows hold a period: one span, from period `first` to `last` (inclusive; None: no limit)."""

    name: str
    first: int | None = None
    last: int | None = None


def _months(*whens: datetime | None) -> list[int | None]:
    if any(when and when != datetime(when.year, when.month, 1) for when in whens):
        raise ValueError(f"periods are whole months, not {whens}")
    return [None if when is None else month_number(when) for when in whens]


def latest_span(start: datetime | None, end: datetime | None) -> Span:
    """Where each organisation's latest audit in [start, end) is counted: a period without an end, a calendar
    year or a calendar quarter (the periods the dashboard offers)."""
    first, last = _months(start, end)
    if last is None:
        return Span(CURRENT, first)
    for span, months in ((YEAR, 12), (QUARTER, 3)):
        if first is not None and first % months == 0 and last == first + months:
            return Span(span, first // months, first // months)
    raise ValueError(f"no stored span holds {start} to {end}")


def whole_periods(span: str, start: datetime | None, end: datetime | None) -> Span:
    """The whole months (or quarters, for the trends) in [start, end); with no end, the one under way too."""
    months, (first, last) = {MONTH: 1, QUARTER: 3}[span], _months(start, end)
    return Span(span, None if first is None else -(-first // months), None if last is None else last // months - 1)


def scope_for(filters: Filters) -> str | None:
    """The stored scope for the filters' profile answers ("" for none), or None when two or more are chosen.
    A system counts as a choice, except with an area (which is one of the system's): "system=..." figures are
    counted by the same definition as every other scope, never added up from its areas' perturbed ones."""
    chosen = [f"{name}={getattr(filters, name)}" for name in (*PROFILE_FIELDS, "group") if getattr(filters, name)]
    if filters.system and not filters.area:
        chosen.append(f"system={filters.system}")
    return None if len(chosen) > 1 else "".join(chosen)


def _month_of(column) -> ColumnElement[int]:
    return cast(extract("year", column) * 12 + extract("month", column) - 1, Integer)


def _arm(organisation_id, record_key, span, period, measure: str, item=None, value=None) -> Select:
    item, value = (literal("", String) if column is None else column for column in (item, value))
    columns = (organisation_id, record_key, span, period, literal(measure, String), item, value)
    names = ("organisation_id", "record_key", "span", "period", "measure", "item", "value")
    return select(*(column.label(name) for column, name in zip(columns, names, strict=True)))


def _latest_audits(filters: Filters, who: tuple, spans: list[str], measures: list[str]) -> list[Select]:
    """The latest audits' rows, in each span asked for: the organisation, its scores' buckets, its gap answers."""
    month = _month_of(Audit.submitted_at)
    periods = {CURRENT: month, QUARTER: month // 3, YEAR: month // 12}
    partitions = {CURRENT: (), QUARTER: (periods[QUARTER],), YEAR: (periods[YEAR],)}
    newest = (Audit.submitted_at.desc(), Audit.id.desc())
    columns = [periods[span].label(f"period_{span}") for span in spans] + [
        func.row_number()
        .over(partition_by=(Audit.organisation_id, *partitions[span]), order_by=newest)
        .label(f"rank_{span}")
        for span in spans
    ]
    ranked = select(Audit.id, Audit.organisation_id, Organisation.record_key, *columns)
    ranked = submitted_matching(ranked, filters, counted(), *who).subquery("ranked")
    # Each audit once for each span it is the latest in: a join to the span names rather than a UNION of a
    # copy per span, so that the ranking is worked out once.
    names = union_all(*(select(literal(span, String).label("span")) for span in spans)).subquery("spans")
    pick = {
        name: case(*((names.c.span == span, ranked.c[f"{name}_{span}"]) for span in spans))
        for name in ("period", "rank")
    }
    slots = (
        select(ranked.c.id, ranked.c.organisation_id, ranked.c.record_key, names.c.span, pick["period"].label("period"))
        .join_from(ranked, names, pick["rank"] == 1)
        .subquery("slots")
    )
    head = (slots.c.organisation_id, slots.c.record_key, slots.c.span, slots.c.period)
    bucket = case((SectionScore.percent >= 90, 9), else_=SectionScore.percent // 10)  # 0-9 ... 90-100
    arms = {
        NEED: _needs(head, slots) if NEED in measures else None,
        RESULTS: _arm(*head, RESULTS),
        SCORE: _arm(*head, SCORE, SectionScore.section_id, cast(bucket, String))
        .join(SectionScore, SectionScore.audit_id == slots.c.id)
        .where(SectionScore.percent.is_not(None)),
        ANSWER: _arm(*head, ANSWER, Answer.question_id, Answer.value)
        .join(Answer, Answer.audit_id == slots.c.id)
        .where(Answer.value.in_(GAP_VALUES)),
    }
    return [arms[measure] for measure in measures]


def _needs(head: tuple, slots) -> Select:
    """One row per latest audit and training topic it needs (or is only unsure of)."""
    topic, kind = answer_kinds(get_content())
    value = case((func.max(case((kind == NEED, 1), else_=0)) == 1, NEED), else_=UNSURE)
    return (
        _arm(*head, NEED, topic, value)
        .join(Answer, Answer.audit_id == slots.c.id)
        .where(kind.is_not(None), topic.is_not(None))
        .group_by(*head, topic)
    )


def _events(filters: Filters, who: tuple, measures: list[str]) -> list[Select]:
    """Organisations registered, audits started and audits submitted, each under its month ("month" span)."""
    when = {REGISTERED: Organisation.created_at, STARTED: Audit.started_at, SUBMITTED: Audit.submitted_at}
    arms = []
    for measure in measures:
        arm = _arm(Organisation.id, Organisation.record_key, literal(MONTH, String), _month_of(when[measure]), measure)
        if measure != REGISTERED:
            arm = arm.join_from(Organisation, Audit, Audit.organisation_id == Organisation.id)
        submitted = [Audit.status == AuditStatus.SUBMITTED] if measure == SUBMITTED else []
        arms.append(arm.where(counted(), *profile_matches(filters), *who, *submitted))
    return arms


def contributions(filters: Filters, *who: ColumnElement[bool], spans=SPANS, measures=MEASURES) -> Select:
    """(organisation_id, record_key, span, period, measure, item, value) for the verified organisations matching
    the filters and `who`.
    Latest audits are chosen among those submitted in the period: leaving out earlier ones changes no row in the
    spans that hold the period (its first month onwards, or its whole quarters and years)."""
    latest = [span for span in spans if span != MONTH]
    arms = _latest_audits(filters, who, latest, [m for m in measures if m not in EVENTS]) if latest else []
    return union_all(*arms, *(_events(filters, who, [m for m in measures if m in EVENTS]) if MONTH in spans else []))


def stored_rows(*who: ColumnElement[bool]) -> Select:
    """(scope, span, period, measure, item, value, count, key_sum): the stored figures for the organisations in
    `who` (the verified ones: the rows of `contributions` are)."""
    o, facts = Organisation, contributions(Filters(), *who).subquery("facts")
    arms = [select(o.id.label("organisation_id"), literal("", String).label("scope"))]
    arms += [select(o.id, f"{name}=" + getattr(o, name)).where(getattr(o, name) != "") for name in PROFILE_FIELDS]
    pair = "org_type=" + o.org_type + "&size_band=" + o.size_band
    arms += [select(o.id, pair).where(o.org_type != "", o.size_band != "")]
    arms += [select(o.id, "group=" + OrganisationGroup.group).join(OrganisationGroup)]
    in_system = select(o.id, "system=" + System.code).join(Area, Area.code == o.area)
    arms += [in_system.join(System, System.id == Area.system_id)]
    scopes = union_all(*(arm.where(*who) for arm in arms)).subquery("scopes")
    # Type and size together serve only "similar organisations": latest audits of all, without answers.
    wanted = scopes.c.scope.not_like("%&%") | ((facts.c.span == CURRENT) & facts.c.measure.not_in((ANSWER, NEED)))
    joined = facts.join(scopes, (scopes.c.organisation_id == facts.c.organisation_id) & wanted)
    key = (scopes.c.scope, facts.c.span, facts.c.period, facts.c.measure, facts.c.item, facts.c.value)
    counts = (func.count().label("count"), func.sum(facts.c.record_key).label("key_sum"))
    return select(*key, *counts).select_from(joined).group_by(*key)
