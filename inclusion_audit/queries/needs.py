"""Training needs: how many organisations need each training topic, from the stored figures (or, for two or more
profile filters, the same rows counted from the audits), as the dashboard's other figures are.

The definition is in `need_definition`: each organisation counts once per topic, by its latest audit in the view,
either as needing the topic or as unsure of it, never both. Raw cells come back: the caller passes them through
`disclosure` before showing them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..disclosure import Cell
from .dashboard import latest_counts
from .latest import Filters
from .need_definition import NEED, UNSURE, low_values

__all__ = ["NEED", "UNSURE", "TopicCells", "low_values", "topic_cells"]


@dataclass(frozen=True)
class TopicCells:
    need: Cell  # organisations with at least one of the topic's questions at a low level
    unsure: Cell  # organisations with none at a low level but at least one "Not sure"


def topic_cells(filters: Filters) -> dict[str, TopicCells]:
    """Topic id -> its cells, for the verified organisations matching the filters (latest audit in the period).
    Topics no organisation needs or is unsure of are left out; the caller lists every topic."""
    cells: dict[str, dict[str, Cell]] = {}
    for (_, topic, value), cell in latest_counts(filters, NEED).items():
        cells.setdefault(topic, {})[value] = cell
    return {topic: TopicCells(c.get(NEED, Cell()), c.get(UNSURE, Cell())) for topic, c in cells.items()}
