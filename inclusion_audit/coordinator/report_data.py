"""The board report's contents, once, in order: both documents (PDF and Word) lay out the same list, so their
headings, numbered figures and tables, and source lines can never differ.

Every figure comes from the dashboard's own figures (`dashboard_data`), the needs rows (`needs_rows`) and the
pipeline counts, all of which have been through disclosure control; nothing here counts anything.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..dates import format_date
from ..disclosure import BAND_LABELS
from ..engine import Content
from .explanation import ABOUT_FIGURES
from .figures import DISTRIBUTION_HEADER, MIDDLE_HIDDEN, DistributionRow, distribution_table
from .needs import ORDER_NOTE, NeedRow
from .pipeline_figures import UNVERIFIED_LABEL, PipelineCounts
from .view_data import TREND_TITLE, DashboardData

TITLE = "Inclusion health self-audits: report"
SOURCE = "Source: Inclusion health self-audits, verified organisations, {filters}, {day}."
PIPELINE_SOURCE = (
    "Source: Inclusion health self-audits, verified organisations, {filters} (any period: where organisations are "
    "on the day), {day}."
)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: a numbered part of the report; 2: a heading inside one


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class TableItem:
    number: int
    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    source: str

    @property
    def caption(self) -> str:
        return f"Table {self.number}: {self.title}"


@dataclass(frozen=True)
class SpreadFigure:
    number: int
    title: str
    row: DistributionRow
    source: str

    @property
    def caption(self) -> str:
        return f"Figure {self.number}: {self.title}"

    def table(self) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        """The figure's numbers as a table: what the Word document shows, and what the chart draws."""
        return ("Score", "Organisations"), list(zip(BAND_LABELS, self.row.band_texts, strict=True))


@dataclass(frozen=True)
class TrendFigure:
    number: int
    title: str
    quarters: list[str]
    series: list[tuple[str, tuple[int | None, ...]]]  # (section title, share per quarter; None when hidden)
    source: str

    @property
    def caption(self) -> str:
        return f"Figure {self.number}: {self.title}"

    def table(self) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
        header = ("Quarter", *(title for title, _ in self.series))
        rows = [
            (quarter, *(MIDDLE_HIDDEN if values[i] is None else f"{values[i]}%" for _, values in self.series))
            for i, quarter in enumerate(self.quarters)
        ]
        return header, rows


Item = Heading | Text | TableItem | SpreadFigure | TrendFigure


@dataclass(frozen=True)
class BoardReport:
    made_on: datetime.date
    filters: str  # the dashboard's filters in words
    items: list[Item]

    @property
    def made_on_text(self) -> str:
        return format_date(self.made_on)


class _Numbers:
    def __init__(self) -> None:
        self.figures = self.tables = 0

    def figure(self) -> int:
        self.figures += 1
        return self.figures

    def table(self) -> int:
        self.tables += 1
        return self.tables


def board_report(
    content: Content,
    data: DashboardData,
    needs: list[NeedRow],
    pipeline: PipelineCounts,
    *,
    filters: str,
    pipeline_filters: str,
    made_on: datetime.date,
) -> BoardReport:
    """The report for one filtered view of the dashboard, made on `made_on`."""
    day = format_date(made_on)
    source = SOURCE.format(filters=filters, day=day)
    number = _Numbers()
    items: list[Item] = [
        Heading("1. Headline figures"),
        Text(f"Showing: {filters}. Figures come from each organisation's latest submitted audit."),
        TableItem(number.table(), "Headline figures", ("Figure", "Organisations"), list(data.headline), source),
        Heading("2. Spread of scores in each section"),
        Text(
            "How many organisations scored in each 20-point band, in each section of the audit. A section is only "
            "drawn when enough organisations have a score in it."
        ),
    ]
    items += [
        SpreadFigure(number.figure(), f"{row.title}: organisations in each band of score", row, source)
        for row in data.distribution
        if row.enough
    ]
    items.append(
        TableItem(
            number.table(),
            "Spread of scores in each section: number of organisations",
            DISTRIBUTION_HEADER,
            distribution_table(data.distribution),
            source,
        )
    )
    items.append(Heading("3. Trends"))
    items += _trends(content, data, number, source)
    items += [
        Heading("4. Training needs by topic"),
        Text(
            "Organisations that need a topic answered “not started” or “early steps” to one of its questions. "
            f"“Not sure” is counted apart. {ORDER_NOTE}"
        ),
        TableItem(
            number.table(),
            "Training needs by topic",
            ("Rank", "Training topic", "Organisations that need it", "Share", "Not sure", "Share not sure"),
            [
                (
                    "–" if row.rank is None else str(row.rank),
                    row.title,
                    row.need_text,
                    row.need_share_text,
                    row.unsure_text,
                    row.unsure_share_text,
                )
                for row in needs
            ],
            source,
        ),
        Heading("5. Pipeline"),
        Text(
            "Where organisations are today. Each verified organisation is counted in one of rows 2 to 4 (one that has "
            "started to repeat its audit counts as “audit started, not submitted”); rows 5 and 6 count some of those "
            "with a submitted audit. The last row counts organisations not verified yet, which no other row counts. "
            "The period filter does not apply here."
        ),
        TableItem(
            number.table(),
            "Where organisations are",
            ("Where they are", "Organisations"),
            [*pipeline.rows, (UNVERIFIED_LABEL, pipeline.unverified)],
            PIPELINE_SOURCE.format(filters=pipeline_filters or "all organisations", day=day),
        ),
        Heading("6. About these figures"),
    ]
    for title, text in ABOUT_FIGURES:
        items += [Heading(title, 2), Text(text)]
    return BoardReport(made_on, filters, items)


def _trends(content: Content, data: DashboardData, number: _Numbers, source: str) -> list[Item]:
    if not data.trends:
        return [Text("No quarter in this view has enough organisations to show a trend.")]
    items: list[Item] = []
    if data.trend_chart is not None:  # the dashboard draws one: at least one share may be shown
        series = [
            (section.title, tuple(row.shares[i] for row in data.trends)) for i, section in enumerate(content.sections)
        ]
        items.append(TrendFigure(number.figure(), TREND_TITLE, list(data.trend_labels), series, source))
    items.append(
        TableItem(
            number.table(),
            TREND_TITLE,
            ("Quarter", "Organisations", *(section.title for section in content.sections)),
            [
                (label, row.organisations, *row.share_texts)
                for label, row in zip(data.trend_labels, data.trends, strict=True)
            ],
            source,
        )
    )
    return items
