"""The dashboard page: figures, charts, filters, scope and page hygiene."""

from __future__ import annotations

import pytest

from tests.conftest import get_page

from .fixture import build
from .helpers import sign_in_staff, unsafe_figures


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


def summary(page) -> dict[str, str]:
    keys = [" ".join(k.get_text().split()) for k in page.soup.select(".govuk-summary-list__key")]
    values = [" ".join(v.get_text().split()) for v in page.soup.select(".govuk-summary-list__value")]
    return dict(zip(keys, values, strict=True))


def table_rows(page, caption_start: str) -> list[list[str]]:
    table = next(t for t in page.soup.select("table") if t.caption.get_text().strip().startswith(caption_start))
    return [[" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]


def test_dashboard_shows_rounded_headline_figures(coordinator):
    page = get_page(coordinator, "/coordinator/")
    assert page.h1() == "Dashboard"
    assert summary(page) == {
        "Organisations registered": "20",
        "Audits started": "20",
        "Audits submitted": "15",
        "Organisations with a submitted audit": "15",
    }
    assert "rounded to the nearest 5" in page.text


def test_spread_table_and_charts_show_the_same_figures(coordinator):
    page = get_page(coordinator, "/coordinator/")
    rows = table_rows(page, "Spread of scores")
    assert len(rows) == 5
    assert rows[0][1:] == [
        "15",
        "fewer than 5",
        "fewer than 5",
        "fewer than 5",
        "10",
        "fewer than 5",
        "50%",
        "64%",
        "73%",
    ]
    charts = page.soup.select('svg.app-chart[aria-labelledby^="spread-"]')
    assert len(charts) == 5
    first = charts[0]
    assert first["role"] == "img"
    assert first.find("title").get_text().startswith("Commitment and leadership")
    description = first.find("desc").get_text()
    assert "60 to 79%: 10" in description and "median 64%" in description
    assert [t.get_text() for t in first.find_all("text")].count("fewer than 5") == 4
    assert len(first.find_all("rect")) == 2  # one bar (60-79%) and the middle-half box
    assert unsafe_figures(page) == []


def test_trends_and_gaps(coordinator):
    page = get_page(coordinator, "/coordinator/")
    trends = table_rows(page, "Median score in each part, by quarter")
    assert [row[1] for row in trends] == ["fewer than 5", "15"]
    assert trends[1][2:] == ["64%"] * 5
    assert page.soup.select_one('svg[aria-labelledby^="trend-"]') is not None
    gaps = table_rows(page, "Questions most often")
    assert len(gaps) == 2
    assert gaps[0][0].startswith("Does someone lead on reaching inclusion health groups?")
    assert gaps[0][1:3] == ["5", "fewer than 5"]


def test_filters_combine_and_small_selections_show_no_figures(coordinator):
    page = get_page(
        coordinator, "/coordinator/?period=all&area=north_northamptonshire&org_type=charity&size_band=&group="
    )
    assert "Showing: All time, North Northamptonshire, Registered charity." in page.text
    assert not page.soup.select('svg[aria-labelledby^="spread-"]')
    assert "Fewer than 5 organisations have a score for this part" in page.text
    rows = table_rows(page, "Spread of scores")
    assert all(set(row[1:]) == {"fewer than 5"} for row in rows)
    assert "There are no questions that 5 or more organisations" in page.text
    assert unsafe_figures(page) == []


def test_an_empty_selection_says_so(coordinator):
    page = get_page(coordinator, "/coordinator/?area=west_northamptonshire&org_type=cic")
    assert "No organisations have a score for this part in this selection." in page.text
    assert "No audits were submitted in this selection." in page.text


def test_a_filter_value_that_is_not_in_the_list_is_an_error(coordinator):
    page = get_page(coordinator, "/coordinator/?period=forever&area=atlantis")
    assert page.soup.title.get_text().startswith("Error: Dashboard")
    assert page.errors() == ["Select a period shown in the list", "Select an area shown in the list"]
    assert "Showing: All time, All areas." in page.text


def test_an_area_coordinator_starts_on_their_area_and_can_compare(app, accounts):
    build(app)
    client = sign_in_staff(accounts, "corby@example.org", area="north_northamptonshire")
    page = get_page(client, "/coordinator/")
    assert "Your account covers North Northamptonshire" in page.text
    assert "Showing: All time, North Northamptonshire." in page.text
    # Corby: C1-C6 and the unsubmitted charity registered; 6 with results.
    assert summary(page)["Organisations registered"] == "5"
    everywhere = get_page(client, "/coordinator/?area=all")
    assert summary(everywhere)["Organisations with a submitted audit"] == "15"


def test_admins_get_a_link_to_the_access_log(app, accounts):
    client = sign_in_staff(accounts, "admin@example.org", role="admin")
    assert "See the access log" in get_page(client, "/coordinator/").text


def test_members_cannot_see_the_dashboard(member_client):
    assert member_client.get("/coordinator/").status_code == 403
    assert member_client.get("/coordinator/export/summary.csv").status_code == 403
