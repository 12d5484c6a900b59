"""The dashboard's figures, from the stored figures and from the audits, against a plain Python working-out.

Hypothesis builds small worlds of organisations and audits with awkward dates (month, quarter and year
boundaries; two audits in the same second) and asks for every kind of period and filter the dashboard
can be given. Both ways of counting must agree with the by-hand definition: each organisation counts once,
by its latest audit submitted in the period; the trends show the period's whole quarters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from inclusion_audit import queries
from inclusion_audit.coordinator.filters import period_choices, period_range
from inclusion_audit.disclosure import Cell, total
from inclusion_audit.extensions import db
from inclusion_audit.models import (
    Answer,
    Audit,
    AuditSection,
    Organisation,
    OrganisationGroup,
    SectionScore,
    StoredFigure,
    Verification,
)
from inclusion_audit.queries import Filters
from inclusion_audit.queries import dashboard as dashboard_queries
from inclusion_audit.queries.stored_figures import rebuild_stored_figures

AREAS, TYPES, SIZES, GROUPS = (
    ("north_northamptonshire", "west_northamptonshire"),
    ("charity", "cic"),
    ("under_10", "over_50"),
    ("justice", "drugs"),
)
SECTIONS, QUESTIONS = ("s1", "s2"), ("q1", "q2", "q3")
# Dates that sit on, or a moment either side of, the boundaries the stored figures are kept by.
EDGES = [datetime(2025, 1, 1), datetime(2025, 4, 1), datetime(2025, 12, 1), datetime(2026, 1, 1), datetime(2026, 7, 1)]
MOMENTS = st.one_of(
    st.sampled_from(EDGES).flatmap(lambda edge: st.sampled_from([edge - timedelta(seconds=1), edge, edge])),
    st.datetimes(min_value=datetime(2024, 11, 1), max_value=datetime(2026, 11, 30)).map(
        lambda moment: moment.replace(microsecond=0)
    ),
)


@dataclass
class AuditSpec:
    submitted_at: datetime | None  # None: still in progress
    percents: dict[str, int | None]
    answers: dict[str, str]
    id: int = 0


@dataclass
class OrgSpec:
    area: str | None
    org_type: str | None
    size_band: str | None
    groups: list[str]
    created_at: datetime
    audits: list[AuditSpec] = field(default_factory=list)
    verified: bool = True
    id: int = 0
    key: int = 0  # its record key, drawn when it is stored


audit_specs = st.builds(
    AuditSpec,
    submitted_at=st.one_of(st.none(), MOMENTS, MOMENTS),
    percents=st.fixed_dictionaries({s: st.one_of(st.none(), st.integers(0, 100)) for s in SECTIONS}),
    answers=st.dictionaries(st.sampled_from(QUESTIONS), st.sampled_from(["not_started", "dont_know", "partly"])),
)
org_specs = st.builds(
    OrgSpec,
    area=st.one_of(st.none(), st.sampled_from(AREAS)),
    org_type=st.one_of(st.none(), st.sampled_from(TYPES)),
    size_band=st.one_of(st.none(), st.sampled_from(SIZES)),
    groups=st.lists(st.sampled_from(GROUPS), unique=True),
    created_at=MOMENTS,
    audits=st.lists(audit_specs, max_size=4),
    verified=st.sampled_from([True, True, True, False]),  # mostly verified; the others must count nowhere
)


MONTHS = st.builds(lambda year, month: datetime(year, month, 1), st.integers(2024, 2026), st.integers(1, 12))


@st.composite
def periods(draw) -> tuple[datetime | None, datetime | None]:
    """Any period the query functions take: all time, from a month onwards, a calendar year or quarter."""
    if draw(st.booleans()):
        today = draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)))
        return period_range(draw(st.sampled_from([value for value, _ in period_choices(today)])), today)
    start = draw(MONTHS)
    shape = draw(st.sampled_from(["all", "from", "year", "quarter"]))
    if shape == "year":
        return datetime(start.year, 1, 1), datetime(start.year + 1, 1, 1)
    if shape == "quarter":
        first = datetime(start.year, start.month - (start.month - 1) % 3, 1)
        return first, datetime(first.year + first.month // 10, (first.month + 2) % 12 + 1, 1)
    return (None, None) if shape == "all" else (start, None)


@st.composite
def filter_sets(draw) -> Filters:
    start, end = draw(periods())
    profile = {
        "area": st.sampled_from(AREAS),
        "org_type": st.sampled_from(TYPES),
        "size_band": st.sampled_from(SIZES),
        "group": st.sampled_from(GROUPS),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(profile)), max_size=2, unique=True))
    return Filters(start=start, end=end, **{name: draw(profile[name]) for name in chosen})


def store(orgs: list[OrgSpec]) -> None:
    for model in (StoredFigure, Answer, SectionScore, AuditSection, Audit, OrganisationGroup, Organisation):
        db.session.execute(delete(model))
    for number, spec in enumerate(orgs):
        organisation = Organisation(
            name=f"Org {number}",
            area=spec.area,
            org_type=spec.org_type,
            size_band=spec.size_band,
            created_at=spec.created_at,
            verification=Verification.VERIFIED.value if spec.verified else Verification.UNVERIFIED.value,
        )
        organisation.groups = spec.groups
        db.session.add(organisation)
        for audit_spec in spec.audits:
            when = audit_spec.submitted_at
            audit = Audit(
                organisation=organisation,
                status="in_progress" if when is None else "submitted",
                started_at=(when or spec.created_at) - timedelta(days=2),
                submitted_at=when,
            )
            audit.answers = [Answer(question_id=q, value=v) for q, v in audit_spec.answers.items()]
            if when is not None:
                audit.section_scores = [SectionScore(section_id=s, percent=p) for s, p in audit_spec.percents.items()]
            db.session.add(audit)
            db.session.flush()
            audit_spec.id = audit.id
        db.session.flush()
        spec.id, spec.key = organisation.id, organisation.record_key
    rebuild_stored_figures(db.session.connection())  # as after loading audits in bulk
    db.session.commit()


def _within(moment: datetime, start: datetime | None, end: datetime | None) -> bool:
    return (start is None or moment >= start) and (end is None or moment < end)


def _matches(spec: OrgSpec, filters: Filters) -> bool:
    wanted = {"area": filters.area, "org_type": filters.org_type, "size_band": filters.size_band}
    if any(value is not None and getattr(spec, name) != value for name, value in wanted.items()):
        return False
    return filters.group is None or filters.group in spec.groups


def _latest(audits: list[AuditSpec]) -> AuditSpec | None:
    return max(audits, key=lambda audit: (audit.submitted_at, audit.id), default=None)


def _quarter(moment: datetime) -> tuple[int, int]:
    return moment.year, (moment.month + 2) // 3


def _whole_quarter(quarter: tuple[int, int], filters: Filters) -> bool:
    first = datetime(quarter[0], 3 * quarter[1] - 2, 1)
    after = datetime(quarter[0] + quarter[1] // 4, 3 * quarter[1] % 12 + 1, 1)
    return (filters.start is None or first >= filters.start) and (filters.end is None or after <= filters.end)


def _cells(pairs) -> Cell:
    """The cell of these (organisation, ...) pairs: how many, and the sum of their organisations' record keys."""
    return total(Cell(1, spec.key) for spec, *_ in pairs)


