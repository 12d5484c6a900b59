"""Period choices and their date ranges."""

from __future__ import annotations

from datetime import date, datetime

from inclusion_audit.coordinator.filters import period_choices, period_range


def test_period_choices_name_the_last_8_quarters():
    choices = dict(period_choices(date(2026, 2, 10)))
    assert list(choices)[:4] == ["all", "12m", "year", "last-year"]
    assert choices["12m"] == "Last 12 months (from 1 February 2025)"
    assert choices["year"] == "2026 so far" and choices["last-year"] == "2025"
    quarters = list(choices)[4:]
    assert quarters[0] == "2026-q1" and quarters[-1] == "2024-q2" and len(quarters) == 8
    assert choices["2025-q4"] == "October to December 2025"


def test_period_ranges():
    today = date(2026, 5, 17)
    assert period_range("all", today) == (None, None)
    assert period_range("12m", today) == (datetime(2025, 5, 1), None)  # whole months, as the label says
    assert period_range("12m", date(2028, 2, 29)) == (datetime(2027, 2, 1), None)
    assert period_range("year", today) == (datetime(2026, 1, 1), None)
    assert period_range("last-year", today) == (datetime(2025, 1, 1), datetime(2026, 1, 1))
    assert period_range("2025-q4", today) == (datetime(2025, 10, 1), datetime(2026, 1, 1))
    assert period_range("2026-q2", today) == (datetime(2026, 4, 1), datetime(2026, 7, 1))
