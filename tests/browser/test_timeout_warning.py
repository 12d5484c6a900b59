"""The idle sign-out warning (static/js/timeout-warning.js), with the page's clock under the test's control.

The app's real setting is used (SESSION_IDLE_MINUTES, 30 minutes by default): Playwright's fake clock
jumps the page past the point where the warning shows, 2 minutes before the sign-in lapses.
"""

from __future__ import annotations

import pytest

from .support import assert_accessible

pytestmark = pytest.mark.browser

WARN_BEFORE_SECONDS = 120


@pytest.fixture
def waiting_page(axe_page, live_server, unique):
    """A signed-in member on a question page, with the page's clock frozen from the start."""
    email = f"timeout-{unique()}@example.org"
    live_server.add_member(email, "Idle Hands Project")
    with live_server.app.app_context():
        idle_seconds = int(live_server.app.config["SESSION_IDLE_MINUTES"]) * 60
    page = axe_page
    page.clock.install()
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill("plain-river-lantern-42")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/audit/")
    page.goto("/audit/section/commitment")
    root = page.locator("[data-module='app-timeout-warning']")
    assert root.get_attribute("data-idle-seconds") == str(idle_seconds)
    return page, idle_seconds


def test_warning_opens_with_focus_on_stay_signed_in(waiting_page):
    page, idle_seconds = waiting_page
    dialog = page.locator("dialog.app-timeout-dialog")
    stay = page.get_by_role("button", name="Stay signed in")

    page.clock.run_for((idle_seconds - WARN_BEFORE_SECONDS - 5) * 1000)
    assert not dialog.is_visible()
    page.clock.run_for(10 * 1000)
    assert dialog.is_visible()
    assert page.get_by_role("dialog", name="Are you still there?").is_visible()
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Stay signed in"
    assert "We will sign you out in 2 minutes" in dialog.inner_text()
    assert_accessible(page, "timeout warning dialog")

    with page.expect_response("**/session/extend") as extend:
        stay.click()
    assert extend.value.ok
    assert extend.value.request.method == "POST"
    assert not dialog.is_visible()

    # The countdown starts again from now: no warning until the same time has passed once more.
    page.clock.run_for((idle_seconds - WARN_BEFORE_SECONDS - 5) * 1000)
    assert not dialog.is_visible()
    page.reload()
    assert page.locator("h1").inner_text() == "Commitment and leadership", "no longer signed in"


def test_escape_also_keeps_you_signed_in(waiting_page):
    page, idle_seconds = waiting_page
    page.clock.run_for((idle_seconds - WARN_BEFORE_SECONDS + 1) * 1000)
    dialog = page.locator("dialog.app-timeout-dialog")
    assert dialog.is_visible()
    with page.expect_response("**/session/extend") as extend:
        page.keyboard.press("Escape")
    assert extend.value.ok
    assert not dialog.is_visible()


def test_after_the_lapse_the_dialog_says_so(waiting_page):
    page, idle_seconds = waiting_page
    page.clock.run_for((idle_seconds + 1) * 1000)
    dialog = page.locator("dialog.app-timeout-dialog")
    assert dialog.is_visible()
    assert "You have been signed out" in dialog.inner_text()
    assert not page.get_by_role("button", name="Stay signed in").is_visible()
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Close"
    assert_accessible(page, "timeout dialog after the lapse")


def test_stay_signed_in_after_signing_out_elsewhere(waiting_page):
    """Signed out in another tab: 'Stay signed in' cannot help, and the dialog must not pretend it did."""
    page, idle_seconds = waiting_page
    other = page.context.new_page()
    other.goto("/audit/")
    other.get_by_role("button", name="Sign out").click()
    other.wait_for_url("**/sign-in")
    page.clock.run_for((idle_seconds - WARN_BEFORE_SECONDS + 1) * 1000)
    dialog = page.locator("dialog.app-timeout-dialog")
    page.get_by_role("button", name="Stay signed in").click()
    page.wait_for_function("() => document.activeElement.textContent.trim() === 'Close'")
    assert dialog.is_visible()
    assert "You have been signed out" in dialog.inner_text()
