"""The small-number rule: the one place that decides whether a figure about organisations may be shown.

Every page and download that describes organisations passes its figures through here:

- a count of 1 to 4 organisations is never shown: it reads "fewer than 5";
- every other count is rounded to the nearest 5 (0 stays 0), so any sum or difference of shown
  counts is a multiple of 5. Subtracting one figure from another, on one page or across filters,
  can never give back a number from 1 to 4;
- a statistic (a median, a quartile, a position) is only shown when it describes 5 or more organisations.

Raw counts stay inside the query and figure-building code; templates and exports only see the output.
"""

from __future__ import annotations

from typing import TypeVar

THRESHOLD = 5
ROUND_TO = 5
FEWER = "fewer than 5"
NOTE = (
    "Counts are rounded to the nearest 5. Any figure about fewer than 5 organisations is shown as "
    "“fewer than 5”, so no organisation can be picked out, even by subtracting one figure from another."
)

T = TypeVar("T")


def is_small(count: int) -> bool:
    """True for 1 to 4: too few organisations to show anything about."""
    return 0 < count < THRESHOLD


def safe_count(count: int) -> int | None:
    """The count as it may be shown: None when suppressed, otherwise rounded to the nearest 5."""
    if count < 0:
        raise ValueError("a count cannot be negative")
    if is_small(count):
        return None
    return (count + ROUND_TO // 2) // ROUND_TO * ROUND_TO


def show_count(count: int) -> str:
    """The count as text for a page or a download."""
    shown = safe_count(count)
    return FEWER if shown is None else str(shown)


def safe_statistic(value: T, organisations: int) -> T | None:
    """A figure worked out from `organisations` of them, or None when that is fewer than 5 (or none)."""
    return value if organisations >= THRESHOLD else None


def show_statistic(value: int | None, organisations: int, suffix: str = "%") -> str:
    """A percentage statistic as text: 'fewer than 5' when too few organisations, '–' when there is none."""
    if organisations < THRESHOLD:
        return FEWER if organisations else "–"
    return "–" if value is None else f"{value}{suffix}"
