"""The home page promises every page is saved. Each way answers used to be lost, in a real browser."""

from __future__ import annotations

import re
import time

import pytest
from sqlalchemy import select

from inclusion_audit import auth, session_timeout
from inclusion_audit.extensions import db
from inclusion_audit.models import Answer

from .actions import answer, click_and_wait, question_names, sign_in
from .support import assert_accessible

pytestmark = pytest.mark.browser


def stored_answers(live_server, email_organisation: str) -> dict[str, str]:
    from inclusion_audit.models import Audit, Organisation

    with live_server.app.app_context():
        rows = db.session.execute(
            select(Answer.question_id, Answer.value)
            .join(Audit, Audit.id == Answer.audit_id)
            .join(Organisation, Organisation.id == Audit.organisation_id)
            .where(Organisation.name == email_organisation)
        )
        return dict(rows.all())


def banner(page) -> str:
    return " ".join(page.locator(".govuk-notification-banner").first.inner_text().split())


def test_answers_given_with_others_missing_are_saved_and_counted(axe_page, live_server, unique):
    page, name = axe_page, f"Partial Answers Trust {unique()}"
    email = f"partial-{unique()}@example.org"
    live_server.add_member(email, name)
    sign_in(page, email)
    page.goto("/audit/section/commitment")
    names = question_names(page)
    given = answer(page, names[:3])
    click_and_wait(page, page.get_by_role("button", name="Save and continue"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert "We saved your 3 answers. Answer the questions below to continue." in banner(page)
    assert_accessible(page, "section page with errors and saved answers")
    assert stored_answers(live_server, name) == given

    # Leaving through the menu now loses nothing.
    click_and_wait(page, page.get_by_role("link", name="Back"))
    assert f"3 of {len(names)} questions answered" in page.locator(".govuk-task-list").inner_text()


class ServerClock:
    """The server's idea of now, moved forward by the test (the same clock for sign-in and idle checks)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def time(self) -> float:
        return time.time() + self.offset


@pytest.fixture
def server_clock(monkeypatch):
    clock = ServerClock()
    monkeypatch.setattr(session_timeout, "time", clock)
    monkeypatch.setattr(auth.session, "time", clock)
    return clock


def test_answers_posted_after_an_idle_sign_out_are_saved_after_signing_in(axe_page, live_server, unique, server_clock):
    page, name = axe_page, f"Idle Answers Project {unique()}"
    email = f"idle-{unique()}@example.org"
    live_server.add_member(email, name)
    sign_in(page, email)
    page.goto("/audit/section/commitment")
    given = answer(page, question_names(page)[:2])
    with live_server.app.app_context():
        idle = int(live_server.app.config["SESSION_IDLE_MINUTES"]) * 60
    server_clock.offset += idle + 60  # the page was left open past the idle limit

    click_and_wait(page, page.get_by_role("button", name="Save and come back later"))
    assert "/sign-in" in page.url
    assert "Sign in again and the answers you just entered will be saved" in page.locator("main").inner_text()
    assert stored_answers(live_server, name) == {}

    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill("plain-river-lantern-42")
    click_and_wait(page, page.get_by_role("button", name="Sign in"))
    assert page.url.endswith("/audit/section/commitment")
    assert "We saved the 2 answers you entered before you were signed out" in banner(page)
    text = page.locator("main").inner_text()
    assert "CSRF" not in text and not page.locator(".govuk-error-summary").count()
    assert stored_answers(live_server, name) == given
    assert_accessible(page, "section page after saving kept answers")


def test_leaving_a_changed_page_asks_first_and_saving_does_not(axe_page, live_server, unique):
    page = axe_page
    email = f"leaving-{unique()}@example.org"
    live_server.add_member(email, f"Leaving Early Group {unique()}")
    sign_in(page, email)
    page.goto("/audit/section/commitment")
    seen: list[str] = []

    def dismiss(dialog) -> None:
        seen.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    answer(page, question_names(page)[:1])
    page.get_by_role("link", name="Back").click()
    page.wait_for_timeout(500)
    assert seen == ["beforeunload"], "the browser asked before leaving unsaved changes"
    assert page.url.endswith("/audit/section/commitment"), "dismissing the prompt stays on the page"

    page.remove_listener("dialog", dismiss)
    click_and_wait(page, page.get_by_role("button", name="Save and come back later"))
    assert page.url.endswith("/audit/"), "saving is not stopped by the prompt"


def test_a_double_click_on_submit_ends_on_the_results(axe_page, live_server, unique):
    page = axe_page
    email = f"double-{unique()}@example.org"
    live_server.add_member(email, f"Double Click Club {unique()}", audit="answered")
    sign_in(page, email)
    page.goto("/audit/check")
    page.get_by_role("button", name=re.compile("^Submit")).dblclick()
    page.wait_for_url(re.compile(r"/audits/\d+/results"))
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() != "Sorry, there is a problem with the service"
    assert not page.locator(".govuk-error-summary").count()
