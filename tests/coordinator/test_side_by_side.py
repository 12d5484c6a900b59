"""Areas and groups side by side: each column is the dashboard's view for that area or group, small cells hidden."""

from __future__ import annotations

import pytest

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.side_by_side import share_cell
from inclusion_audit.disclosure import Cell
from tests.conftest import get_page

from .fixture import build
from .helpers import sign_in_staff, unsafe_figures

ALLOWED = {"fewer than 5", "fewer than 10"}


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


def table(page, caption_start: str) -> list[list[str]]:
    found = next(t for t in page.soup.select("table") if t.caption.get_text().strip().startswith(caption_start))
    head = [[c.get_text(" ", strip=True) for c in found.select("thead th")]]
    return head + [[c.get_text(" ", strip=True) for c in tr.select("th, td")] for tr in found.select("tbody tr")]


def organisations_on_dashboard(client, query: str) -> str:
    page = get_page(client, f"/coordinator/?{query}")
    rows = {
        dt.get_text(strip=True): dd.get_text(strip=True)
        for dt, dd in zip(
            page.soup.select(".govuk-summary-list__key"), page.soup.select(".govuk-summary-list__value"), strict=True
        )
    }
    return rows["Organisations with a submitted audit"]


def test_areas_and_groups_side_by_side(app, coordinator):
    page = get_page(coordinator, "/coordinator/side-by-side?period=all&area=all")
    areas = table(page, "Areas side by side")
    groups = table(page, "Groups served side by side")
    with app.app_context():
        content = get_content()
        titles = [section.title for section in content.sections]
        assert areas[0] == ["Area", "Organisations with a submitted audit", *titles]
        # The system's areas: the content's two and the fixture's test area (Daventry, 7 organisations).
        shown = ["All areas", "Daventry (test area)", *content.config.profile.areas.values()]
        assert [row[0] for row in areas[1:]] == shown
        assert [row[0] for row in groups[1:]] == ["All groups", *content.config.profile.groups.values()]
    for rows in (areas, groups):
        for row in rows[1:]:
            assert all(text in ALLOWED or (text.endswith("%") and int(text[:-1]) % 5 == 0) for text in row[2:])
    # North has 6 organisations with a score, West 3: never a share. All areas: 16, 10 of them at 60% or more.
    everyone, _daventry, north, west = areas[1:]
    assert north[2:] == west[2:] == ["fewer than 10"] * len(titles)
    assert all(text.endswith("%") and 40 <= int(text[:-1]) <= 90 for text in everyone[2:])
    assert unsafe_figures(page) == []
    assert page.soup.select_one('svg[aria-labelledby^="compare-area"]') is not None


def test_each_column_counts_the_dashboards_organisations_for_that_choice(coordinator):
    query = "period=all&area=all&org_type=charity"
    page = get_page(coordinator, f"/coordinator/side-by-side?{query}")
    areas = {row[0]: row[1] for row in table(page, "Areas side by side")[1:]}
    groups = {row[0]: row[1] for row in table(page, "Groups served side by side")[1:]}
    assert areas["All areas"] == organisations_on_dashboard(coordinator, query)
    north = query.replace("area=all", "area=north_northamptonshire")
    assert areas["North Northamptonshire"] == organisations_on_dashboard(coordinator, north)
    assert groups["All groups"] == areas["All areas"]  # no group chosen: the same view as all areas
    justice = organisations_on_dashboard(coordinator, f"{query}&group=justice")
    assert groups["People in contact with the justice system"] == justice


def test_a_share_needs_10_with_a_score_and_5_at_60_or_more():
    def buckets(low: int, high: int) -> list[Cell]:
        cells = [Cell()] * 10
        cells[2], cells[7] = Cell(low, low * 100), Cell(high, high * 100 + 1)
        return cells

    assert share_cell(buckets(3, 4), Cell(7, 700)).text == "fewer than 10"
    assert share_cell(buckets(40, 2), Cell(42, 4201)).text == "fewer than 5"
    shown = share_cell(buckets(20, 20), Cell(40, 4001))
    assert shown.share is not None and shown.text == f"{shown.share}%" and 35 <= shown.share <= 65


@pytest.mark.parametrize("path", ["/coordinator/side-by-side", "/coordinator/needs"])
def test_a_filter_edited_by_hand_is_reported_and_the_page_still_shows(coordinator, path):
    page = get_page(coordinator, f"{path}?period=all&area=atlantis&group=pirates")
    assert "Select an area shown in the list" in page.errors()
    assert "Select a group served shown in the list" in page.errors()
    assert page.soup.select("table")
