"""Rows for the needs page's table and the dashboard's short list (offered to templates by the blueprint)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup

from ..govuk import DASH, FIGURES, Item, cell, numeric, table
from .needs import NeedRow
from .training import Offer

COUNT = "app-count"  # as in tables.py: figures drawn from counts, which disclosure may replace with words
NONE_LISTED = "None listed"


def _offers(offers: Sequence[Offer], several_areas: bool) -> Markup | str:
    if not offers:
        return NONE_LISTED
    items = []
    for offer in offers:
        title = (
            Markup('<a class="govuk-link" href="{}">{}</a>').format(offer.url, offer.title)
            if offer.url
            else offer.title
        )
        where = f"{offer.publisher}; {' and '.join(offer.areas)}" if several_areas else offer.publisher
        items.append(Markup('<li>{}<br><span class="app-secondary-text">{}</span></li>').format(title, where))
    return Markup('<ul class="govuk-list govuk-body-s">{}</ul>').format(Markup("").join(items))


def needs_table(rows: Sequence[NeedRow], offers: Mapping[str, Sequence[Offer]], several_areas: bool) -> Item:
    body = [
        [
            numeric(DASH if row.rank is None else row.rank),
            cell(row.title),
            numeric(row.need_text, COUNT),
            numeric(row.need_share_text),
            numeric(row.unsure_text, COUNT),
            cell(_offers(offers.get(row.topic_id, ()), several_areas)),
        ]
        for row in rows
    ]
    head = [
        numeric("Rank"),
        cell("Training topic"),
        numeric("Organisations that need it"),
        numeric("Share of organisations"),
        numeric("Not sure, not counted as needing it"),
        cell("Local training"),
    ]
    return table(
        "Training topics by the number of organisations that need them",
        head,
        body,
        label_id="needs-table-caption",
        row_headers=False,
        classes=FIGURES,
    )


def top_needs_table(rows: Sequence[NeedRow]) -> Item:
    """The dashboard's short list: the ranked topics only."""
    body = [
        [numeric(row.rank), cell(row.title), numeric(row.need_text, COUNT), numeric(row.need_share_text)]
        for row in rows
    ]
    head = [numeric("Rank"), cell("Training topic"), numeric("Organisations that need it"), numeric("Share")]
    return table(
        "Training topics most needed", head, body, label_id="top-needs-caption", row_headers=False, classes=FIGURES
    )


NEEDS_GLOBALS = (needs_table, top_needs_table)
