"""Reflow and zoom (WCAG 1.4.10): no sideways scrolling at 320 CSS pixels, or at 1280 pixels zoomed to 200%.

Also the small-screen header: on a phone the navigation folds into a 'Menu' button that works by keyboard.
"""

from __future__ import annotations

import pytest

from .actions import click_and_wait, sign_in

pytestmark = pytest.mark.browser

# 320 CSS px wide is what a 1280 px screen shows at 400% zoom. 1280 px at 200% zoom is 640 CSS px, each
# drawn with 2 device pixels: the same as the browser's own zoom, media queries included.
VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "1280px-at-200%": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}

OVERFLOW = """
() => {
  const width = window.innerWidth
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length)
    .map(el => el.tagName.toLowerCase() + (typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''))
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide.slice(0, 8) }
}
"""


def assert_no_sideways_scroll(page, what: str) -> None:
    state = page.evaluate(OVERFLOW)
    assert state["scrollWidth"] <= state["innerWidth"], f"{what} scrolls sideways: {state}"


@pytest.fixture(scope="module")
def submitted_member(live_server):
    email = "layout@example.org"
    audit_id = live_server.add_member(email, "Northgate Reflow Outreach and Advice Partnership", audit="resubmitted")
    live_server.add_member("layout-answering@example.org", "Reflow In Progress Project", audit="answered")
    live_server.add_member("layout-new@example.org", "Reflow New Project")
    return email, audit_id


@pytest.mark.parametrize("size", VIEWPORTS)
def test_pages_reflow_without_sideways_scrolling(new_context, submitted_member, size):
    email, audit_id = submitted_member
    page = new_context(**VIEWPORTS[size]).new_page()

    for path in ("/", "/account/create", "/sign-in"):
        page.goto(path)
        assert_no_sideways_scroll(page, path)
    click_and_wait(page, page.get_by_role("button", name="Sign in"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_no_sideways_scroll(page, "sign in with errors")

    sign_in(page, "layout-new@example.org")
    for path in ("/audit/", "/audit/profile", "/audit/section/commitment"):
        page.goto(path)
        assert_no_sideways_scroll(page, path)
    click_and_wait(page, page.get_by_role("button", name="Save and continue"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_no_sideways_scroll(page, "section page with errors")

    page = new_context(**VIEWPORTS[size]).new_page()
    sign_in(page, "layout-answering@example.org")
    for path in ("/audit/", "/audit/section/access", "/audit/check"):
        page.goto(path)
        assert_no_sideways_scroll(page, path)

    page = new_context(**VIEWPORTS[size]).new_page()
    sign_in(page, email)
    pages = ["results", "guide", "compare"]
    for path in [*(f"/audits/{audit_id}/{name}" for name in pages), "/audit/", "/audit/team", "/account/password"]:
        page.goto(path)
        assert_no_sideways_scroll(page, path)


def test_menu_button_on_a_phone(new_context, live_server):
    live_server.add_member("phone@example.org", "Phone Menu Project")
    page = new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True).new_page()
    sign_in(page, "phone@example.org")
    menu = page.get_by_role("button", name="Menu")
    sign_out = page.get_by_role("button", name="Sign out")
    assert menu.is_visible()
    assert menu.get_attribute("aria-expanded") == "false"
    assert not sign_out.is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert sign_out.is_visible()
    click_and_wait(page, sign_out)
    assert page.locator("h1").inner_text() == "Sign in"
