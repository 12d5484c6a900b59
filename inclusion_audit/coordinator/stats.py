"""Figures worked out from small histograms that SQL returns, never from every score.

The database counts section scores in ten 10-point buckets (0-9, 10-19, ... 90-100). Quartiles are then
estimated the way grouped data usually is: assume the scores in a bucket are spread evenly across it.
That makes medians and quartiles approximate (to within a bucket), which is also kinder to privacy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

BUCKETS = 10
BUCKET_WIDTH = 10
# The bands shown on charts and tables: pairs of buckets.
BAND_LABELS = ("0 to 19%", "20 to 39%", "40 to 59%", "60 to 79%", "80 to 100%")


def empty_buckets() -> list[int]:
    return [0] * BUCKETS


def bands_of(buckets: Sequence[int]) -> list[int]:
    """Ten 10-point buckets merged into the five 20-point bands."""
    return [buckets[i] + buckets[i + 1] for i in range(0, BUCKETS, 2)]


def quantile(buckets: Sequence[int], fraction: float) -> int | None:
    """Estimate a quantile (0.5 is the median) from bucket counts; None if there are no scores."""
    total = sum(buckets)
    if total == 0:
        return None
    target = fraction * total
    below = 0
    for index, count in enumerate(buckets):
        if count and below + count >= target:
            # Linear interpolation inside the bucket: the usual estimate for grouped data.
            value = index * BUCKET_WIDTH + BUCKET_WIDTH * (target - below) / count
            return min(int(value + 0.5), 100)  # half up, as people round by hand
        below += count
    return 100  # not reached: the loop always finds the bucket holding the target


@dataclass(frozen=True)
class Quartiles:
    lower: int | None
    median: int | None
    upper: int | None

    def as_tuple(self) -> tuple[int | None, int | None, int | None]:
        return self.lower, self.median, self.upper


def quartiles(buckets: Sequence[int]) -> Quartiles:
    return Quartiles(quantile(buckets, 0.25), quantile(buckets, 0.5), quantile(buckets, 0.75))


def position(score: int, spread: Quartiles) -> str:
    """Where one score sits among others, in words an organisation can act on."""
    if spread.lower is None or spread.upper is None:
        return ""
    if score > spread.upper:
        return "higher than about three quarters of similar organisations"
    if score < spread.lower:
        return "lower than about three quarters of similar organisations"
    return "in the middle half of similar organisations"
