"""Rows for the side-by-side page's tables (offered to templates by the blueprint)."""

from __future__ import annotations

from ..govuk import FIGURES, Item, cell, numeric, table
from .side_by_side import AREA, Comparison

COUNT = "app-count"  # as in tables.py: figures drawn from counts, which disclosure may replace with words
TITLES = {
    AREA: "Areas side by side: share of organisations scoring 60% or more in each section",
    "group": "Groups served side by side: share of organisations scoring 60% or more in each section",
}


def comparison_table(data: Comparison) -> Item:
    """One row per area (or group), after the row for all of them; one column per section. Rows rather than
    columns for the areas and groups, so that eight groups' long names fit a desktop screen."""
    first = "Area" if data.by == AREA else "Group served"
    head = [cell(first), numeric("Organisations with a submitted audit"), *(numeric(row.title) for row in data.rows)]
    rows = [
        [
            cell(column.label),
            numeric(column.organisations, COUNT),
            *(numeric(row.cells[index].text) for row in data.rows),
        ]
        for index, column in enumerate(data.columns)
    ]
    return table(TITLES[data.by], head, rows, label_id=f"compare-{data.by}-caption", classes=FIGURES)


COMPARISON_GLOBALS = (comparison_table,)
