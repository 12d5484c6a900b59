"""The coordinator's verification queue and decision page in Chromium: a rejection without a reason is an error
summary, then the decision is saved; axe and the Nu checker on each page."""

from __future__ import annotations

import pytest

from .actions import click_and_wait, sign_in
from .support import DEMO_COORDINATOR, DEMO_PASSWORD, assert_accessible

pytestmark = pytest.mark.browser


def test_verification_queue_and_a_rejection_that_needs_a_reason(axe_page, live_server, unique):
    suffix = unique()
    name = f"Queue Check Project {suffix}"
    live_server.add_member(f"queue-{suffix}@example.org", name)  # registered, so waiting to be verified
    page = axe_page
    sign_in(page, DEMO_COORDINATOR, DEMO_PASSWORD)
    click_and_wait(page, page.get_by_role("link", name="Verify new organisations", exact=False))
    assert page.locator("h1").inner_text() == "Organisations to verify"
    assert_accessible(page, "verification queue")

    click_and_wait(page, page.get_by_role("link", name=name))
    assert page.locator("h1").inner_text() == f"Verify {name}"
    assert_accessible(page, "verify an organisation")

    page.get_by_label("No, reject it").check()
    click_and_wait(page, page.get_by_role("button", name="Save decision"))
    summary = page.locator(".govuk-error-summary")
    assert "Enter why you are rejecting the organisation" in summary.inner_text()
    assert page.title().startswith("Error:")
    assert page.get_by_label("No, reject it").is_checked()  # nothing lost
    assert_accessible(page, "verify an organisation, with an error")

    page.get_by_label("Reason").fill("We could not find this organisation in the charity register.")
    click_and_wait(page, page.get_by_role("button", name="Save decision"))
    assert page.locator("h1").inner_text() == "Organisations to verify"
    assert f"{name} is rejected." in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_role("link", name=name).count() == 0
    assert_accessible(page, "verification queue after a decision")
