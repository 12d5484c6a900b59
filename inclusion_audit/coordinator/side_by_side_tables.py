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
    head = [cell("Section"), *(numeric(column.label) for column in data.columns)]
    rows = [[cell("Organisations with a submitted audit"), *(numeric(c.organisations, COUNT) for c in data.columns)]]
    rows += [[cell(row.title), *(numeric(share.text) for share in row.cells)] for row in data.rows]
    return table(TITLES[data.by], head, rows, label_id=f"compare-{data.by}-caption", classes=FIGURES)


COMPARISON_GLOBALS = (comparison_table,)
