"""The guide as a PDF download, through the web app."""

import io

from pypdf import PdfReader

from tests.audit.helpers import complete_audit


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
    assert response.headers["Content-Disposition"].startswith('attachment; filename="inclusion-health-guide-')
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
    assert "Zoë's Café – Łódź Ünïon 😊" in pdf_text(download(client, audit_id))


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
    app.config["PDF_LIMIT"] = "2 per minute"
    audit_id = complete_audit(member_client, app)
    statuses = [member_client.get(f"/audits/{audit_id}/guide.pdf").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


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
