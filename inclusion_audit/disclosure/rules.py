"""The output rules: after perturbation, anything under 5 reads "fewer than 5", zero included.

Zero looks like any other small count, so "fewer than 5" never says whether a group is empty. A figure that is
not a count (a share, a typical band) is only worked out from perturbed counts, and only when the population's
perturbed count is at least `SUMMARY_MINIMUM`.
"""

from __future__ import annotations

from .cells import Cell
from .perturbation import perturbed

THRESHOLD = 5
SUMMARY_MINIMUM = 10
FEWER = "fewer than 5"


def disclose(cell: Cell, population: Cell, kind: str = "") -> int | None:
    """The count as it may be shown: None for "fewer than 5", otherwise the perturbed count."""
    shown = perturbed(cell, population, kind)
    return shown if shown >= THRESHOLD else None


def show(cell: Cell, population: Cell, kind: str = "") -> str:
    """The count as text for a page or a download."""
    shown = disclose(cell, population, kind)
    return FEWER if shown is None else str(shown)
