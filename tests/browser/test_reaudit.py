"""A re-audit in Chromium: every section asks for a check, confirming one completes it, and submit waits."""

from __future__ import annotations

import pytest

from .actions import click_and_wait, sign_in
from .screenshots import capture
from .support import assert_accessible

pytestmark = pytest.mark.browser


def task_statuses(page) -> dict[str, str]:
    """Each task on the task list with its status, as a person reads them."""
    rows = {}
    for item in page.locator(".govuk-task-list__item").all():
        title = item.locator(".govuk-task-list__name-and-hint > :first-child").inner_text()
        rows[" ".join(title.split())] = " ".join(item.locator(".govuk-task-list__status").inner_text().split())
    return rows


def start_reaudit(page) -> None:
    page.goto("/audit/")
    click_and_wait(page, page.get_by_role("button", name="Start a new audit"))


def test_a_reaudit_asks_for_each_part_to_be_checked(axe_page, live_server, unique, tmp_path):
    page = axe_page
    email = f"reaudit-{unique()}@example.org"
    live_server.add_member(email, f"Second Look Trust {unique()}", audit="submitted")
    sign_in(page, email)
    page.goto("/audit/plan")  # the plan is made when first opened (the audit went in without the submit page)
    start_reaudit(page)

    before = task_statuses(page)
    parts = [title for title in before if title not in ("About your organisation", "Check your answers and submit")]
    assert len(parts) == 5
    assert [before[part] for part in parts] == ["Check your answers"] * 5
    assert before["Check your answers and submit"] == "Cannot start yet"
    assert page.get_by_role("link", name="Check your answers and submit").count() == 0
    assert_accessible(page, "task list of a re-audit")
    capture(page, tmp_path / "reaudit-task-list-before.png")

    click_and_wait(page, page.get_by_role("link", name=parts[0]))
    hint = page.locator(".govuk-fieldset .govuk-hint").first.inner_text()
    assert hint.startswith("From your last audit — check this still applies.")
    assert_accessible(page, "question page of a re-audit")
    click_and_wait(page, page.get_by_role("button", name="Save and continue"))
    assert page.locator("h1").inner_text() == parts[1], "confirming a part moves on to the next to check"

    page.goto("/audit/")
    after = task_statuses(page)
    assert after[parts[0]] == "Completed"
    assert [after[part] for part in parts[1:]] == ["Check your answers"] * 4
    assert after["Check your answers and submit"] == "Cannot start yet"
    capture(page, tmp_path / "reaudit-task-list-after.png")

    # The review question, in the last part, shows last time's plan with each action's status.
    page.goto(f"/audit/section/{page.get_by_role('link', name=parts[-1]).get_attribute('href').split('/')[-1]}")
    table = page.locator("table", has=page.locator("caption", has_text="Your action plan from your last audit"))
    assert table.locator("tbody tr").count() >= 1
    assert set(table.locator("tbody td:nth-child(2)").all_inner_texts()) == {"Not started"}
    assert_accessible(page, "review question with the last action plan")
