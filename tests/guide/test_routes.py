"""The guide as PDF and Word downloads, through the web app."""

import io
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from inclusion_audit.guide.wording import ascii_download_name, download_name
from tests.audit.helpers import complete_audit

from .poppler import pdftotext


def download(client, audit_id: int):
    response = client.get(f"/audits/{audit_id}/guide.pdf")
    assert response.status_code == 200
    return response


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_download_is_a_named_pdf_with_the_organisation_and_its_results(app, accounts, client):
    accounts.member(organisation="Zoë's Café – Łódź Ünïon 😊")
    accounts.sign_in("member@example.org")
    audit_id = complete_audit(client, app, "starting-out")
    response = download(client, audit_id)
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="market-street-drop-in-example-inclusion-health-guide-20')
    assert disposition.endswith(".pdf")
    text = pdf_text(response)
    # The profile page renamed the organisation to the example's name; the PDF must carry that name.
    assert "Market Street Drop-in (example)" in text
    assert "Commitment and leadership" in text
    assert "Use professional interpreters" in text


def test_pdf_keeps_unusual_characters_in_names(app, accounts, client):
    accounts.member()
    accounts.sign_in("member@example.org")
    from tests.audit.helpers import example, fill_profile, save_section, section_ids

    data = example("well-advanced")
    fill_profile(client, {**data["profile"], "name": "Zoë's Café – Łódź Ünïon 😊"})
    for section_id in section_ids(app):
        save_section(client, app, section_id, data["answers"])
    audit_id = int(client.post("/audit/submit").headers["Location"].split("/")[2])
    assert "Zoë's Café – Łódź Ünïon 😊" in pdftotext(download(client, audit_id).data, first=1, last=1)


def test_two_different_organisations_get_different_pdfs(app, accounts, client):
    accounts.member()
    accounts.member(email="b@example.org", organisation="B")
    accounts.sign_in("member@example.org")
    beginner = pdf_text(download(client, complete_audit(client, app, "starting-out")))
    accounts.sign_out()
    accounts.sign_in("b@example.org")
    advanced = pdf_text(download(client, complete_audit(client, app, "well-advanced")))
    assert "Use professional interpreters" in beginner
    assert "Use professional interpreters" not in advanced
    assert "Emerging" in beginner and "Established" in advanced


def test_pdf_of_another_organisation_is_not_found(app, accounts, client):
    accounts.member()
    accounts.member(email="b@example.org", organisation="B")
    accounts.sign_in("member@example.org")
    audit_id = complete_audit(client, app)
    accounts.sign_out()
    accounts.sign_in("b@example.org")
    assert client.get(f"/audits/{audit_id}/guide.pdf").status_code == 404


def test_pdf_downloads_are_rate_limited(app, member_client):
    app.config["DOWNLOAD_LIMIT"] = "2 per minute"
    audit_id = complete_audit(member_client, app)
    statuses = [member_client.get(f"/audits/{audit_id}/guide.{kind}").status_code for kind in ("pdf", "docx", "pdf")]
    assert statuses == [200, 200, 429]  # one limit for both kinds of download


def test_a_submitted_guide_renders_the_same_after_the_content_changes(app, member_client):
    audit_id = complete_audit(member_client, app)
    before = member_client.get(f"/audits/{audit_id}/guide").get_data(as_text=True)
    content = app.extensions["audit_content"]
    snippet = next(s for s in content.snippets if s.id == "named-lead-get-started")
    object.__setattr__(snippet, "body", "Completely different wording after an edit.")
    object.__setattr__(content, "version", "changed00000")
    after = member_client.get(f"/audits/{audit_id}/guide").get_data(as_text=True)

    def main(html: str) -> str:
        return html[html.index("<main") : html.index("</main>")]

    assert main(before) == main(after)
    assert "Completely different wording" not in after


def test_word_download_is_a_named_document_with_the_organisation(app, accounts, client):
    accounts.member(organisation="جمعية الأمل الخيرية")
    accounts.sign_in("member@example.org")
    audit_id = complete_audit(client, app, "starting-out")
    response = client.get(f"/audits/{audit_id}/guide.docx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = response.headers["Content-Disposition"]
    assert 'filename="market-street-drop-in-example-inclusion-health-guide-20' in disposition
    document = Document(io.BytesIO(response.data))
    assert "Market Street Drop-in (example)" in document.core_properties.title
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Use professional interpreters" in text  # as in the starting-out PDF: the same guide, the same words


def test_guide_page_offers_word_and_pdf(app, member_client):
    audit_id = complete_audit(member_client, app)
    html = member_client.get(f"/audits/{audit_id}/guide").get_data(as_text=True)
    assert f'href="/audits/{audit_id}/guide.docx"' in html and "as a Word document" in html
    assert f'href="/audits/{audit_id}/guide.pdf"' in html and "as a PDF, for printing" in html


def test_accessibility_statement_says_what_the_pdf_is(app, client, member_client):
    # The statement says the PDF is not tagged: if it ever becomes tagged, this fails and the statement must change.
    audit_id = complete_audit(member_client, app)
    pdf = PdfReader(io.BytesIO(member_client.get(f"/audits/{audit_id}/guide.pdf").data))
    assert "/StructTreeRoot" not in pdf.trailer["/Root"] and "/MarkInfo" not in pdf.trailer["/Root"]
    statement = " ".join(client.get("/accessibility").get_data(as_text=True).split())
    assert "The PDF version of the guide is not a tagged PDF." in statement
    assert "the Word document are the accessible versions" in statement
    assert "The PDF is for printing." in statement


@pytest.mark.parametrize(
    ("organisation", "full", "plain"),
    [
        ("Zoë's Café / Łódź", "zoë-s-café-łódź-inclusion-health-guide-2026-11-24.pdf", "zoe-s-cafe-odz"),
        ("../../etc/passwd", "etc-passwd-inclusion-health-guide-2026-11-24.pdf", "etc-passwd"),
        ('Quote" \\ and\r\nnew line', "quote-and-new-line-inclusion-health-guide-2026-11-24.pdf", "quote-and-new-line"),
        ("جمعية الأمل", "جمعية-الأمل-inclusion-health-guide-2026-11-24.pdf", ""),
        ("😊 \u202eRight\u202c", "right-inclusion-health-guide-2026-11-24.pdf", "right"),
    ],
)
def test_download_names_are_safe(organisation: str, full: str, plain: str):
    day = date(2026, 11, 24)
    assert download_name(organisation, day, "pdf") == full
    expected_plain = (
        f"{plain}-inclusion-health-guide-2026-11-24.pdf" if plain else "inclusion-health-guide-2026-11-24.pdf"
    )
    assert ascii_download_name(organisation, day, "pdf") == expected_plain


def test_long_names_are_shortened_in_file_names():
    name = download_name("A" * 300, date(2026, 11, 24), "docx")
    assert name == "a" * 60 + "-inclusion-health-guide-2026-11-24.docx"
