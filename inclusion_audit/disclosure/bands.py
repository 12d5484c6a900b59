"""Scores in bands, and the only summaries of them that are ever shown.

The database counts section scores in ten 10-point buckets; pages show five 20-point bands. No median or
quartile is worked out from true counts: the one summary, the band holding the middle organisation, comes from
perturbed band counts, and only for at least `SUMMARY_MINIMUM` organisations (perturbed too).
"""

from __future__ import annotations

from collections.abc import Sequence

from .cells import Cell, total
from .perturbation import Kind, perturbed
from .rules import SUMMARY_MINIMUM

BUCKETS = 10
BAND_LABELS = ("0 to 19%", "20 to 39%", "40 to 59%", "60 to 79%", "80 to 100%")


def empty_buckets() -> list[Cell]:
    return [Cell()] * BUCKETS


def bands_of(buckets: Sequence[Cell]) -> list[Cell]:
    """Ten 10-point buckets merged into the five 20-point bands."""
    return [buckets[i] + buckets[i + 1] for i in range(0, BUCKETS, 2)]


def band_of(percent: int) -> int:
    return min(percent // 20, len(BAND_LABELS) - 1)


def middle_band(bands: Sequence[Cell], population: Cell) -> int | None:
    """The band holding the middle organisation by the perturbed band counts, or None below the minimum."""
    counts = [perturbed(band, population, Kind.BAND) for band in bands]
    if perturbed(total(bands), population, Kind.SCORED) < SUMMARY_MINIMUM or not sum(counts):
        return None
    below = 0
    for index, count in enumerate(counts):
        below += count
        if 2 * below >= sum(counts):
            return index
    return None  # not reached: the last band always brings `below` to the sum


def share(part: Cell, whole: Cell, population: Cell, part_kind: str = "", whole_kind: str = "") -> int | None:
    """`part` as a percentage of `whole`, from perturbed counts (each with its kind), to the nearest 5; None below
    the minimum."""
    of = perturbed(whole, population, whole_kind)
    if of < SUMMARY_MINIMUM:
        return None
    return min(100, round(100 * perturbed(part, population, part_kind) / of / 5) * 5)
