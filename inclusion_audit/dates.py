"""Dates written the GOV.UK way ("24 November 2026"), the same on every server whatever its locale."""

from __future__ import annotations

import datetime

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(day: datetime.date | datetime.datetime | None) -> str:
    if day is None:
        return ""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
