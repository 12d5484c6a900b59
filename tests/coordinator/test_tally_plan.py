"""Which stored counts answer each period the dashboard offers, and which days are read from the audits."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from inclusion_audit.coordinator.filters import period_choices, period_range
from inclusion_audit.queries.tally_cells import CURRENT, QUARTER, YEAR, month_number, quarter_number
from inclusion_audit.queries.tally_plan import Piece, Plan, latest_plan, quarter_plan

TODAY = date(2026, 12, 15)


def test_all_time_adds_up_every_current_month():
    assert latest_plan(None, None) == Plan(CURRENT, None, None)


def test_a_period_from_the_first_of_a_month_needs_no_audits_read():
    assert latest_plan(datetime(2026, 1, 1), None) == Plan(CURRENT, month_number(datetime(2026, 1, 1)), None)


def test_last_12_months_mid_month_reads_the_first_days_from_the_audits():
    start, end = period_range("12m", TODAY)
    assert start == datetime(2025, 12, 15)
    plan = latest_plan(start, end)
    assert plan == Plan(
        CURRENT,
        month_number(datetime(2026, 1, 1)),
        None,
        (Piece(datetime(2025, 12, 15), None, before=datetime(2026, 1, 1)),),
    )


def test_a_calendar_year_and_a_quarter_are_stored_as_they_are():
    assert latest_plan(*period_range("last-year", TODAY)) == Plan(YEAR, 2025, 2025)
    q3 = quarter_number(datetime(2026, 7, 1))
    assert latest_plan(*period_range("2026-q3", TODAY)) == Plan(QUARTER, q3, q3)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, datetime(2026, 1, 1)),  # everything before a date
        (datetime(2026, 1, 1), datetime(2026, 3, 1)),  # two months
        (datetime(2026, 1, 2), datetime(2026, 4, 1)),  # a quarter less a day
        (datetime(2025, 7, 1), datetime(2026, 7, 1)),  # a year, but not a calendar one
    ],
)
def test_other_closed_periods_are_counted_from_the_audits(start, end):
    assert latest_plan(start, end) is None


def test_every_period_on_the_dashboard_is_answered_by_the_tallies():
    for value, _ in period_choices(TODAY):
        assert latest_plan(*period_range(value, TODAY)) is not None, value


def test_trends_over_whole_quarters():
    start, end = datetime(2025, 1, 1), datetime(2026, 1, 1)
    plan = quarter_plan(start, end)
    assert plan == Plan(QUARTER, quarter_number(start), quarter_number(datetime(2025, 10, 1)))
    assert plan.has_range


def test_trends_read_a_partial_first_quarter_from_the_audits():
    plan = quarter_plan(datetime(2025, 12, 15), None)
    assert plan == Plan(
        QUARTER, quarter_number(datetime(2026, 1, 1)), None, (Piece(datetime(2025, 12, 15), datetime(2026, 1, 1)),)
    )


def test_trends_read_a_partial_last_quarter_from_the_audits():
    plan = quarter_plan(None, datetime(2026, 2, 10))
    assert plan == Plan(
        QUARTER, None, quarter_number(datetime(2025, 10, 1)), (Piece(datetime(2026, 1, 1), datetime(2026, 2, 10)),)
    )


def test_trends_inside_one_quarter_are_one_piece_and_no_stored_counts():
    plan = quarter_plan(datetime(2026, 1, 5), datetime(2026, 2, 10))
    assert plan.pieces == (Piece(datetime(2026, 1, 5), datetime(2026, 2, 10)),)
    assert not plan.has_range
    ending_on_the_quarter = quarter_plan(datetime(2026, 1, 5), datetime(2026, 4, 1))
    assert ending_on_the_quarter.pieces == (Piece(datetime(2026, 1, 5), datetime(2026, 4, 1)),)
    assert not ending_on_the_quarter.has_range


def test_trends_from_a_quarter_start_to_part_way_through_it_read_that_quarter():
    start, end = datetime(2025, 1, 1), datetime(2025, 3, 31, 23, 59, 59)
    assert quarter_plan(start, end) == Plan(
        QUARTER, quarter_number(start), quarter_number(start) - 1, (Piece(start, end),)
    )
