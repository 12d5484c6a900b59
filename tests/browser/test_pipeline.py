"""The pipeline page in Chromium: a demo coordinator for one area follows the dashboard's link, reads the counts and
the sharing organisations' steps, and sends a reminder. axe and the Nu HTML checker on each page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .actions import click_and_wait, sign_in
from .support import DEMO_PASSWORD, assert_accessible

pytestmark = pytest.mark.browser

AREA_COORDINATOR = "west.coordinator@example.org"


def test_a_coordinator_reads_the_pipeline_and_sends_a_reminder(axe_page):
    page = axe_page
    sign_in(page, AREA_COORDINATOR, DEMO_PASSWORD)
    click_and_wait(page, page.get_by_role("link", name="See the pipeline"))
    assert page.locator("h1").inner_text() == "Pipeline"
    assert "Showing: West Northamptonshire." in page.locator("main").inner_text()
    keys = page.locator(".govuk-summary-list__key").all_inner_texts()
    assert keys[0] == "Organisations registered" and "Registered, not verified yet (not counted above)" in keys
    assert_accessible(page, "pipeline")

    # The table of sharing organisations scrolls in a region named by its caption, reachable by keyboard.
    region = page.get_by_role("region", name="Organisations sharing their results by name, and where each one is")
    assert region.count() == 1 and region.get_attribute("tabindex") == "0"
    buttons = page.locator("main form[method=post] button")
    assert buttons.count() >= 1, "the demo data has a sharing organisation due a reminder"
    name = buttons.first.inner_text()
    assert name.startswith("Send the “")
    click_and_wait(page, buttons.first)
    assert urlsplit(page.url).path == "/coordinator/pipeline"
    banner = page.locator(".govuk-notification-banner")
    assert banner.count() == 1 and "team" in banner.inner_text()
    assert_accessible(page, "pipeline, after sending a reminder")
