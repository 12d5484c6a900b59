"""Two systems in Chromium: the demo admin invites a coordinator for the made-up system, who accepts from the
logged email, adds local help, and sees it in a new guide of an organisation in that system, not in one of
Northamptonshire's. axe and the Nu HTML checker on every admin page (tests/browser/screenshots.py takes their
pictures)."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import pytest

from inclusion_audit.demo import DEMO_ADMIN, DEMO_SYSTEM_NAME

from .actions import click_and_wait, sign_in, sign_out
from .support import DEMO_PASSWORD, PASSWORD, assert_accessible

pytestmark = pytest.mark.browser

VALE_EAST, VALE_EAST_NAME = "fictional_vale_east", "Fictional Vale East (demo)"


class LoggedEmails(logging.Handler):
    """Without a mail host each email is written to the app's log at WARNING: keep those records."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def link_to(self, email: str, marker: str) -> str:
        sent = [message for message in self.messages if f"To: {email}\n" in message]
        assert sent, f"no email to {email} was logged"
        return urlsplit(next(word for word in sent[-1].split() if marker in word)).path


@pytest.fixture
def logged_emails(live_server):
    handler = LoggedEmails()
    live_server.app.logger.addHandler(handler)
    yield handler
    live_server.app.logger.removeHandler(handler)


def _submit_in_browser(page, email: str) -> None:
    """Sign in as a member whose every answer is in, submit, and open the guide."""
    sign_in(page, email)
    page.goto("/audit/check")
    click_and_wait(page, page.get_by_role("button", name="Submit and see your results"))
    click_and_wait(page, page.get_by_role("button", name="Read your guide"))


def test_an_admin_invites_a_coordinator_whose_local_help_reaches_only_their_system(
    axe_page, live_server, logged_emails, unique
):
    page, number = axe_page, unique()
    coordinator = f"vale.lead.{number}@example.org"
    sign_in(page, DEMO_ADMIN, DEMO_PASSWORD)
    click_and_wait(page, page.get_by_role("link", name="People"))
    assert page.locator("h1").inner_text() == "People"
    assert page.get_by_role("cell", name="vale.coordinator@example.org").count() == 1
    assert_accessible(page, "admin: people")

    click_and_wait(page, page.get_by_role("button", name="Systems and areas"))
    assert page.get_by_role("heading", name=DEMO_SYSTEM_NAME).count() == 1
    assert_accessible(page, "admin: systems and areas")

    click_and_wait(page, page.get_by_role("link", name="Back to people"))
    click_and_wait(page, page.get_by_role("button", name="Invite someone"))
    page.get_by_label("Email address").fill(coordinator)
    page.get_by_label("Coordinator", exact=True).check()
    click_and_wait(page, page.get_by_role("button", name="Send the invitation"))
    assert "Select what they will work on" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Email address").input_value() == coordinator
    assert_accessible(page, "admin: invite, with an error")
    page.get_by_label(f"All of {DEMO_SYSTEM_NAME}").check()
    assert_accessible(page, "admin: invite")
    click_and_wait(page, page.get_by_role("button", name="Send the invitation"))
    assert f"Invitation sent to {coordinator}" in page.locator(".govuk-notification-banner").inner_text()
    sign_out(page)

    page.goto(logged_emails.link_to(coordinator, "/invitation/staff/"))
    assert page.locator("h1").inner_text() == "Set your password"
    assert DEMO_SYSTEM_NAME in page.locator("main").inner_text()
    assert_accessible(page, "accept a staff invitation")
    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    click_and_wait(page, page.get_by_role("button", name="Set password and sign in"))
    assert urlsplit(page.url).path == "/coordinator/"

    title = f"Vale Food Bank {number}"
    page.goto("/coordinator/local-help/add")
    page.get_by_label(VALE_EAST_NAME).check()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Who runs it").fill("Vale Food Bank")
    page.get_by_label("Description").fill("Food parcels and advice on benefits.")
    page.get_by_label("Help", exact=True).check()
    click_and_wait(page, page.get_by_role("button", name="Save"))
    assert f"“{title}” has been added" in page.locator(".govuk-notification-banner").inner_text()
    sign_out(page)

    vale_member, north_member = f"vale.member.{number}@example.org", f"north.member.{number}@example.org"
    live_server.add_member(vale_member, f"Vale Riverside Project {number}", audit="answered")
    live_server.add_member(north_member, f"Nene Riverside Project {number}", audit="answered")
    _move_to(live_server, vale_member, VALE_EAST)

    _submit_in_browser(page, vale_member)
    guide = page.locator("main").inner_text()
    assert f"Local help in {VALE_EAST_NAME}" in guide and title in guide
    sign_out(page)
    _submit_in_browser(page, north_member)
    guide = page.locator("main").inner_text()
    assert re.search(r"Local help in North Northamptonshire", guide) and title not in guide


def _move_to(live_server, email: str, area: str) -> None:
    """The member's organisation works in `area` (as if it had chosen it on the profile page)."""
    from sqlalchemy import select

    from inclusion_audit.extensions import db
    from inclusion_audit.models import User

    with live_server.app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        user.organisation.area, user.organisation.local_area = area, None
        db.session.commit()


def test_every_other_admin_page_passes_axe_and_the_html_checker(axe_page, unique):
    """The person page, and adding, renaming and retiring, each with its errors shown (nothing is changed)."""
    page = axe_page
    sign_in(page, DEMO_ADMIN, DEMO_PASSWORD)
    page.goto("/admin/")
    click_and_wait(page, page.get_by_role("link", name="Change vale.coordinator@example.org"))
    assert page.locator("h1").inner_text() == "vale.coordinator@example.org"
    assert_accessible(page, "admin: a person")
    page.goto("/admin/systems")
    for link, button, label in [
        ("Add a system", "Add the system", "add a system"),
        (f"Add an area to {DEMO_SYSTEM_NAME}", "Add the area", "add an area"),
        (f"Rename {DEMO_SYSTEM_NAME}", "Save the new name", "rename a system"),
        (f"Rename {VALE_EAST_NAME}", "Save the new name", "rename an area"),
        (f"Retire {VALE_EAST_NAME}", "Retire the area and move its organisations", "retire an area"),
    ]:
        page.goto("/admin/systems")
        target = (
            page.get_by_role("button", name=link) if link == "Add a system" else page.get_by_role("link", name=link)
        )
        click_and_wait(page, target)
        assert_accessible(page, f"admin: {label}")
        if label.startswith("rename"):
            page.get_by_label("New name").fill("")
        click_and_wait(page, page.get_by_role("button", name=button))
        assert page.locator(".govuk-error-summary").is_visible(), label
        assert_accessible(page, f"admin: {label}, with errors")
