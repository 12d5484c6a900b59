"""Where an organisation's results sit among similar organisations (same type or same size).

Shown on the organisation's own results page. Only when at least 5 other similar organisations have
submitted an audit, and only as the middle half and median: never anything about one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import queries
from ..engine import Guide
from .stats import empty_buckets, position, quartiles
from .suppression import THRESHOLD, safe_statistic, show_count


@dataclass(frozen=True)
class BenchmarkRow:
    title: str
    score: str
    middle_half: str
    median: str
    where: str  # for the table
    sentence: str  # for the summary list


@dataclass(frozen=True)
class Benchmark:
    organisations: str  # how many similar organisations, rounded like every other count
    rows: list[BenchmarkRow]


def benchmark_for(organisation_id: int, guide: Guide) -> Benchmark | None:
    """None when fewer than 5 other similar organisations have results to compare with."""
    profile = guide.profile
    count, buckets = queries.similar_buckets(organisation_id, profile.org_type, profile.size_band)
    if count < THRESHOLD:
        return None
    rows = []
    for section in guide.sections:
        result = section.result
        counts = buckets.get(result.section_id, empty_buckets())
        spread = safe_statistic(quartiles(counts), sum(counts))
        score = "No score" if result.percent is None else f"{result.percent}%"
        if spread is None:
            few = "not enough similar organisations have a score to compare with"
            rows.append(BenchmarkRow(result.title, score, "Not enough to compare", "–", "Not enough to compare", few))
        elif result.percent is None:
            none = "you do not have a score to compare"
            middle = f"{spread.lower}% to {spread.upper}%"
            rows.append(BenchmarkRow(result.title, score, middle, f"{spread.median}%", "No score to compare", none))
        else:
            where = position(result.percent, spread)
            rows.append(
                BenchmarkRow(
                    result.title,
                    score,
                    f"{spread.lower}% to {spread.upper}%",
                    f"{spread.median}%",
                    where[0].upper() + where[1:],
                    f"your score of {score} is {where}",
                )
            )
    return Benchmark(organisations=show_count(count), rows=rows)
