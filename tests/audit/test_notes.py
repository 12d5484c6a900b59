"""Each section's optional notes: saved with the answers, shown back to the organisation, kept from coordinators."""

from __future__ import annotations

import io
import json

from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import AuditSection
from tests.audit.helpers import complete_audit, example, questions_of, revision_on_page
from tests.conftest import PASSWORD, Accounts, get_page, post_page

NOTES = "Drop-in on Tuesdays.\nOur evidence: the 2025 visitor survey.\nPlan: a trustee lead by spring."
WARNING = "Do not include anything about the people you support"


def stored_notes(app) -> dict[str, str]:
    with app.app_context():
        return {row.section_id: row.notes for row in db.session.scalars(select(AuditSection))}


def post_section(client, app, section_id: str, answers: dict, notes: str, action: str = "later", status=302):
    page = get_page(client, f"/audit/section/{section_id}")
    data = {q: answers[q] for q in questions_of(app, section_id) if q in answers}
    data.update(action=action, notes=notes, revision=page.value_of("revision"), original=page.value_of("original"))
    response = client.post(f"/audit/section/{section_id}", data=data)
    assert response.status_code == status
    return response


def test_the_warning_about_people_is_only_where_there_is_somewhere_to_type(app, member_client):
    page = get_page(member_client, "/audit/section/commitment")
    text = " ".join(page.soup.get_text(" ").split())
    assert text.count(WARNING) == 1
    textarea = page.soup.find("textarea", attrs={"name": "notes"})
    assert textarea.find_parent(attrs={"data-module": "govuk-character-count"})["data-maxlength"] == "1000"
    assert "notes-hint" in textarea["aria-describedby"].split()
    hint = page.soup.find(id="notes-hint")
    assert WARNING in hint.get_text()
    assert "What you already do, evidence or plans." in hint.get_text()
    label = " ".join(page.soup.find("label", attrs={"for": "notes"}).get_text().split())
    assert label == "Notes (optional)"


def test_notes_are_saved_with_the_answers_and_shown_on_the_page_and_check_answers(app, member_client):
    answers = example("starting-out")["answers"]
    post_section(member_client, app, "commitment", answers, NOTES.replace("\n", "\r\n"))
    assert stored_notes(app)["commitment"] == NOTES, "line breaks kept, one character each"
    assert get_page(member_client, "/audit/section/commitment").soup.find("textarea").get_text().strip() == NOTES

    complete_audit(member_client, app, submit=False)  # saves every section again, without notes in the form
    check = get_page(member_client, "/audit/check")
    notes_rows = [
        row for row in check.soup.select(".govuk-summary-list__row") if row.dt.get_text(strip=True) == "Notes"
    ]
    assert len(notes_rows) == 5
    values = [row.select_one(".govuk-summary-list__value").get_text().strip() for row in notes_rows]
    assert values[0] == NOTES, "a save without the notes field on it changes nothing"
    assert values[1:] == ["No notes"] * 4
    assert notes_rows[0].select_one("a")["href"] == "/audit/section/commitment?source=check#notes"


def test_notes_over_1000_characters_are_refused_and_the_answers_still_saved(app, member_client):
    first = questions_of(app, "commitment")[0]
    data = {first: "early", "action": "continue", "notes": "x" * 1001}
    data["revision"] = revision_on_page(member_client, "commitment")
    page = post_page(member_client, "/audit/section/commitment", data)
    assert "Notes must be 1,000 characters or fewer" in page.errors()
    assert "We saved your 1 answer." in " ".join(page.soup.get_text(" ").split())
    assert stored_notes(app).get("commitment", "") == ""
    # Exactly 1,000, with line breaks sent as two characters each, is fine.
    post_section(member_client, app, "commitment", {}, ("y" * 99 + "\r\n") * 10)
    assert len(stored_notes(app)["commitment"]) == 999  # the last line break is trimmed


def test_notes_with_hidden_direction_characters_are_refused(app, member_client):
    data = {"action": "later", "notes": "Our plan \u202eevil", "revision": revision_on_page(member_client, "access")}
    page = post_page(member_client, "/audit/section/access", data)
    assert page.errors() == ["Notes must not include hidden characters that change the text direction"]


