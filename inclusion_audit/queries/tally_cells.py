"""What one organisation adds to the dashboard's stored counts. Pure: no database, no Flask.

Every dashboard figure counts organisations by their *latest audit submitted in a period*. Three spans
cover the periods a coordinator can choose, so a view only has to add up stored counts:

- "current": the organisation's latest audit of all, filed under the month it was submitted. Any period
  with no end ("All time", "Last 12 months", "2026 so far") is the months from its start onwards.
- "quarter": its latest audit in each calendar quarter. A quarter on its own, and the quarterly trends.
- "year": its latest audit in each calendar year. "2025".

Each count is kept for everyone (scope "") and for each single profile filter ("area=corby",
"group=homelessness" ...). Views that combine two or more filters read the audits directly instead:
they cover fewer organisations, and storing every combination would take more room than the audits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from typing import NamedTuple

CURRENT, QUARTER, YEAR = "current", "quarter", "year"
RESULTS, SCORE, ANSWER = "results", "score", "answer"
GAP_VALUES = ("not_started", "dont_know")  # the answers the dashboard lists as common gaps
PROFILE_FIELDS = ("area", "org_type", "size_band")


class Cell(NamedTuple):
    scope: str
    span: str
    period: int
    measure: str
    item: str
    value: str


@dataclass(frozen=True)
class ProfileKeys:
    area: str | None
    org_type: str | None
    size_band: str | None
    groups: tuple[str, ...]


@dataclass(frozen=True)
class SubmittedAudit:
    id: int
    submitted_at: datetime


def month_number(when: datetime) -> int:
    return when.year * 12 + when.month - 1


def month_start(number: int) -> datetime:
    return datetime(number // 12, number % 12 + 1, 1)


def quarter_number(when: datetime) -> int:
    return when.year * 4 + (when.month - 1) // 3


def quarter_start(number: int) -> datetime:
    return datetime(number // 4, 3 * (number % 4) + 1, 1)


def year_quarter(number: int) -> tuple[int, int]:
    """(year, 1-4) for a quarter number, as the dashboard labels quarters."""
    return number // 4, number % 4 + 1


def type_and_size_scope(org_type: str, size_band: str) -> str:
    """The one two-answer scope: for the results page's "similar organisations" (same type or same size),
    counted as type + size - both. Kept for current audits' results and scores only."""
    return f"org_type={org_type}&size_band={size_band}"


def scopes_of(profile: ProfileKeys) -> list[str]:
    scopes = [""]
    scopes += [f"{name}={getattr(profile, name)}" for name in PROFILE_FIELDS if getattr(profile, name)]
    scopes += [f"group={group}" for group in profile.groups]
    if profile.org_type and profile.size_band:
        scopes.append(type_and_size_scope(profile.org_type, profile.size_band))
    return scopes


def _counted(scope: str, span: str, measure: str) -> bool:
    return "&" not in scope or (span == CURRENT and measure != ANSWER)


def scope_for(area: str | None, org_type: str | None, size_band: str | None, group: str | None) -> str | None:
    """The stored scope for a set of profile filters, or None when more than one is chosen."""
    values = zip((*PROFILE_FIELDS, "group"), (area, org_type, size_band, group), strict=True)
    chosen = [f"{name}={value}" for name, value in values if value]
    if len(chosen) > 1:
        return None
    return chosen[0] if chosen else ""


def bucket_of(percent: int) -> int:
    """The 10-point bucket a section score falls in: 0-9, 10-19 ... 90-100. The one definition, used both
    when building the tallies and when counting from the audits."""
    return min(max(percent, 0) // 10, 9)


def contributing(audits: Sequence[SubmittedAudit]) -> list[tuple[str, int, SubmittedAudit]]:
    """(span, period, audit) for each audit that counts: latest of all, latest per quarter, latest per year."""
    ordered = sorted(audits, key=lambda audit: (audit.submitted_at, audit.id))
    if not ordered:
        return []
    latest_in: dict[tuple[str, int], SubmittedAudit] = {}
    for audit in ordered:  # later audits overwrite earlier ones in the same quarter or year
        latest_in[QUARTER, quarter_number(audit.submitted_at)] = audit
        latest_in[YEAR, audit.submitted_at.year] = audit
    last = ordered[-1]
    chosen = [(CURRENT, month_number(last.submitted_at), last)]
    return chosen + [(span, period, audit) for (span, period), audit in latest_in.items()]


Slots = dict[int, tuple[int, list[tuple[str, int]]]]  # audit id -> (organisation id, [(span, period)])


def slots_of(audits_by_organisation: dict[int, list[SubmittedAudit]]) -> Slots:
    """Where each audit that counts is counted."""
    slots: Slots = {}
    for organisation_id, audits in audits_by_organisation.items():
        for span, period, audit in contributing(audits):
            slots.setdefault(audit.id, (organisation_id, []))[1].append((span, period))
    return slots


def count_cells(
    scopes: dict[int, list[str]], slots: Slots, facts: Iterable[tuple[int, str, str, str]]
) -> Counter[Cell]:
    """Add up the cells for (audit id, measure, item, value) facts, each counted in every slot of its
    audit and every scope of its organisation. Facts about audits without a slot are skipped."""
    # A rebuild counts tens of millions of cells. To keep that in C, each audit gets a list of small
    # numbers standing for its (scope, span, period) prefixes; the lists are gathered per fact and
    # counted in one Counter call each. (Tuples as keys would be hashed again at every step.)
    prefix_numbers: dict[tuple[str, str, int], int] = {}
    prefixes: dict[tuple[int, bool], list[int]] = {}  # (audit id, is an answer) -> prefix numbers
    lists_by_fact: dict[tuple[str, str, str], list[list[int]]] = {}
    for audit_id, measure, item, value in facts:
        wanted = prefixes.get((audit_id, measure == ANSWER))
        if wanted is None:
            organisation_id, places = slots.get(audit_id, (0, []))
            keys = [
                (scope, span, period)
                for scope in scopes.get(organisation_id, ())
                for span, period in places
                if _counted(scope, span, measure)
            ]
            wanted = [prefix_numbers.setdefault(key, len(prefix_numbers)) for key in keys]
            prefixes[audit_id, measure == ANSWER] = wanted
        if wanted:
            lists_by_fact.setdefault((measure, item, value), []).append(wanted)
    prefix_of = {number: key for key, number in prefix_numbers.items()}
    counts: Counter[Cell] = Counter()
    for tail, lists in lists_by_fact.items():
        for number, n in Counter(chain.from_iterable(lists)).items():
            counts[Cell(*prefix_of[number], *tail)] = n
    return counts
