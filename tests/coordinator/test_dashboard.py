"""The dashboard page: figures, charts, filters, scope and page hygiene."""

from __future__ import annotations

import pytest

from tests.conftest import get_page

from .fixture import build
from .helpers import fits, sign_in_staff, unsafe_figures


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


# The fixture's true counts (see fixture.py): 16 verified organisations with a submitted audit and one more
# registered that has only started one; C1 also has an older audit. "No Profile Hidden" is not verified.
TRUE_HEADLINE = {
    "Organisations registered": 17,
    "Audits started": 18,
    "Audits submitted": 17,
    "Organisations with a submitted audit": 16,
}
TRUE_BANDS = [1, 2, 3, 9, 1]  # every part has the same scores: 10 | 25 30 | 45 50 55 | 60 ... 78 | 95
BANDS = ["0 to 19%", "20 to 39%", "40 to 59%", "60 to 79%", "80 to 100%"]


def test_dashboard_shows_headline_figures_within_2_of_the_truth(coordinator):
    page = get_page(coordinator, "/coordinator/")
    assert page.h1() == "Dashboard"
    shown = summary(page)
    assert list(shown) == list(TRUE_HEADLINE)
    for label, true in TRUE_HEADLINE.items():
        assert fits(shown[label], true), f"{label}: {shown[label]} for {true}"
    assert "changed by up to 2" in page.text
    assert "rounded" not in page.text
    assert unsafe_figures(page) == []


def test_the_same_selection_shows_the_same_figures_every_time(coordinator):
    first, again = (get_page(coordinator, "/coordinator/") for _ in range(2))
    assert summary(first) == summary(again)
    assert table_rows(first, "Spread of scores") == table_rows(again, "Spread of scores")


def test_spread_table_and_charts_show_the_same_figures(coordinator):
    page = get_page(coordinator, "/coordinator/")
    rows = table_rows(page, "Spread of scores")
    assert len(rows) == 5
    # The five parts count the same organisations in the same bands, so they get exactly the same noise.
    assert all(row[1:] == rows[0][1:] for row in rows)
    organisations, *bands, middle = rows[0][1:]
    assert fits(organisations, 16)
    assert all(fits(text, true) for text, true in zip(bands, TRUE_BANDS, strict=True)), bands
    assert middle in ("40 to 59%", "60 to 79%")  # worked out from the changed counts: the true middle is 60 to 79%
    assert bands[3] != "fewer than 5"  # 9 organisations, moved by at most 2
    charts = page.soup.select('svg.app-chart[aria-labelledby^="spread-"]')
    assert len(charts) == 5
    first = charts[0]
    assert first["role"] == "img"
    assert first.find("title").get_text().startswith("Commitment and leadership")
    description = first.find("desc").get_text()
    assert f"Organisations with a score: {organisations}." in description
    assert all(f"{label}: {text}" in description for label, text in zip(BANDS, bands, strict=True))
    assert f"Middle band: {middle}." in description
    texts = [t.get_text() for t in first.find_all("text")]
    assert texts.count("fewer than 5") == bands.count("fewer than 5")
    assert len(first.find_all("rect")) == 5 - bands.count("fewer than 5")  # one bar per band shown, no box
    assert unsafe_figures(page) == []


def test_trends_and_gaps(coordinator):
    page = get_page(coordinator, "/coordinator/")
    trends = table_rows(page, "Share of organisations scoring 60% or more")
    # C1's older audit is alone in its quarter: a quarter with fewer than 5 is left out, as one with none would be.
    assert len(trends) == 1
    assert fits(trends[0][1], 16)
    shares = trends[0][2:]
    assert len(set(shares)) == 1  # the same organisations in every part
    share = int(shares[0].rstrip("%"))
    assert share % 5 == 0 and 40 <= share <= 90  # true: 10 of 16; from counts within 2 of 10 and of 16
    assert page.soup.select_one('svg[aria-labelledby^="trend-"]') is not None
    needs = table_rows(page, "Training topics most needed")
    # Six organisations answered "Not started" to a leadership question; one organisation's need is never listed.
    assert [row[1] for row in needs] == ["Leading and planning for inclusion health"]
    assert needs[0][0] == "1" and fits(needs[0][2], 6)
    link = page.soup.find("a", string=lambda text: text and text.startswith("See every training topic"))
    assert link["href"].startswith("/coordinator/needs?")
    assert unsafe_figures(page) == []


def figures(page) -> list:
    """Everything the page says about the selection's organisations, apart from the words naming the filters."""
    sections = [summary(page), table_rows(page, "Spread of scores")]
    sections += [p.get_text(" ", strip=True) for p in page.soup.select("main p.govuk-body") if "Showing:" not in p.text]
    return sections


def test_a_small_selection_shows_no_figures(coordinator):
    page = get_page(coordinator, "/coordinator/?period=all&area=north_northamptonshire&org_type=cic&size_band=&group=")
    assert "Showing: All time, North Northamptonshire, Community interest company (CIC)." in page.text
    assert not page.soup.select('svg[aria-labelledby^="spread-"]')
    assert "Fewer than 5 organisations have a score for this section" in page.text
    rows = table_rows(page, "Spread of scores")
    assert all(row[1:] == ["fewer than 5"] * 6 + ["fewer than 10"] for row in rows)
    assert set(summary(page).values()) == {"fewer than 5"}
    assert "No training topic is needed by 5 or more organisations" in page.text
    assert unsafe_figures(page) == []


def test_an_empty_selection_looks_exactly_like_a_small_one(coordinator):
    """West Northamptonshire has no CIC; North has 2. Nothing on the page tells the two apart."""
    empty = get_page(coordinator, "/coordinator/?area=west_northamptonshire&org_type=cic")
    small = get_page(coordinator, "/coordinator/?area=north_northamptonshire&org_type=cic")
    assert figures(empty) == figures(small)
    assert "No quarter in this selection has 5 or more organisations" in empty.text


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
    assert fits(summary(page)["Organisations registered"], 7)
    assert fits(summary(page)["Organisations with a submitted audit"], 6)
    everywhere = get_page(client, "/coordinator/?area=all")
    assert fits(summary(everywhere)["Organisations with a submitted audit"], 16)


def test_admins_get_a_link_to_the_access_log(app, accounts):
    client = sign_in_staff(accounts, "admin@example.org", role="admin")
    assert "See the access log" in get_page(client, "/coordinator/").text


def test_members_cannot_see_the_dashboard(member_client):
    assert member_client.get("/coordinator/").status_code == 403
    assert member_client.get("/coordinator/export/summary.csv").status_code == 403
