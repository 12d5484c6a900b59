"""Dates and times written the GOV.UK way ("24 November 2026", "2:05pm"), the same on every server
whatever its locale. Times are stored in UTC and shown in UK time."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")

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


def format_date_time(moment: datetime.datetime | None) -> str:
    """'24 November 2026 at 2:05pm', in UK time, for a stored (UTC) moment."""
    if moment is None:
        return ""
    local = moment.replace(tzinfo=datetime.UTC).astimezone(UK)
    hour = local.hour % 12 or 12
    time = (
        "midday"
        if (local.hour, local.minute) == (12, 0)
        else f"{hour}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'}"
    )
    if time == "12:00am":
        time = "midnight"
    return f"{format_date(local)} at {time}"
