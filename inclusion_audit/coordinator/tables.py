"""Rows for the coordinator pages' tables and summary lists (offered to templates by the blueprint)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask import url_for
from markupsafe import Markup

from ..dates import format_date
from ..engine.schema import ProfileLists
from ..govuk import DASH, FIGURES, SMALL_TEXT, Item, cell, numeric, summary_list, table
from ..queries import AccessEntry, SharedOrganisation
from .figures import DISTRIBUTION_HEADER, DistributionRow, TrendRow

COUNT = "app-count"  # figures drawn from counts of organisations, which disclosure may replace with words


def headline_list(headline: Sequence[tuple[str, str]]) -> Item:
    return summary_list(headline, value_classes=COUNT)


def spread_table(distribution: Sequence[DistributionRow]) -> Item:
    first, *figures = DISTRIBUTION_HEADER
    rows = [
        [
            cell(row.title),
            numeric(row.organisations, COUNT),
            *(numeric(text, COUNT) for text in row.band_texts),
            numeric(row.middle),
        ]
        for row in distribution
    ]
    return table(
        "Spread of scores in each section: number of organisations",
        [cell(first), *(numeric(heading) for heading in figures)],
        rows,
        label_id="spread-table-caption",
        classes=FIGURES,
    )


def trend_table(trends: Sequence[TrendRow], labels: Sequence[str], distribution: Sequence[DistributionRow]) -> Item:
    rows = [
        [cell(label), numeric(row.organisations, COUNT), *(numeric(text) for text in row.share_texts)]
        for row, label in zip(trends, labels, strict=True)
    ]
    return table(
        "Share of organisations scoring 60% or more in each section, by quarter",
        [cell("Quarter"), numeric("Organisations"), *(numeric(row.title) for row in distribution)],
        rows,
        label_id="trend-table-caption",
        classes=FIGURES,
    )


def organisations_table(organisations: Sequence[SharedOrganisation], lists: ProfileLists) -> Item:
    """The organisations sharing by name; each name links to its organisation page."""
    rows = []
    for org in organisations:
        href = url_for("coordinator.organisation", organisation_id=org.id)
        name = Markup('<a class="govuk-link" href="{}">{}</a>').format(href, org.name)
        rows.append(
            [
                cell(name),
                cell(lists.areas.get(org.area, "Not given")),
                cell(lists.org_types.get(org.org_type, "Not given")),
                cell(lists.size_bands.get(org.size_band, "Not given")),
                cell(format_date(org.submitted_at) if org.submitted_at else "Not submitted yet"),
                numeric(f"{org.overall_percent}%" if org.overall_percent is not None else DASH),
            ]
        )
    count = len(organisations)
    head = ["Organisation", "Area", "Type", "Size", "Latest audit"]
    return table(
        f"{count} organisation{'s' if count != 1 else ''}",
        [*(cell(heading) for heading in head), numeric("All sections together")],
        rows,
        caption_size="m",
        label_id="organisations-table-caption",
    )


def _organisation_of(entry: AccessEntry) -> str:
    if entry.organisation_name:
        return entry.organisation_name
    if entry.organisation_id:
        return f"Organisation {entry.organisation_id}"
    return "Deleted organisation" if entry.action.startswith(("view", "sharing")) else DASH


def access_log_table(
    entries: Sequence[AccessEntry], actions: Mapping[str, str], total: int, page: int, last_page: int
) -> Item:
    rows = [
        [
            cell(entry.at.strftime("%d %b %Y %H:%M"), classes="app-nowrap"),
            cell(entry.user_email),
            cell(actions.get(entry.action, entry.action)),
            cell(_organisation_of(entry)),
            cell(entry.detail or DASH),
        ]
        for entry in entries
    ]
    return table(
        f"{total} entr{'ies' if total != 1 else 'y'}, page {page} of {last_page}",
        [cell(heading) for heading in ("When (UTC)", "Who", "What", "Organisation", "Details")],
        rows,
        label_id="access-log-caption",
        row_headers=False,
        classes=SMALL_TEXT,
    )


def plans_table(sections) -> Item:
    """Actions done by section (figures already through disclosure control)."""
    rows = [
        [cell(row.title), numeric(row.organisations, classes="app-count"), numeric(row.actions, classes="app-count")]
        for row in sections
    ]
    return table(
        "Actions done, by the section they are about",
        [cell("Section"), numeric("Organisations that have done one or more"), numeric("Actions done")],
        rows,
        label_id="plans-caption",
    )


TEMPLATE_GLOBALS = (
    plans_table,
    headline_list,
    spread_table,
    trend_table,
    organisations_table,
    access_log_table,
)
