"""The certificate of completion: what it says (and never says), its code, and the public check page."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from sqlalchemy import select, update

from inclusion_audit.engine import Guide
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit
from inclusion_audit.plan_models import PlanAction
from inclusion_audit.queries.certificates import _new_code, normalise_code
from tests.audit.helpers import complete_audit
from tests.conftest import get_page

CODE = re.compile(r"Verification code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")


def _certificate(client) -> tuple[str, PdfReader]:
    response = client.get("/audit/plan/certificate.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), reader


def test_the_certificate_names_the_organisation_sections_and_stages_and_nothing_it_should_not(app, member_client):
    audit_id = complete_audit(member_client, app)
    text, reader = _certificate(member_client)
    with app.app_context():
        audit = db.session.get(Audit, audit_id)
        guide = Guide.from_dict(audit.guide_snapshot)
        name, version = audit.organisation.name, audit.content_version
    assert len(reader.pages) == 1
    assert name in text
    assert "completed the inclusion health self-audit" in text
    assert f"content version {version}" in text
    for section in guide.sections:
        assert f"{section.result.title} {section.result.band_label}" in text
    lowered = text.lower()
    assert "accredited" not in lowered and "approved" not in lowered
    assert "%" not in text, "no scores"
    assert CODE.search(text)
    assert reader.metadata.title == f"Certificate of completion: {name}"


def test_the_code_checks_out_on_a_public_page_that_shows_nothing_else(app, member_client):
    audit_id = complete_audit(member_client, app)
    text, _ = _certificate(member_client)
    code = CODE.search(text).group(1)
    assert f"/certificate/{code}" in text
    again, _ = _certificate(member_client)
    assert CODE.search(again).group(1) == code, "downloading again gives the same certificate"

    anyone = app.test_client()
    page = get_page(anyone, f"/certificate/{code}")
    assert page.h1() == "This certificate is genuine"
    with app.app_context():
        audit = db.session.get(Audit, audit_id)
        guide = Guide.from_dict(audit.guide_snapshot)
        name = audit.organisation.name
    body = " ".join(page.soup.find("main").get_text().split())
    assert name in body and code in body
    assert "%" not in body
    for section in guide.sections:
        assert section.result.title not in body
    # Typed as people copy it from paper: lower case, no hyphens, O for zero.
    typed = code.lower().replace("-", "").replace("0", "o")
    assert get_page(anyone, f"/certificate/{typed}").h1() == "This certificate is genuine"
    assert anyone.get(f"/certificate?code={typed}").headers["Location"] == f"/certificate/{code}"


def test_unknown_and_malformed_codes_are_not_found(app, client):
    for code in ("AAAA-AAAA-AAAA", "x", "A" * 200, "%E2%80%AE"):
        page = get_page(client, f"/certificate/{code}", status=404)
        assert page.h1() == "We cannot find a certificate with this code"
    page = get_page(client, "/certificate?code=not+a+code", status=400)
    assert page.soup.title.get_text().startswith("Error: ")
    assert page.soup.find(id="code")["value"] == "not a code"


def test_codes_are_random_from_an_unambiguous_alphabet(app):
    codes = {_new_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", c) for c in codes)
    assert normalise_code("ilo0-ILO0-1234") == "1100-1100-1234"


def test_no_certificate_until_the_plan_has_three_actions(app, member_client):
    complete_audit(member_client, app)
    with app.app_context():
        db.session.execute(update(PlanAction).values(origin="own"))
        db.session.commit()
        ids = list(db.session.scalars(select(PlanAction.id)))
    for action in ids[:3]:
        assert member_client.post(f"/audit/plan/actions/{action}/remove").status_code == 302
    assert member_client.get("/audit/plan/certificate.pdf").status_code == 404
    assert "When your plan has at least 3 actions" in get_page(member_client, "/audit/plan").text
    assert member_client.post("/audit/plan/add", data={"text": "A third one", "section": "none"}).status_code == 302
    assert member_client.get("/audit/plan/certificate.pdf").status_code == 200


def test_without_a_submitted_audit_there_is_no_certificate(member_client):
    assert member_client.get("/audit/plan/certificate.pdf").status_code == 404


def test_checking_codes_is_rate_limited(app, app_config, make_app):
    limited = make_app({**app_config, "CERTIFICATE_CHECK_LIMIT": "3 per minute"})
    client = limited.test_client()
    statuses = [client.get("/certificate/AAAA-AAAA-AAAA").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
    assert client.get("/certificate").status_code == 429, "the form and the page share one limit"
    assert client.get("/").status_code == 200
