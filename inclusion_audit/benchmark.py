"""Where an organisation's results sit among similar organisations (same type or same size).

Shown on the organisation's own results page. Like the coordinator figures, it counts verified organisations
only and is worked out from perturbed counts (`disclosure`): the band that holds the middle of the similar
organisations, only when at least 10 of them have a score, and never anything about one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import queries
from .disclosure import BAND_LABELS, SUMMARY_MINIMUM, band_of, bands_of, empty_buckets, middle_band, perturbed, show
from .engine import Guide


@dataclass(frozen=True)
class BenchmarkRow:
    title: str
    score: str
    middle: str  # the band holding the middle similar organisation
    where: str  # for the table


@dataclass(frozen=True)
class Benchmark:
    organisations: str  # how many similar organisations, perturbed like every other count
    rows: list[BenchmarkRow]


def _where(percent: int, middle: int) -> str:
    own = band_of(percent)
    if own > middle:
        return "in a higher band than the middle of similar organisations"
    if own < middle:
        return "in a lower band than the middle of similar organisations"
    return "in the same band as the middle of similar organisations"


def benchmark_for(organisation_id: int, guide: Guide) -> Benchmark | None:
    """None when fewer than 10 other similar organisations (after perturbation) have results to compare with."""
    profile = guide.profile
    population, buckets = queries.similar_buckets(organisation_id, profile.org_type, profile.size_band)
    if perturbed(population, population) < SUMMARY_MINIMUM:
        return None
    rows = []
    for section in guide.sections:
        result = section.result
        middle = middle_band(bands_of(buckets.get(result.section_id, empty_buckets())), population)
        score = "No score" if result.percent is None else f"{result.percent}%"
        if middle is None:
            rows.append(BenchmarkRow(result.title, score, "Not enough to compare", "Not enough to compare"))
        elif result.percent is None:
            rows.append(BenchmarkRow(result.title, score, BAND_LABELS[middle], "No score to compare"))
        else:
            where = _where(result.percent, middle)
            rows.append(BenchmarkRow(result.title, score, BAND_LABELS[middle], where[0].upper() + where[1:]))
    return Benchmark(organisations=show(population, population), rows=rows)
