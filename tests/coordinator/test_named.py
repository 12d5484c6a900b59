"""Named views: only organisations that share, only in the coordinator's area, and every view is logged."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, Audit, Organisation
from tests.conftest import get_page

from .fixture import HIDDEN_NAMES, SHARED_NAMES, build
from .helpers import read_xlsx, sign_in_staff


def latest_audit_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(
            select(Audit.id).join(Organisation).where(Organisation.name == name).order_by(Audit.id.desc())
        )


@pytest.fixture
def coordinator(app, accounts):
    build(app)
    return sign_in_staff(accounts)


def log(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.execute(select(AccessLog.user_email, AccessLog.action, AccessLog.organisation_id))
        return [tuple(row) for row in rows]


def test_the_list_shows_only_organisations_that_share(coordinator):
    page = get_page(coordinator, "/coordinator/organisations")
    names = [" ".join(th.get_text().split()) for th in page.soup.select("tbody th")]
    assert names == sorted(SHARED_NAMES)
    assert not any(name in page.text for name in HIDDEN_NAMES)


def test_an_area_coordinator_sees_only_their_area_by_name(app, accounts):
    build(app)
    client = sign_in_staff(accounts, "corby@example.org", area="north_northamptonshire")
    page = get_page(client, "/coordinator/organisations")
    names = [" ".join(th.get_text().split()) for th in page.soup.select("tbody th")]
    assert names == ["Corby Alpha Trust", "Corby Charlie Trust", "Corby Foxtrot Trust"]
    kettering = latest_audit_id(app, "Kettering Kilo Trust")
    assert client.get(f"/coordinator/audits/{kettering}/results").status_code == 404


def test_admins_see_every_area(app, accounts):
    build(app)
    client = sign_in_staff(accounts, "admin@example.org", role="admin", area="north_northamptonshire")
    page = get_page(client, "/coordinator/organisations")
    assert len(page.soup.select("tbody tr")) == len(SHARED_NAMES)


def test_shared_results_and_guide_are_read_only_and_logged(app, coordinator):
    audit_id = latest_audit_id(app, "Corby Alpha Trust")
    page = get_page(coordinator, f"/coordinator/audits/{audit_id}/results")
    assert page.h1() == "Shared results"
    assert "Corby Alpha Trust" in page.text
    hrefs = [a["href"] for a in page.soup.select("main a")]
    assert f"/coordinator/audits/{audit_id}/guide" in hrefs
    assert not any(href.startswith(("/audits/", "/audit/")) for href in hrefs), hrefs
    assert "How you compare" not in page.text
    guide = get_page(coordinator, f"/coordinator/audits/{audit_id}/guide")
    assert guide.h1() == "Shared inclusion health guide"
    assert ".pdf" not in guide.text
    with app.app_context():
        organisation_id = db.session.get(Audit, audit_id).organisation_id
    assert log(app) == [
        ("coordinator@example.org", "view_results", organisation_id),
        ("coordinator@example.org", "view_guide", organisation_id),
    ]


def test_organisations_that_do_not_share_are_not_found(app, coordinator):
    hidden = latest_audit_id(app, "Corby Bravo Hidden")
    assert coordinator.get(f"/coordinator/audits/{hidden}/results").status_code == 404
    assert coordinator.get(f"/coordinator/audits/{hidden}/guide").status_code == 404
    assert coordinator.get("/coordinator/audits/99999/results").status_code == 404
    assert log(app) == []


def test_an_audit_in_progress_is_not_found(app, coordinator):
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).where(Organisation.name == "Corby Alpha Trust"))
        audit = Audit(organisation=organisation)
        db.session.add(audit)
        db.session.commit()
        audit_id = audit.id
    assert coordinator.get(f"/coordinator/audits/{audit_id}/results").status_code == 404


def test_hidden_names_appear_nowhere_a_coordinator_can_go(app, coordinator):
    urls = [
        "/coordinator/",
        "/coordinator/?area=north_northamptonshire",
        "/coordinator/organisations",
        "/coordinator/export/audits.csv",
        "/coordinator/export/audits.csv?area=all",
        "/coordinator/export/audits.xlsx",
        "/coordinator/export/summary.csv",
        "/coordinator/export/summary.xlsx",
    ]
    for url in urls:
        response = coordinator.get(url)
        body = repr(read_xlsx(response)) if url.endswith(".xlsx") else response.get_data(as_text=True)
        assert response.status_code == 200, url
        assert not any(name in body for name in HIDDEN_NAMES), url


def test_members_of_other_organisations_still_get_not_found(app, member_client):
    build(app)
    audit_id = latest_audit_id(app, "Corby Alpha Trust")
    assert member_client.get(f"/audits/{audit_id}/results").status_code == 404
    assert member_client.get(f"/coordinator/audits/{audit_id}/results").status_code == 403
