"""Areas next to each other, and groups served next to each other: for each section, the share of organisations
scoring 60% or more (the measure the trends use, so the words match).

Each column is exactly the dashboard's view for the same filters with that area (or group) chosen, and the first
column the view with none chosen: the same organisations, the same population and so the same noise as that view.
The side-by-side view therefore shows nothing that could not be had by changing the dashboard's filter, and no
difference between its columns says more than the dashboard's views already do (docs/privacy.md).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .. import queries
from ..disclosure import Cell, empty_buckets, show
from ..engine import Content
from .figures import high_share

AREA, GROUP = "area", "group"


@dataclass(frozen=True)
class ShareCell:
    share: int | None  # % scoring 60% or more, to the nearest 5; None when hidden
    text: str  # "65%", "fewer than 5" (organisations at 60% or more) or "fewer than 10" (organisations with a score)


@dataclass(frozen=True)
class Column:
    key: str | None  # the area or group; None for all of them
    label: str
    organisations: str  # organisations with a submitted audit, as it may be shown


@dataclass(frozen=True)
class ComparisonRow:
    section_id: str
    title: str
    cells: tuple[ShareCell, ...]  # one per column


@dataclass(frozen=True)
class Comparison:
    by: str  # AREA or GROUP
    columns: tuple[Column, ...]
    rows: tuple[ComparisonRow, ...]


def share_cell(buckets: list[Cell], population: Cell) -> ShareCell:
    """One section in one view, read as the trends read it (`figures.high_share`)."""
    return ShareCell(*high_share(buckets, population))


def _view(content: Content, filters: queries.Filters) -> tuple[str, list[ShareCell]]:
    population = queries.headline(filters).organisations_with_results
    buckets = queries.section_buckets(filters)
    cells = [share_cell(buckets.get(section.id, empty_buckets()), population) for section in content.sections]
    return show(population, population), cells


def comparison(content: Content, filters: queries.Filters, by: str, areas: dict[str, str] | None = None) -> Comparison:
    """Every area (or group served) next to all of them, with the filters' other choices kept. `areas`: the
    staff member's areas (code -> name), which must be those of `filters.system`; the content's, if not given."""
    area_labels = content.config.profile.areas if areas is None else areas
    labels = area_labels if by == AREA else content.config.profile.groups
    everyone = "All areas" if by == AREA else "All groups"
    columns, cells = [], []
    for key, label in [(None, everyone), *labels.items()]:
        organisations, view = _view(content, dataclasses.replace(filters, **{by: key}))
        columns.append(Column(key, label, organisations))
        cells.append(view)
    rows = tuple(
        ComparisonRow(section.id, section.title, tuple(column[index] for column in cells))
        for index, section in enumerate(content.sections)
    )
    return Comparison(by, tuple(columns), rows)
