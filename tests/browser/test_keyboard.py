"""Keyboard only: sign in and complete a section with Tab, Shift+Tab, Space, Enter and the arrow keys.

Runs with the app's real Content Security Policy (no bypass), so it also shows that GOV.UK Frontend's
JavaScript loads and runs: the error summary takes focus, and its links move focus to the question.
"""

from __future__ import annotations

import pytest

from .actions import SCORED, chosen, question_names, sign_in

pytestmark = pytest.mark.browser

# Whether the focused element shows a focus indicator: the GOV.UK focus colour as an outline, background or
# box shadow, on the element itself or, for radios and checkboxes, on the circle or box drawn by its label.
FOCUS_STATE = """
() => {
  const el = document.activeElement
  if (!el || el === document.body) return { visible: false, element: 'nothing (body)' }
  const styles = [getComputedStyle(el)]
  if (['radio', 'checkbox'].includes(el.type) && el.labels.length) {
    styles.push(getComputedStyle(el.labels[0], '::before'))
  }
  const yellow = 'rgb(255, 221, 0)'
  const visible = styles.some(s =>
    (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor === yellow) ||
    s.backgroundColor === yellow || s.boxShadow.includes(yellow))
  return { visible, element: el.outerHTML.slice(0, 150) }
}
"""


def focused_is(page, locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def assert_focus_visible(page) -> None:
    state = page.evaluate(FOCUS_STATE)
    assert state["visible"], f"no visible focus indicator on {state['element']}"


def tab_to(page, locator, *, backwards: bool = False, limit: int = 60) -> int:
    """Press Tab (or Shift+Tab) until `locator` has focus, checking the focus is visible at every stop."""
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        assert_focus_visible(page)
        if focused_is(page, locator):
            return presses
    raise AssertionError(f"{key} never reached {locator}")


def press_and_wait(page, key: str) -> None:
    """Press a key that loads a new page (Enter on a link or button) and wait for it."""
    page.evaluate("() => { window.__oldPage = true }")
    page.keyboard.press(key)
    page.wait_for_function("() => !window.__oldPage")
    page.wait_for_load_state()


def active(page, expression: str):
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression} }}")


def test_complete_a_section_with_the_keyboard_only(new_context, live_server, unique):
    number = unique()
    email = f"keyboard-{number}@example.org"
    live_server.add_member(email, f"Keyboard Test Project {number}")
    context = new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto("/sign-in")
    tab_to(page, page.get_by_label("Email address"))
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert_focus_visible(page)
    page.keyboard.type("plain-river-lantern-42")
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Your inclusion health audit"

    tab_to(page, page.get_by_role("link", name="Knowing your communities"))
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Knowing your communities"
    names = question_names(page)

    # Past every question without answering, then 'Save and continue': the error summary takes focus.
    presses = tab_to(page, page.get_by_role("button", name="Save and continue"))
    assert presses >= len(names), "each question should be one tab stop"
    press_and_wait(page, "Enter")
    summary = page.locator(".govuk-error-summary")
    page.wait_for_function("() => document.activeElement.classList.contains('govuk-error-summary')")
    assert_focus_visible(page)
    assert summary.get_by_role("link").count() == len(names)

    # The first error link moves focus to the first question's first answer.
    page.keyboard.press("Tab")
    assert_focus_visible(page)
    assert focused_is(page, summary.get_by_role("link").first)
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.activeElement.name === '{names[0]}'")

    # Each question: Space selects the focused answer, the arrow keys move the selection, Tab goes on.
    expected = {}
    for index, name in enumerate(names):
        assert active(page, "el.name") == name
        assert_focus_visible(page)
        page.keyboard.press("Space")
        for _ in range(index % len(SCORED)):
            page.keyboard.press("ArrowDown")
        expected[name] = SCORED[index % len(SCORED)]
        assert active(page, "el.checked && el.value") == expected[name]
        if index == 2:
            # Shift+Tab goes back to the previous question, landing on its selected answer.
            page.keyboard.press("Shift+Tab")
            assert active(page, "[el.name, el.value]") == [names[1], expected[names[1]]]
            assert_focus_visible(page)
            page.keyboard.press("ArrowUp")
            expected[names[1]] = SCORED[0]
            assert active(page, "el.checked && el.value") == SCORED[0]
            page.keyboard.press("Tab")
            assert active(page, "el.name") == name
        page.keyboard.press("Tab")
        assert_focus_visible(page)

    # After the questions, the section's optional notes, then the buttons.
    assert focused_is(page, page.get_by_label("Notes (optional)"))
    page.keyboard.press("Tab")
    assert focused_is(page, page.get_by_role("button", name="Save and continue"))
    assert chosen(page) == expected
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Staff, volunteers and lived experience"

    # Back to the task list by keyboard: the section is complete.
    tab_to(page, page.get_by_role("link", name="Back"), backwards=True)
    press_and_wait(page, "Enter")
    row = page.locator(".govuk-task-list__item", has_text="Knowing your communities")
    assert "Completed" in row.inner_text()
    assert problems == [], f"console errors (CSP blocking a script?): {problems}"


def test_skip_link_and_header_by_keyboard(new_context, live_server):
    page = new_context().new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert focused_is(page, skip)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'main-content'")
    # The start button is next after the main content's links: reach it and start.
    tab_to(page, page.get_by_role("button", name="Start now"))
    press_and_wait(page, "Enter")
    assert page.locator("h1").inner_text() == "Create an account"


def test_wide_results_table_scrolls_by_keyboard(new_context, live_server, unique):
    """On a narrow screen the results table scrolls in its own box, which shows focus and scrolls with arrows."""
    email = f"narrow-{unique()}@example.org"
    audit_id = live_server.add_member(email, "Narrow Screen Outreach", audit="submitted")
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    sign_in(page, email)
    page.goto(f"/audits/{audit_id}/results")
    region = page.get_by_role("region", name="Your result in each section")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "expected the table to be wider than the screen"
    tab_to(page, region)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