def _buckets(pairs) -> dict[str, list[Cell]]:
    result: dict[str, list[Cell]] = {}
    for spec, audit in pairs:
        for section_id, percent in audit.percents.items():
            if percent is not None:
                buckets = result.setdefault(section_id, [Cell()] * 10)
                buckets[min(percent // 10, 9)] += Cell(1, spec.key)
    return result


def by_hand(orgs: list[OrgSpec], filters: Filters):
    """The figures, straight from their definition: verified organisations only."""
    matching = [spec for spec in orgs if spec.verified and _matches(spec, filters)]
    submitted = {id(spec): [a for a in spec.audits if a.submitted_at is not None] for spec in matching}
    in_period = {id(spec): [a for a in submitted[id(spec)] if _within(a.submitted_at, filters.start, filters.end)]
                 for spec in matching}  # fmt: skip
    latest = [(spec, audit) for spec in matching if (audit := _latest(in_period[id(spec)]))]
    gaps: dict[str, list[Cell]] = {}
    for spec, audit in latest:
        for question, value in audit.answers.items():
            if value != "partly":
                gaps.setdefault(question, [Cell(), Cell()])[value == "dont_know"] += Cell(1, spec.key)
    per_quarter: dict[tuple[int, int], list] = {}
    for spec in matching:
        quarters: dict[tuple[int, int], list[AuditSpec]] = {}
        for audit in in_period[id(spec)]:
            quarters.setdefault(_quarter(audit.submitted_at), []).append(audit)
        for quarter, listed in quarters.items():
            if _whole_quarter(quarter, filters):
                per_quarter.setdefault(quarter, []).append((spec, _latest(listed)))
    started = [
        (spec, (a.submitted_at or spec.created_at) - timedelta(days=2)) for spec in matching for a in spec.audits
    ]
    headline = queries.Headline(
        _cells((spec,) for spec in matching if _within(spec.created_at, filters.start, filters.end)),
        _cells(pair for pair in started if _within(pair[1], filters.start, filters.end)),
        _cells((spec, audit) for spec in matching for audit in in_period[id(spec)]),
        _cells(latest),
    )
    return {
        "headline": headline,
        "buckets": _buckets(latest),
        "gaps": [queries.QuestionGap(q, *gaps[q]) for q in sorted(gaps)],
        "quarters": (
            {q: _cells(pairs) for q, pairs in per_quarter.items()},
            {q: _buckets(pairs) for q, pairs in per_quarter.items()},
        ),
    }


def similar_by_hand(orgs: list[OrgSpec], me: OrgSpec, org_type: str | None, size_band: str | None):
    """Other verified organisations of the same type or the same size, by their latest audit of all."""
    if not org_type and not size_band:
        return Cell(), {}
    alike = [
        spec
        for spec in orgs
        if spec is not me
        and spec.verified
        and ((org_type and spec.org_type == org_type) or (size_band and spec.size_band == size_band))
    ]
    latest = [(spec, audit) for spec in alike if (audit := _latest([a for a in spec.audits if a.submitted_at]))]
    return _cells(latest), _buckets(latest)


def from_queries(filters: Filters):
    return {
        "headline": queries.headline(filters),
        "buckets": queries.section_buckets(filters),
        "gaps": queries.question_gaps(filters),
        "quarters": queries.quarter_buckets(filters),
    }


@pytest.fixture
def app_context(app):
    with app.app_context():
        yield


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    orgs=st.lists(org_specs, max_size=7),
    filter_list=st.lists(filter_sets(), min_size=1, max_size=4),
    similar=st.tuples(
        st.integers(0, 6), st.one_of(st.none(), st.sampled_from(TYPES)), st.one_of(st.none(), st.sampled_from(SIZES))
    ),
)
def test_the_stored_figures_and_the_audits_give_the_figures_by_hand(app_context, orgs, filter_list, similar):
    store(orgs)
    for filters in filter_list:
        expected = by_hand(orgs, filters)
        assert from_queries(filters) == expected, f"as the dashboard reads them, {filters}"
        with mock.patch.object(dashboard_queries, "scope_for", return_value=None):  # as if no scope held them
            assert from_queries(filters) == expected, f"counted from the audits, {filters}"
    if orgs:
        me = orgs[similar[0] % len(orgs)]
        assert queries.similar_buckets(me.id, *similar[1:]) == similar_by_hand(orgs, me, *similar[1:])
