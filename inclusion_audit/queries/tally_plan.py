"""Which stored counts answer a period, and which parts of it must be read from the audits. Pure.

A period is [start, end): either may be None (no limit). The tallies hold whole months (current span),
quarters and years, so a period that starts part-way through a month ("Last 12 months" on the 15th) is
the whole months after it from the tallies plus a *piece* for the days before, read from the audits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .tally_cells import CURRENT, QUARTER, YEAR, month_number, month_start, quarter_number, quarter_start


@dataclass(frozen=True)
class Piece:
    """Organisations' latest audits in [start, end), counted only if submitted before `before`."""

    start: datetime | None
    end: datetime | None
    before: datetime | None = None


@dataclass(frozen=True)
class Plan:
    span: str
    first: int | None  # first and last period numbers to add up, inclusive; None means no limit
    last: int | None
    pieces: tuple[Piece, ...] = ()

    @property
    def has_range(self) -> bool:
        return self.first is None or self.last is None or self.first <= self.last


def latest_plan(start: datetime | None, end: datetime | None) -> Plan | None:
    """How to count each organisation's latest audit in the period; None if the tallies cannot help."""
    if end is None:
        if start is None:
            return Plan(CURRENT, None, None)
        month = month_number(start)
        if start == month_start(month):
            return Plan(CURRENT, month, None)
        following = month_start(month + 1)
        # The latest audit of all, if it falls in the rest of the first month, is read from the audits.
        return Plan(CURRENT, month + 1, None, (Piece(start, None, before=following),))
    if start is None:
        return None
    if start == datetime(start.year, 1, 1) and end == datetime(start.year + 1, 1, 1):
        return Plan(YEAR, start.year, start.year)
    quarter = quarter_number(start)
    if start == quarter_start(quarter) and end == quarter_start(quarter + 1):
        return Plan(QUARTER, quarter, quarter)
    return None


def quarter_plan(start: datetime | None, end: datetime | None) -> Plan:
    """How to count each quarter's latest audits within the period: whole quarters stored, partial ones read."""
    pieces = []
    first = None if start is None else quarter_number(start)
    if start is not None and start != quarter_start(first):
        following = quarter_start(first + 1)
        pieces.append(Piece(start, following if end is None else min(end, following)))
        first += 1
    last = None
    if end is not None:
        closing = quarter_number(end)
        last = closing - 1
        opened = quarter_start(closing)
        covered = bool(pieces) and quarter_number(pieces[0].start) == closing  # start and end in one quarter
        if end != opened and not covered:
            pieces.append(Piece(opened if start is None else max(start, opened), end))
    return Plan(QUARTER, first, last, tuple(pieces))