def test_notes_changed_in_two_tabs_are_not_overwritten(app, member_client):
    post_section(member_client, app, "impact", {}, "First version")
    stale = get_page(member_client, "/audit/section/impact")
    post_section(member_client, app, "impact", {}, "A colleague's version")
    data = {"action": "later", "notes": "My version"}
    data.update(revision=stale.value_of("revision"), original=stale.value_of("original"))
    page = post_page(member_client, "/audit/section/impact", data)
    banner = " ".join(
        page.soup.find(id="conflict-title").find_parent(class_="govuk-notification-banner").get_text(" ").split()
    )
    assert "Notes : A colleague's version" in banner
    assert stored_notes(app)["impact"] == "A colleague's version"


def test_notes_are_in_the_guide_appendix_and_data_download_but_never_shown_to_coordinators(app, accounts, client):
    accounts.member()
    accounts.sign_in("member@example.org")
    complete_audit(client, app, submit=False)
    post_section(client, app, "workforce", example("starting-out")["answers"], NOTES)
    client.post("/audit/sharing", data={"sharing": "named"})
    audit_id = int(client.post("/audit/submit", data={"sharing": "named"}).headers["Location"].split("/")[2])

    guide = get_page(client, f"/audits/{audit_id}/guide")
    appendix = guide.soup.find(id="your-notes")
    assert appendix.get_text(strip=True) == "Appendix: your notes"
    assert appendix.find_next("p", class_="app-preserve-lines").get_text() == NOTES
    assert guide.soup.find("a", href="#your-notes") is not None
    data = json.loads(client.get("/audit/your-data/download").get_data(as_text=True))
    assert data["audits"][0]["notes"] == {"workforce": NOTES}

    # The organisation's PDF and Word copies end with the same appendix, line breaks kept.
    reader = PdfReader(io.BytesIO(client.get(f"/audits/{audit_id}/guide.pdf").data))
    pdf_text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Appendix: your notes" in pdf_text and "Staff, volunteers and lived experience" in pdf_text
    for line in NOTES.splitlines():
        assert line in pdf_text.splitlines(), line
    document = Document(io.BytesIO(client.get(f"/audits/{audit_id}/guide.docx").data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-2:] == ["Appendix: your notes", "Staff, volunteers and lived experience"]
    assert document.paragraphs[-1].text == NOTES  # each line break a break in one paragraph

    accounts.staff()
    coordinator = client.application.test_client()
    Accounts(app, coordinator).sign_in("coordinator@example.org", PASSWORD)
    for url in (
        f"/coordinator/audits/{audit_id}/results",
        f"/coordinator/audits/{audit_id}/guide",
        "/coordinator/export/audits.csv",
        "/coordinator/export/summary.csv",
        "/coordinator/",
    ):
        response = coordinator.get(url)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert "Drop-in on Tuesdays" not in body and "your notes" not in body.lower(), url


def test_the_notes_box_shows_each_organisations_own_words_exactly_and_nobody_elses(app, accounts, client):
    """The notes box's markup is reused between pages (it is most of a question page's time): only its frame."""
    mine = 'Tuesdays <b>"drop-in"</b> & Friday’s outreach — 2 sites'
    accounts.member("first@example.org", organisation="First Project")
    accounts.member("second@example.org", organisation="Second Project")
    accounts.sign_in("first@example.org")
    post_section(client, app, "workforce", {}, mine)
    page = get_page(client, "/audit/section/workforce")
    box = page.soup.find("textarea", attrs={"name": "notes"})
    assert box.get_text() == mine  # escaped on the page and read back as the very same text
    assert "<b>" not in str(box.decode_contents())
    client.post("/sign-out", data={})
    accounts.sign_in("second@example.org")
    other = get_page(client, "/audit/section/workforce")
    assert other.soup.find("textarea", attrs={"name": "notes"}).get_text() == ""
    assert "drop-in" not in other.text
