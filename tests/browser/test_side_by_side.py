"""The side-by-side page in Chromium: reached from the dashboard, readable at desktop and phone widths, axe and the
Nu HTML checker at 0."""

from __future__ import annotations

import pytest

from .actions import click_and_wait, sign_in
from .support import DEMO_COORDINATOR, DEMO_PASSWORD, assert_accessible
from .test_table_fit import CLIPPED, SIDEWAYS

pytestmark = pytest.mark.browser

AREAS = "Areas side by side: share of organisations scoring 60% or more in each section"
GROUPS = "Groups served side by side: share of organisations scoring 60% or more in each section"


def test_the_side_by_side_page_from_the_dashboard(axe_page, new_context, tmp_path):
    page = axe_page
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, DEMO_COORDINATOR, DEMO_PASSWORD)
    page.goto("/coordinator/")
    click_and_wait(page, page.get_by_role("link", name="See areas and groups served side by side"))
    assert page.locator("h1").inner_text() == "Areas and groups side by side"
    assert page.get_by_role("region", name=AREAS).locator("tbody tr").count() == 3
    assert page.get_by_role("region", name=GROUPS).locator("tbody tr").count() == 9
    assert page.locator('svg[aria-labelledby^="compare-area"]').count() == 1
    assert page.evaluate(CLIPPED) == []
    assert_accessible(page, "side by side")
    page.screenshot(path=str(tmp_path / "coordinator-side-by-side.png"), full_page=True)

    phone = new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True).new_page()
    sign_in(phone, DEMO_COORDINATOR, DEMO_PASSWORD)
    phone.goto("/coordinator/side-by-side?area=all")
    assert phone.evaluate(SIDEWAYS) == []
    region = phone.get_by_role("region", name=GROUPS)
    region.focus()
    assert phone.evaluate("document.activeElement.getAttribute('aria-labelledby')") == "compare-group-caption"
