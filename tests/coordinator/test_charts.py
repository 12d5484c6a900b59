"""The SVG charts: accessible names, unique ids, and nothing drawn for hidden figures."""

from __future__ import annotations

from bs4 import BeautifulSoup

from inclusion_audit.charts import Block, Series, comparison_chart, trend_chart
from inclusion_audit.coordinator.figures import DistributionRow
from inclusion_audit.coordinator.view_data import spread_of


def row(counts, organisations="25", middle="40 to 59%") -> DistributionRow:
    texts = tuple("fewer than 5" if c is None else str(c) for c in counts)
    return DistributionRow("commitment", "Commitment <and> leadership", organisations, counts, texts, middle)


def test_distribution_chart_draws_only_shown_counts():
    svg = BeautifulSoup(spread_of(row((None, 10, 15, 6, None)), chart_id="c1"), "html.parser").svg
    assert svg["role"] == "img" and svg["aria-labelledby"] == "c1-title c1-desc"
    assert svg.find("title")["id"] == "c1-title"
    assert "Commitment <and> leadership" in svg.find("title").get_text()  # escaped in the markup, read back as text
    texts = [t.get_text() for t in svg.find_all("text")]
    assert texts.count("fewer than 5") == 2
    # One bar for each band shown; nothing drawn for "fewer than 5"; no box for a middle half.
    assert len(svg.find_all("rect")) == 3
    assert [t for t in texts if t.isdigit()] == ["15", "0", "10", "15", "6"]  # the scale's top and 0, then bars
    assert "Middle band: 40 to 59%." in texts
    assert "Median" not in svg.get_text()
    assert "0 to 19%: fewer than 5" in svg.find("desc").get_text()


def test_distribution_chart_without_enough_organisations_has_no_spread():
    chart = spread_of(row((None,) * 5, organisations="fewer than 5", middle="fewer than 10"), chart_id="c2")
    svg = BeautifulSoup(chart, "html.parser").svg
    assert not svg.find_all("rect")
    assert "hidden" in svg.find("desc").get_text()


def test_trend_chart_breaks_lines_at_hidden_quarters():
    series = [Series("A", (50, None, 60, 65)), Series("B", (40, 45, 50, 55))]
    quarters = [("Jan to Mar", "2026"), ("Apr to Jun", "2026"), ("Jul to Sep", "2026"), ("Oct to Dec", "2026")]
    svg = BeautifulSoup(trend_chart(series, quarters, chart_id="t", title="Shares"), "html.parser").svg
    coloured_lines = [line for line in svg.find_all("line") if line.get("stroke-width") == "2"]
    assert len(coloured_lines) == 1 + 3  # A: only the last two quarters join; B: all four
    description = svg.find("desc").get_text()
    assert "A: Jan to Mar 2026 50%, Apr to Jun 2026 hidden" in description
    assert svg.find("title").get_text() == "Shares"


def test_comparison_chart_draws_bars_only_for_shown_shares():
    blocks = [
        Block("Commitment <and> leadership", (("All areas", 60, "60%"), ("North", None, "fewer than 5"))),
        Block("Access", (("All areas", 45, "45%"), ("North", None, "fewer than 10"))),
    ]
    svg = BeautifulSoup(comparison_chart(blocks, title="Side", chart_id="cmp"), "html.parser").svg
    assert svg["aria-labelledby"] == "cmp-title cmp-desc"
    assert len(svg.find_all("rect")) == 2
    texts = [t.get_text() for t in svg.find_all("text")]
    assert "fewer than 5" in texts and "fewer than 10" in texts and "60%" in texts
    assert "Commitment <and> leadership: All areas 60%; North fewer than 5." in svg.find("desc").get_text()
