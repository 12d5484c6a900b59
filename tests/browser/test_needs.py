"""The needs page in Chromium: reached from the dashboard, readable at desktop and phone widths, axe and the Nu
HTML checker at 0."""

from __future__ import annotations

import pytest

from .actions import click_and_wait, sign_in
from .support import DEMO_COORDINATOR, DEMO_PASSWORD, assert_accessible
from .test_table_fit import CLIPPED, SIDEWAYS

pytestmark = pytest.mark.browser


def test_the_needs_page_from_the_dashboard(axe_page, new_context, tmp_path):
    page = axe_page
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, DEMO_COORDINATOR, DEMO_PASSWORD)
    page.goto("/coordinator/")
    click_and_wait(page, page.get_by_role("link", name="See every training topic", exact=False))
    assert page.locator("h1").inner_text() == "Training needs"
    table = page.get_by_role("region", name="Training topics by the number of organisations that need them")
    assert table.locator("tbody tr").count() == 17
    assert page.evaluate(CLIPPED) == []
    assert_accessible(page, "needs")
    page.screenshot(path=str(tmp_path / "coordinator-needs.png"), full_page=True)

    phone = new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True).new_page()
    sign_in(phone, DEMO_COORDINATOR, DEMO_PASSWORD)
    phone.goto("/coordinator/needs?area=all")
    assert phone.evaluate(SIDEWAYS) == []
    region = phone.get_by_role("region", name="Training topics by the number of organisations that need them")
    region.focus()
    assert phone.evaluate("document.activeElement.getAttribute('aria-labelledby')") == "needs-table-caption"
