"""Parameters for the GOV.UK Frontend table and summary list macros (govukTable, govukSummaryList).

Each page's rows are built in Python by its package's `tables.py`, which the blueprint offers to templates
as globals, so a template only calls the macro: `{{ govukSummaryList(stages_list(bands)) }}`. Wide tables go
through the `scrolling_table` macro (templates/macros/tables.html), whose scrolling region takes its name
from the caption. A value that is `Markup` becomes the item's `html`; anything else is escaped `text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

Item = dict[str, Any]

SMALL_TEXT = "govuk-table--small-text-until-tablet"
FIGURES = "app-table--figures"  # many columns of figures: small text at every width (static/scss/app.scss)
DASH = "–"  # an empty cell, or a figure that does not apply


def content(value: Any) -> Item:
    return {"html": value} if isinstance(value, Markup) else {"text": str(value)}


def cell(value: Any, *, numeric: bool = False, classes: str = "") -> Item:
    item = content(value)
    if numeric:
        item["format"] = "numeric"
    if classes:
        item["classes"] = classes
    return item


def numeric(value: Any, classes: str = "") -> Item:
    return cell(value, numeric=True, classes=classes)


def table(
    caption: str,
    head: Iterable[Item],
    rows: Iterable[list[Item]],
    *,
    caption_size: str = "s",
    label_id: str | None = None,
    row_headers: bool = True,
    classes: str = "",
) -> Item:
    """govukTable parameters. `label_id` names the caption for a scrolling region around the table;
    `row_headers` makes each row's first cell its header."""
    params: Item = {
        "caption": Markup('<span id="{}">{}</span>').format(label_id, caption) if label_id else caption,
        "captionClasses": f"govuk-table__caption--{caption_size}",
        "firstCellIsHeader": row_headers,
        "head": list(head),
        "rows": [list(row) for row in rows],
    }
    if label_id:
        params["labelId"] = label_id
    if classes:
        params["classes"] = classes
    return params


def summary_list(pairs: Iterable[tuple[Any, Any]], *, value_classes: str = "", classes: str = "") -> Item:
    """govukSummaryList parameters for (key, value) pairs without actions."""
    rows = []
    for key, value in pairs:
        row_value = content(value)
        if value_classes:
            row_value["classes"] = value_classes
        rows.append({"key": content(key), "value": row_value})
    params: Item = {"rows": rows}
    if classes:
        params["classes"] = classes
    return params
