"""axe-core on the pages the main journey does not reach: password reset and invitations (sharing, data rights and
the access log are in test_sharing_and_data_rights.py). Emailed links come from the app's outbox.
"""

from __future__ import annotations

import pytest

from .actions import click_and_wait, sign_in
from .support import PASSWORD, assert_accessible, emailed_link

pytestmark = pytest.mark.browser

NEW_PASSWORD = "copper-kettle-orchard-17"


def test_password_reset_pages(axe_page, live_server):
    page = axe_page
    live_server.add_member("forgetful@example.org", "Forgetful Friends")
    page.goto("/sign-in")
    click_and_wait(page, page.get_by_role("link", name="Forgotten your password?"))
    assert page.locator("h1").inner_text() == "Reset your password"
    assert_accessible(page, "forgotten password")
    click_and_wait(page, page.get_by_role("button", name="Send me a reset link"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page, "forgotten password with errors")
    page.get_by_label("Email address").fill("forgetful@example.org")
    click_and_wait(page, page.get_by_role("button", name="Send me a reset link"))
    assert page.locator("h1").inner_text() == "Check your email"
    assert_accessible(page, "reset link sent")

    link = emailed_link(live_server, "forgetful@example.org")
    page.goto(link)
    assert page.locator("h1").inner_text() == "Choose a new password"
    assert_accessible(page, "choose a new password")
    page.get_by_label("Confirm", exact=False).fill(NEW_PASSWORD)
    click_and_wait(page, page.get_by_role("button", name="Change password"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page, "choose a new password with errors")

    assert page.goto("/password/reset/not-a-real-token").status == 404
    assert_accessible(page, "reset link does not work")


def test_invitation_pages(axe_page, new_context, live_server):
    live_server.add_member("inviter@example.org", "Open Door Collective")
    sign_in(axe_page, "inviter@example.org")
    axe_page.goto("/audit/team")
    axe_page.get_by_label("Colleague's email address").fill("invited@example.org")
    click_and_wait(axe_page, axe_page.get_by_role("button", name="Send invitation"))
    link = emailed_link(live_server, "invited@example.org")

    page = new_context(bypass_csp=True).new_page()
    page.goto(link)
    assert page.locator("h1").inner_text() == "Join Open Door Collective"
    assert_accessible(page, "accept an invitation")
    click_and_wait(page, page.get_by_role("button", name="Join and sign in"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page, "accept an invitation with errors")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    click_and_wait(page, page.get_by_role("button", name="Join and sign in"))
    assert "You have joined Open Door Collective" in page.locator(".govuk-notification-banner").inner_text()

    fresh = new_context(bypass_csp=True).new_page()
    assert fresh.goto(link).status == 404, "an invitation works once"
    assert_accessible(fresh, "invitation link does not work")
