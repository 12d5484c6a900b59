"""The SVG charts: accessible names, unique ids, and nothing drawn for hidden figures."""

from __future__ import annotations

from bs4 import BeautifulSoup
from inclusion_audit.coordinator.stats import Quartiles, position

from inclusion_audit.coordinator.charts import distribution_chart
from inclusion_audit.coordinator.figures import DistributionRow
from inclusion_audit.coordinator.trend_chart import Series, trend_chart

SPREAD = Quartiles(30, 45, 60)


def row(counts, spread=SPREAD) -> DistributionRow:
    texts = tuple("fewer than 5" if c is None else str(c) for c in counts)
    return DistributionRow("commitment", "Commitment <and> leadership", "25", counts, texts, spread)


def test_distribution_chart_draws_only_shown_counts():
    svg = BeautifulSoup(distribution_chart(row((None, 10, 15, 0, None)), chart_id="c1"), "html.parser").svg
    assert svg["role"] == "img" and svg["aria-labelledby"] == "c1-title c1-desc"
    assert svg.find("title")["id"] == "c1-title"
    assert "Commitment <and> leadership" in svg.find("title").get_text()  # escaped in the markup, read back as text
    texts = [t.get_text() for t in svg.find_all("text")]
    assert texts.count("fewer than 5") == 2
    # Two bars with height (10, 15), one zero-height bar, and the middle-half box.
    assert len(svg.find_all("rect")) == 4
    assert "Middle half: 30% to 60%. Median: 45%." in texts
    assert "0 to 19%: fewer than 5" in svg.find("desc").get_text()


def test_distribution_chart_without_enough_organisations_has_no_spread():
    svg = BeautifulSoup(distribution_chart(row((None,) * 5, spread=None), chart_id="c2"), "html.parser").svg
    assert not svg.find_all("rect")
    assert "hidden" in svg.find("desc").get_text()


def test_trend_chart_breaks_lines_at_hidden_quarters():
    series = [Series("A", (50, None, 60, 65)), Series("B", (40, 45, 50, 55))]
    quarters = [("Jan to Mar", "2026"), ("Apr to Jun", "2026"), ("Jul to Sep", "2026"), ("Oct to Dec", "2026")]
    svg = BeautifulSoup(trend_chart(series, quarters, chart_id="t", title="Medians"), "html.parser").svg
    coloured_lines = [line for line in svg.find_all("line") if line.get("stroke-width") == "2"]
    assert len(coloured_lines) == 1 + 3  # A: only the last two quarters join; B: all four
    description = svg.find("desc").get_text()
    assert "A: Jan to Mar 2026 50%, Apr to Jun 2026 hidden" in description
    assert svg.find("title").get_text() == "Medians"


def test_position_words():
    spread = Quartiles(40, 50, 60)
    assert position(61, spread) == "higher than about three quarters of similar organisations"
    assert position(39, spread) == "lower than about three quarters of similar organisations"
    assert position(40, spread) == position(60, spread) == "in the middle half of similar organisations"
