"""axe-core (WCAG 2.2 A and AA rules) on the access log, a dashboard with hidden figures, sharing and data rights."""

from __future__ import annotations

import re

import pytest

from .actions import click_and_wait, sign_in
from .support import DEMO_PASSWORD, PASSWORD, assert_accessible

pytestmark = pytest.mark.browser


def test_access_log_and_a_filtered_dashboard(axe_page):
    sign_in(axe_page, "admin@example.org", DEMO_PASSWORD)
    axe_page.goto("/coordinator/?area=west_northamptonshire&org_type=faith_group")
    # Few faith groups in the west: most sections hide their spread. Which message a section shows, or whether a
    # band reaches 5 after its change and gets a chart, depends on the changed counts: each section shows one.
    hidden = re.compile(r"^(Fewer than 5 organisations have a score|Each band has fewer than 5 organisations)")
    charts = axe_page.locator('svg.app-chart[aria-labelledby^="spread-"]').count()
    assert axe_page.get_by_text(hidden).count() >= 1
    assert axe_page.get_by_text(hidden).count() + charts == 5
    assert_accessible(axe_page, "dashboard with hidden figures")
    axe_page.goto("/coordinator/?period=never")
    assert axe_page.locator(".govuk-error-summary").is_visible()
    assert_accessible(axe_page, "dashboard with a filter error")
    axe_page.goto("/coordinator/access-log")
    assert axe_page.locator("h1").inner_text() == "Access log"
    assert_accessible(axe_page, "access log")


def test_sharing_and_data_rights_pages(axe_page, live_server):
    live_server.add_member("rights@example.org", "Rights Checking Project", audit="submitted")
    sign_in(axe_page, "rights@example.org", PASSWORD)
    axe_page.goto("/audit/sharing")
    assert_accessible(axe_page, "sharing choice")
    axe_page.get_by_label("Also by name", exact=False).check()
    click_and_wait(axe_page, axe_page.get_by_role("button", name="Save your choice"))
    assert "now shared by name" in axe_page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(axe_page, "sharing choice saved")
    axe_page.goto("/audit/your-data")
    assert_accessible(axe_page, "your data")
    click_and_wait(axe_page, axe_page.get_by_role("link", name="Delete your organisation's account and data"))
    click_and_wait(axe_page, axe_page.get_by_role("button", name="Delete everything"))
    assert axe_page.locator(".govuk-error-summary").is_visible()
    assert_accessible(axe_page, "delete with errors")
    axe_page.get_by_label("I understand", exact=False).check()
    axe_page.get_by_label("Your password").fill(PASSWORD)
    click_and_wait(axe_page, axe_page.get_by_role("button", name="Delete everything"))
    assert axe_page.locator("h1").inner_text() == "Your organisation's account has been deleted"
    assert_accessible(axe_page, "account deleted")
