"""Everything the dashboard and the summary download show, gathered once for a set of filters."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import queries
from ..charts import Series, spread_chart, trend_chart
from ..disclosure import BAND_LABELS, FEWER, Cell
from ..engine import Content
from .figures import DistributionRow, GapRow, TrendRow, distribution_rows, gap_rows, headline_rows, trend_rows
from .filters import quarter_label

_SHORT_QUARTERS = ("Jan to Mar", "Apr to Jun", "Jul to Sep", "Oct to Dec")
TREND_TITLE = "Share of organisations scoring 60% or more in each section, by quarter"


@dataclass(frozen=True)
class DashboardData:
    headline: list[tuple[str, str]]
    distribution: list[DistributionRow]
    charts: dict[str, Markup]  # section id -> chart, only for sections with enough organisations
    trends: list[TrendRow]
    trend_labels: list[str]
    trend_chart: Markup | None
    gaps: list[GapRow]
    population: Cell  # organisations with a submitted audit in the view: every figure's perturbation uses it


def spread_of(row: DistributionRow, *, chart_id: str) -> Markup:
    """A section's spread of scores as a chart: only the counts its table shows."""
    return spread_chart(
        tuple(zip(BAND_LABELS, row.band_counts, strict=True)),
        title=f"{row.title}: spread of scores",
        description=row.description,
        note=f"Middle band: {row.middle}.",
        hidden=FEWER,
        chart_id=chart_id,
    )


def dashboard_data(content: Content, filters: queries.Filters) -> DashboardData:
    headline = queries.headline(filters)
    population = headline.organisations_with_results
    distribution = distribution_rows(content, queries.section_buckets(filters), population)
    organisations, buckets = queries.quarter_buckets(filters)
    trends = trend_rows(content, organisations, buckets)
    chart = None
    if any(value is not None for row in trends for value in row.shares):
        series = [
            Series(section.title, tuple(row.shares[index] for row in trends))
            for index, section in enumerate(content.sections)
        ]
        axis = [(_SHORT_QUARTERS[row.quarter - 1], str(row.year)) for row in trends]
        chart = trend_chart(series, axis, chart_id="trend", title=TREND_TITLE)
    return DashboardData(
        headline=headline_rows(headline),
        distribution=distribution,
        charts={
            row.section_id: spread_of(row, chart_id=f"spread-{row.section_id}") for row in distribution if row.enough
        },
        trends=trends,
        trend_labels=[quarter_label(row.year, row.quarter) for row in trends],
        trend_chart=chart,
        gaps=gap_rows(content, queries.question_gaps(filters), population),
        population=population,
    )
