"""A new organisation in Chromium: submit, then make an action plan with owners and due dates, download it as
Word and read the actions back out; check its certificate; axe-core on every new page."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import docx
import pytest
from pypdf import PdfReader

from inclusion_audit.dates import format_date
from inclusion_audit.extensions import db
from inclusion_audit.models import User
from inclusion_audit.passwords import hash_password

from .actions import click_and_wait, sign_in
from .support import PASSWORD, assert_accessible

pytestmark = pytest.mark.browser


def error_links(page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(".govuk-error-summary__list a").all_inner_texts()]


def card_titles(page) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(".govuk-summary-card__title").all_inner_texts()]


def fill_date(page, day: str, month: str, year: str) -> None:
    page.get_by_label("Day").fill(day)
    page.get_by_label("Month").fill(month)
    page.get_by_label("Year").fill(year)


def test_from_submit_to_a_plan_with_owners_and_dates_then_word_and_certificate(axe_page, live_server, unique, tmp_path):
    page, checked = axe_page, []
    # Due dates a few weeks ahead, so nothing is overdue whenever the test runs.
    soon, later = date.today() + timedelta(days=40), date.today() + timedelta(days=80)
    email, organisation = f"plan{unique()}@example.org", f"Plan Test Project {unique()}"
    live_server.add_member(email, organisation, audit="answered")
    sign_in(page, email)
    page.goto("/audit/check")
    click_and_wait(page, page.get_by_role("button", name="Submit and see your results"))
    assert "/results" in page.url

    page.goto("/audit/")
    assert re.fullmatch(r"0 of 5 actions done\.", page.locator("#plan-progress").inner_text())
    click_and_wait(page, page.get_by_role("link", name="See and update your action plan"))
    assert page.locator("h1").inner_text() == "Your action plan"
    assert_accessible(page, "action plan", checked)
    top = card_titles(page)
    assert len(top) == 5

    # The first action: a mistyped date first, then the member themself, a due date and a note.
    first = page.locator(".govuk-summary-card").first
    click_and_wait(page, first.get_by_role("link", name=re.compile("^Change")))
    assert page.locator("h1").inner_text() == "Change an action"
    assert_accessible(page, "change an action", checked)
    page.get_by_label(email).check()
    fill_date(page, str(soon.day), "", str(soon.year))
    click_and_wait(page, page.get_by_role("button", name="Save"))
    assert error_links(page) == ["The due date must include a month"]
    assert page.get_by_label("Day").input_value() == str(soon.day), "what was typed is kept"
    assert_accessible(page, "change an action with errors", checked)
    page.locator(".govuk-error-summary__list a").first.click()
    assert page.evaluate("document.activeElement.id") == "due_on-day"
    fill_date(page, str(soon.day), str(soon.month), str(soon.year))
    page.get_by_label("In progress").check()
    page.get_by_label("Note (optional)").fill("Agreed at the March team meeting.")
    click_and_wait(page, page.get_by_role("button", name="Save"))
    assert page.locator("#plan-progress").inner_text() == "0 of 5 actions done"
    card = page.locator(".govuk-summary-card").first
    assert email in card.inner_text() and format_date(soon) in card.inner_text()

    # An action of their own, owned by someone outside the team.
    click_and_wait(page, page.get_by_role("link", name="Add an action of your own"))
    assert_accessible(page, "add an action of your own", checked)
    page.get_by_label("What is the action?").fill("Ask the night shelter to join our steering group")
    page.get_by_label("More than one section, or none").check()
    click_and_wait(page, page.get_by_role("button", name="Add to your plan"))
    assert page.locator("h1").inner_text() == "Change an action"
    page.get_by_label("Someone who is not in your team on this service").check()
    page.get_by_label("If they are not in your team on this service, their name").fill("Shelter manager")
    fill_date(page, str(later.day), later.strftime("%b"), str(later.year))  # a month name works too
    page.get_by_label("Done").check()
    click_and_wait(page, page.get_by_role("button", name="Save"))
    assert page.locator("#plan-progress").inner_text() == "1 of 6 actions done"

    click_and_wait(page, page.get_by_role("link", name="Add another action that your guide suggests"))
    assert_accessible(page, "add actions from your guide", checked)
    offered = page.locator("input[name=actions]")
    assert offered.count() >= 1
    offered.first.check()
    click_and_wait(page, page.get_by_role("button", name="Add to your plan"))
    plan = card_titles(page)
    assert len(plan) == 7 and plan[:5] == top and plan[5] == "Ask the night shelter to join our steering group"
    assert_accessible(page, "action plan with changes", checked)

    # The Word file, read back with python-docx.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your plan as a Word document").click()
    saved = tmp_path / "plan.docx"
    download.value.save_as(saved)
    table = docx.Document(str(saved)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert [row[0] for row in rows[1:]] == plan
    assert rows[1][2:5] == [email, format_date(soon), "In progress"]
    assert rows[6][2:5] == ["Shelter manager", format_date(later), "Done"]
    assert rows[1][5] == "Agreed at the March team meeting."

    # The certificate's code checks out on the public page, for someone not signed in.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your certificate (PDF)").click()
    certificate = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(certificate.pages[0].extract_text().split())
    assert organisation in text and "completed the inclusion health self-audit" in text
    code = re.search(r"Verification code: (\S+)", text).group(1)
    visitor = page.context.browser.new_context(base_url=live_server.base_url, bypass_csp=True).new_page()
    visitor.goto("/certificate")
    assert_accessible(visitor, "check a certificate", checked)
    visitor.get_by_label("Verification code").fill(code.lower().replace("-", ""))
    click_and_wait(visitor, visitor.get_by_role("button", name="Check the code"))
    assert visitor.locator("h1").inner_text() == "This certificate is genuine"
    assert organisation in visitor.locator("main").inner_text()
    assert_accessible(visitor, "certificate is genuine", checked)
    visitor.goto("/certificate/AAAA-AAAA-AAAA")
    assert_accessible(visitor, "certificate not found", checked)
    visitor.context.close()

    # The guide shows the plan table; the account page offers reminder choices; the team page shows roles.
    page.goto("/audit/")
    click_and_wait(page, page.get_by_role("link", name=re.compile("^Results and guide from")))
    page.goto(page.url.replace("/results", "/guide"))
    assert page.locator("caption", has_text="Your action plan").count() == 1
    assert_accessible(page, "guide with the plan table", checked)
    page.goto("/account")
    assert page.locator("h1").inner_text() == "Your account"
    assert page.locator("input[name=reminders]:checked").count() == 4
    assert_accessible(page, "account", checked)
    page.goto("/audit/team")
    assert "Admin" in page.locator("#members").inner_text()
    assert_accessible(page, "team with roles", checked)
    page.goto("/audit/team/leave")
    assert page.locator("#last-admin").is_visible()
    assert_accessible(page, "leave the team (last admin)", checked)
    assert len(checked) == 13


def test_team_pages_for_an_admin_and_a_member_pass_axe(axe_page, new_context, live_server, unique):
    admin_email, colleague_email = f"roles{unique()}@example.org", f"colleague{unique()}@example.org"
    live_server.add_member(admin_email, f"Roles Project {unique()}", audit="answered")
    with live_server.app.app_context():
        admin = db.session.scalar(db.select(User).where(User.email == admin_email))
        db.session.add(
            User(email=colleague_email, password_hash=hash_password(PASSWORD), organisation_id=admin.organisation_id)
        )
        db.session.commit()
    page, checked = axe_page, []
    sign_in(page, admin_email)
    page.goto("/audit/team")
    row = page.locator(".govuk-summary-list__row", has_text=colleague_email)
    click_and_wait(page, row.get_by_role("link", name=f"Change role of {colleague_email}"))
    assert_accessible(page, "change role", checked)
    page.goto("/audit/team")
    click_and_wait(page, row.get_by_role("link", name=f"Remove {colleague_email}"))
    assert_accessible(page, "remove a member", checked)

    member = new_context(bypass_csp=True).new_page()
    sign_in(member, colleague_email)
    for path, label in [
        ("/audit/team", "team as a member"),
        ("/audit/sharing", "sharing, read only"),
        ("/audit/check", "check answers with sharing read only"),
        ("/audit/your-data", "your data as a member"),
        ("/audit/team/leave", "leave the team"),
    ]:
        member.goto(path)
        assert_accessible(member, label, checked)
    click_and_wait(member, member.get_by_role("button", name="Leave the team"))
    assert error_links(member) == [
        "Confirm that you understand your account will be deleted",
        "Enter your password",
    ]
    assert_accessible(member, "leave the team with errors", checked)
    assert len(checked) == 8
