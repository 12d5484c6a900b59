"""Consent to share results by name: asked before submitting, changeable any time, effective at once."""

from __future__ import annotations

from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, Organisation
from tests.audit.helpers import complete_audit
from tests.conftest import get_page, post_page
from tests.coordinator.helpers import read_csv

ORGANISATION = "Market Street Drop-in (example)"  # the name complete_audit gives the member's organisation


def sharing_state(app) -> tuple[bool, bool]:
    with app.app_context():
        organisation = db.session.scalar(select(Organisation))
        return organisation.share_named, organisation.sharing_changed_at is not None


def test_check_answers_asks_and_defaults_to_anonymous_totals(app, member_client):
    complete_audit(member_client, app, submit=False)
    page = get_page(member_client, "/audit/check")
    assert page.checked("sharing") == ["aggregate"]
    legend = page.soup.select_one("form legend").get_text()
    assert "Who can see your results?" in legend
    labels = [" ".join(label.get_text().split()) for label in page.soup.select("form .govuk-radios__label")]
    assert labels == [
        "Only as part of anonymous totals",
        "Also by name, to health and care coordinators for North Northamptonshire",
    ]


def test_submitting_without_choosing_keeps_results_anonymous(app, member_client):
    complete_audit(member_client, app)
    assert sharing_state(app) == (False, False)


def test_choosing_to_share_when_submitting_is_recorded(app, member_client):
    complete_audit(member_client, app, submit=False)
    response = member_client.post("/audit/submit", data={"sharing": "named"})
    assert response.status_code == 302
    assert sharing_state(app) == (True, True)
    with app.app_context():
        assert db.session.scalar(select(AccessLog.action)) == "sharing_named"


def test_a_made_up_choice_is_refused(app, member_client):
    complete_audit(member_client, app, submit=False)
    assert member_client.post("/audit/submit", data={"sharing": "everyone"}).status_code == 400
    assert sharing_state(app) == (False, False)


def test_the_choice_can_be_changed_at_any_time_and_takes_effect_at_once(app, accounts, member_client):
    audit_id = complete_audit(member_client, app)
    page = get_page(member_client, "/audit/sharing")
    assert page.h1() == "Who can see your results"
    assert "only used in anonymous totals" in page.text
    page = post_page(member_client, "/audit/sharing", {"sharing": "named"}, status=302)
    assert sharing_state(app) == (True, True)
    assert "coordinators for your area can see your results by name" in get_page(member_client, "/audit/sharing").text

    accounts.sign_out()
    accounts.staff()
    accounts.sign_in("coordinator@example.org")
    coordinator = accounts.client
    assert ORGANISATION in coordinator.get("/coordinator/organisations").get_data(as_text=True)
    assert coordinator.get(f"/coordinator/audits/{audit_id}/results").status_code == 200
    assert ORGANISATION in coordinator.get("/coordinator/export/audits.csv").get_data(as_text=True)

    accounts.sign_out()
    accounts.sign_in("member@example.org")
    post_page(member_client, "/audit/sharing", {"sharing": "aggregate"}, status=302)
    accounts.sign_out()
    accounts.sign_in("coordinator@example.org")
    assert ORGANISATION not in coordinator.get("/coordinator/organisations").get_data(as_text=True)
    assert coordinator.get(f"/coordinator/audits/{audit_id}/results").status_code == 404
    assert len(read_csv(coordinator.get("/coordinator/export/audits.csv"))) == 1  # the header only


def test_the_sharing_page_needs_an_answer(app, member_client):
    page = post_page(member_client, "/audit/sharing", {"sharing": ""})
    assert page.errors() == ["Select who can see your results"]


def test_task_list_and_results_link_to_the_sharing_page(app, member_client):
    audit_id = complete_audit(member_client, app)
    for url in ("/audit/", f"/audits/{audit_id}/results"):
        links = [a["href"] for a in get_page(member_client, url).soup.select("main a")]
        assert "/audit/sharing" in links, url


def test_coordinators_cannot_use_the_sharing_page(coordinator_client):
    assert coordinator_client.get("/audit/sharing").status_code == 403
