"""What each organisation counts for, defined in SQL, and which stored rows hold each period the dashboard offers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from inclusion_audit.coordinator.filters import period_choices, period_range
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, utcnow
from inclusion_audit.queries import Filters
from inclusion_audit.queries.figure_definition import (
    CURRENT,
    MONTH,
    QUARTER,
    REGISTERED,
    RESULTS,
    STARTED,
    SUBMITTED,
    YEAR,
    Span,
    contributions,
    latest_span,
    month_number,
    scope_for,
    whole_periods,
)

from .fixture import submitted_audit

TODAY = date(2026, 12, 15)
JAN, FEB, MAY = datetime(2026, 1, 10), datetime(2026, 2, 20), datetime(2026, 5, 1)


def test_every_period_on_the_dashboard_is_held_by_one_stored_span():
    spans = {value: latest_span(*period_range(value, TODAY)) for value, _ in period_choices(TODAY)}
    assert spans["all"] == Span(CURRENT)
    assert spans["12m"] == Span(CURRENT, month_number(datetime(2025, 12, 1)))
    assert spans["year"] == Span(CURRENT, month_number(datetime(2026, 1, 1)))
    assert spans["last-year"] == Span(YEAR, 2025, 2025)
    assert spans["2026-q3"] == Span(QUARTER, month_number(datetime(2026, 7, 1)) // 3, month_number(JAN) // 3 + 2)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime(2025, 12, 15), None),  # part of a month
        (None, datetime(2026, 1, 1)),  # everything before a date
        (datetime(2026, 1, 1), datetime(2026, 3, 1)),  # two months
        (datetime(2025, 7, 1), datetime(2026, 7, 1)),  # a year, but not a calendar one
    ],
)
def test_other_periods_are_refused_rather_than_counted_wrongly(start, end):
    with pytest.raises(ValueError):
        latest_span(start, end)


def test_trends_show_the_whole_quarters_of_the_period():
    december = month_number(datetime(2025, 12, 1))
    assert whole_periods(QUARTER, datetime(2025, 12, 1), None) == Span(QUARTER, december // 3 + 1, None)
    assert whole_periods(QUARTER, datetime(2025, 1, 1), datetime(2026, 1, 1)) == Span(QUARTER, 2025 * 4, 2025 * 4 + 3)
    assert whole_periods(QUARTER, None, None) == Span(QUARTER)


def test_headline_counts_add_up_the_months_of_the_period():
    assert whole_periods(MONTH, *period_range("12m", TODAY)) == Span(MONTH, month_number(datetime(2025, 12, 1)))
    assert whole_periods(MONTH, *period_range("last-year", TODAY)) == Span(MONTH, 2025 * 12, 2025 * 12 + 11)


def test_two_profile_filters_have_no_stored_scope():
    assert scope_for(Filters()) == ""
    assert scope_for(Filters(area="corby")) == "area=corby"
    assert scope_for(Filters(group="justice")) == "group=justice"
    assert scope_for(Filters(area="corby", group="justice")) is None


def organisation_with(app, *dates: datetime, percent: int = 45, verification: str = "verified") -> set[tuple]:
    """Rows one organisation with audits submitted on these dates counts for, as (span, period, measure, value)."""
    with app.app_context():
        organisation = Organisation(name="Counted", area="corby", org_type="charity", verification=verification)
        db.session.add(organisation)
        for when in dates:
            db.session.add(submitted_audit(organisation, percent, {"named_lead": "dont_know"}, when))
        db.session.commit()
        rows = db.session.execute(contributions(Filters(), Organisation.id == organisation.id)).all()
        # Every row carries the organisation's record key, so that each figure knows its cell's key sum.
        assert {row.record_key for row in rows} <= {organisation.record_key}
    wanted = ("", "access", "named_lead")
    return {(span, period, measure, value) for _, _, span, period, measure, item, value in rows if item in wanted}


def test_one_audit_counts_as_current_and_for_its_quarter_and_year(app):
    rows = {row for row in organisation_with(app, JAN) if row[0] != MONTH}
    spans = {(span, period) for span, period, _, _ in rows}
    assert spans == {(CURRENT, month_number(JAN)), (QUARTER, month_number(JAN) // 3), (YEAR, 2026)}
    for span, period in spans:  # in each: the organisation, its score's 10-point bucket and its gap answer
        assert {(measure, value) for s, p, measure, value in rows if (s, p) == (span, period)} == {
            ("results", ""),
            ("score", "4"),
            ("answer", "dont_know"),
        }


@pytest.mark.parametrize("verification", ["unverified", "rejected"])
def test_an_organisation_no_coordinator_has_verified_counts_for_nothing(app, verification):
    assert organisation_with(app, JAN, FEB, verification=verification) == set()


def test_a_later_audit_replaces_an_earlier_one_in_the_same_quarter_and_year(app):
    rows = organisation_with(app, MAY, JAN, FEB)
    counted = {(span, period) for span, period, measure, _ in rows if measure == RESULTS}
    # January and February share a quarter: February's audit counts for it; May's is the latest of all.
    assert counted == {
        (CURRENT, month_number(MAY)),
        (QUARTER, month_number(FEB) // 3),
        (QUARTER, month_number(MAY) // 3),
        (YEAR, 2026),
    }


def test_registering_starting_and_submitting_count_under_their_months(app):
    rows = {(period, measure) for span, period, measure, _ in organisation_with(app, JAN, FEB) if span == MONTH}
    # The audits were started the day before they were submitted; the organisation registered today.
    assert rows == {(month_number(utcnow()), REGISTERED)} | {
        (month_number(when), event) for when in (JAN, FEB) for event in (STARTED, SUBMITTED)
    }


def test_scores_of_90_and_100_share_the_top_bucket(app):
    assert {value for _, _, measure, value in organisation_with(app, JAN, percent=100) if measure == "score"} == {"9"}


def test_of_two_audits_submitted_in_the_same_second_the_later_one_counts(app):
    with app.app_context():
        organisation = Organisation(name="Quick", verification="verified")
        db.session.add(organisation)
        for percent in (15, 85):  # the second gets the higher id
            db.session.add(submitted_audit(organisation, percent, {}, JAN))
            db.session.flush()
        rows = db.session.execute(contributions(Filters(), Organisation.id == organisation.id)).all()
    assert {value for *_, measure, item, value in rows if item == "access"} == {"8"}
