"""Everything works with JavaScript switched off: the profile, a section (errors included) and signing out."""

from __future__ import annotations

import pytest

from .actions import click_and_wait, complete_section, fill_profile, sign_in

pytestmark = pytest.mark.browser


def test_profile_and_a_section_without_javascript(new_context, live_server):
    live_server.add_member("no-js@example.org", "Plain HTML Project", profile=False)
    page = new_context(java_script_enabled=False, viewport={"width": 390, "height": 844}).new_page()
    sign_in(page, "no-js@example.org")
    assert page.locator("h1").inner_text() == "Your inclusion health audit"
    assert page.evaluate("() => document.body.classList.contains('govuk-frontend-supported')") is False

    click_and_wait(page, page.get_by_role("link", name="About your organisation"))
    click_and_wait(page, page.get_by_role("button", name="Save and continue"))
    assert page.locator(".govuk-error-summary").is_visible()
    fill_profile(page, name="Plain HTML Project CIC")
    assert "details have been saved" in page.locator(".govuk-notification-banner").inner_text()
    assert "Plain HTML Project CIC" in page.locator(".govuk-caption-l").inner_text()

    click_and_wait(page, page.get_by_role("link", name="Accessible, joined-up support"))
    click_and_wait(page, page.get_by_role("button", name="Save and continue"))
    assert page.locator(".govuk-error-summary").is_visible()
    complete_section(page)
    assert page.locator("h1").inner_text() == "Voice, learning and impact"

    page.goto("/audit/")
    row = page.locator(".govuk-task-list__item", has_text="Accessible, joined-up support")
    assert "Completed" in row.inner_text()
    # Without JavaScript the header shows its links at once; no 'Menu' button is needed to reach them.
    assert not page.get_by_role("button", name="Menu").is_visible()
    click_and_wait(page, page.get_by_role("button", name="Sign out"))
    assert page.locator("h1").inner_text() == "Sign in"
