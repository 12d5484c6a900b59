"""The demo coordinator's dashboard in Chromium: filters, a CSV download, and axe on each coordinator page."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest

from .actions import click_and_wait, sign_in
from .support import DEMO_COORDINATOR, DEMO_PASSWORD, assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def coordinator_page(axe_page):
    sign_in(axe_page, DEMO_COORDINATOR, DEMO_PASSWORD)
    assert urlsplit(axe_page.url).path == "/coordinator/"
    return axe_page


def test_dashboard_filters_and_csv_download(coordinator_page):
    page = coordinator_page
    assert page.locator("h1").inner_text() == "Dashboard"
    assert page.get_by_role("link", name="Dashboard").get_attribute("aria-current") in {"page", "true"}
    assert_accessible(page, "coordinator dashboard")

    page.get_by_label("Type of organisation").select_option(label="Registered charity")
    page.get_by_label("Area").select_option(label="All areas")
    click_and_wait(page, page.get_by_role("button", name="Apply filters"))
    query = parse_qs(urlsplit(page.url).query)
    assert query["org_type"] == ["charity"]
    assert query["area"] == ["all"]
    assert "Registered charity" in page.get_by_text("Showing:").inner_text()
    assert page.get_by_label("Type of organisation").input_value() == "charity"
    assert_accessible(page, "coordinator dashboard, filtered")

    link = page.get_by_role("link", name="Download the spread of scores (CSV)")
    assert "org_type=charity" in link.get_attribute("href")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(download.path().read_text(encoding="utf-8-sig"))))
    # The file has the same figures as the page's table for the same filters.
    table = page.locator("table", has=page.locator("caption", has_text="Spread of scores"))
    on_page = [
        [" ".join(c.split()) for c in row.locator("th, td").all_inner_texts()]
        for row in table.locator("tbody tr").all()
    ]
    by_title = {row[0]: row for row in rows[1:] if row}
    assert on_page, "no spread-of-scores table on the dashboard"
    for row in on_page:
        assert row[0] in by_title, f"{row[0]} is not in the CSV"
        assert by_title[row[0]][1] == row[1], f"{row[0]}: CSV says {by_title[row[0]][1]}, page says {row[1]}"

    click_and_wait(page, page.get_by_role("link", name="Clear filters"))
    assert urlsplit(page.url).query == ""


def test_organisations_sharing_by_name(coordinator_page):
    page = coordinator_page
    click_and_wait(page, page.get_by_role("link", name="See the organisations", exact=False))
    assert page.locator("h1").inner_text() == "Organisations sharing their results"
    assert_accessible(page, "coordinator organisations")
    shared = page.locator("table tbody th a")
    assert shared.count() > 0, "the demo data has organisations that share by name"
    name = shared.first.inner_text()
    click_and_wait(page, shared.first)
    # The organisation page, written for the coordinator: who they are, their audits and their plan.
    assert page.locator("h1").inner_text() == name
    assert page.get_by_role("heading", name="About the organisation").is_visible()
    assert page.locator("table", has=page.locator("#audits-caption")).locator("tbody tr").count() > 0
    assert page.get_by_role("heading", name="Action plan").is_visible()
    assert_accessible(page, "coordinator: shared organisation")
    click_and_wait(page, page.get_by_role("link", name="Results of the audit submitted on", exact=False).first)
    assert page.locator("h1").inner_text() == "Shared results"
    assert name in page.locator(".govuk-caption-l").inner_text()
    assert page.get_by_role("link", name="Download your guide as a PDF").count() == 0
    assert_accessible(page, "coordinator: shared results")
    click_and_wait(page, page.get_by_role("button", name="Read", exact=False))
    assert page.locator("h1").inner_text() == "Shared inclusion health guide"
    assert_accessible(page, "coordinator: shared guide")


def test_members_cannot_open_the_dashboard(axe_page, live_server):
    live_server.add_member("not-a-coordinator@example.org", "Curious Project")
    sign_in(axe_page, "not-a-coordinator@example.org")
    assert axe_page.goto("/coordinator/").status == 403
    assert axe_page.goto("/coordinator/export/summary.csv").status == 403


@pytest.mark.parametrize("width", [320, 640])
def test_coordinator_pages_reflow(new_context, width):
    page = new_context(viewport={"width": width, "height": 640}).new_page()
    sign_in(page, DEMO_COORDINATOR, DEMO_PASSWORD)
    for path in ("/coordinator/", "/coordinator/organisations"):
        page.goto(path)
        scroll = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll[0] <= scroll[1], f"{path} scrolls sideways at {width}px: {scroll}"
