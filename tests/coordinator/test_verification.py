"""Verifying organisations: only verified organisations count in coordinator figures; the queue, the decision,
its log and what the organisation is told."""

from __future__ import annotations

from sqlalchemy import select

from inclusion_audit import queries
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User, VerificationDecision
from inclusion_audit.queries import Filters
from inclusion_audit.queries.stored_figures import figure_differences
from tests.audit.helpers import complete_audit
from tests.conftest import Accounts, get_page, last_email, post_page
from tests.coordinator.helpers import sign_in_staff

PROFILE = {"area": "west_northamptonshire", "org_type": "charity", "size_band": "under_10"}


def _registered(app, accounts, email="lone@example.org", name="Lone Star Trust", **profile) -> int:
    accounts.member(email=email, organisation=name, **{**PROFILE, **profile})
    client = app.test_client()
    Accounts(app, client).sign_in(email)
    complete_audit(client, app, "well-advanced")
    with app.app_context():
        organisation = db.session.scalar(select(User).where(User.email == email)).organisation
        organisation.name = name  # the example answers file renames it
        organisation.area = profile.get("area", PROFILE["area"])  # and sets its area
        db.session.commit()
        return organisation.id


def _with_results(app) -> int:
    with app.app_context():
        return queries.headline(Filters()).organisations_with_results.count


def test_an_unverified_organisation_uses_the_audit_but_counts_in_no_figure(app, accounts):
    _registered(app, accounts)
    assert _with_results(app) == 0
    client = app.test_client()
    Accounts(app, client).sign_in("lone@example.org")
    page = get_page(client, "/audit/")
    assert "has not verified your organisation yet" in page.soup.find(id="verification").get_text()


def test_a_coordinator_sees_the_queue_verifies_and_the_organisation_counts_and_is_told(app, accounts):
    organisation_id = _registered(app, accounts)
    with app.app_context():
        db.session.get(Organisation, organisation_id).registration_number = "1234567"
        db.session.commit()
    staff = sign_in_staff(accounts)
    queue = get_page(staff, "/coordinator/verify")
    assert "Lone Star Trust" in queue.soup.get_text() and "example.org" in queue.soup.get_text()
    details = get_page(staff, f"/coordinator/verify/{organisation_id}")
    text = " ".join(details.soup.get_text().split())
    assert "1234567" in text and "West Northamptonshire" in text
    response = staff.post(f"/coordinator/verify/{organisation_id}", data={"decision": "verified", "reason": ""})
    assert response.status_code == 302
    assert _with_results(app) == 1
    queue = get_page(staff, "/coordinator/verify")
    assert "Lone Star Trust is verified. We have emailed its admins." in " ".join(queue.soup.get_text().split())
    assert queue.soup.find("table") is None  # nobody else is waiting
    assert "has verified Lone Star Trust" in last_email(app, "lone@example.org").body
    with app.app_context():
        decision = db.session.scalar(select(VerificationDecision))
        assert (decision.decision, decision.decided_by_email) == ("verified", "coordinator@example.org")
        assert figure_differences() == []
    member = app.test_client()
    Accounts(app, member).sign_in("lone@example.org")
    assert "has verified your organisation" in get_page(member, "/audit/").soup.find(id="verification").get_text()


def test_rejecting_needs_a_reason_which_the_organisation_is_told(app, accounts):
    organisation_id = _registered(app, accounts)
    staff = sign_in_staff(accounts)
    page = post_page(staff, f"/coordinator/verify/{organisation_id}", {"decision": "rejected", "reason": ""})
    assert page.errors() == ["Enter why you are rejecting the organisation"]
    reason = "No such organisation is known in the area."
    response = staff.post(f"/coordinator/verify/{organisation_id}", data={"decision": "rejected", "reason": reason})
    assert response.status_code == 302
    assert _with_results(app) == 0
    assert reason in last_email(app, "lone@example.org").body
    member = app.test_client()
    Accounts(app, member).sign_in("lone@example.org")
    said = get_page(member, "/audit/").soup.find(id="verification").get_text()
    assert "could not verify" in said and reason.rstrip(".") in said


def test_verifying_then_rejecting_takes_the_organisation_out_again(app, accounts):
    organisation_id = _registered(app, accounts)
    staff = sign_in_staff(accounts)
    staff.post(f"/coordinator/verify/{organisation_id}", data={"decision": "verified"})
    assert _with_results(app) == 1
    staff.post(f"/coordinator/verify/{organisation_id}", data={"decision": "rejected", "reason": "Closed down."})
    assert _with_results(app) == 0
    with app.app_context():
        assert len(db.session.scalars(select(VerificationDecision)).all()) == 2
        assert figure_differences() == []


def test_an_area_coordinator_only_decides_about_their_own_area(app, accounts):
    elsewhere = _registered(app, accounts, area="north_northamptonshire")
    staff = sign_in_staff(accounts, area="west_northamptonshire")
    assert get_page(staff, "/coordinator/verify").soup.find("table") is None
    assert staff.get(f"/coordinator/verify/{elsewhere}").status_code == 404
    assert staff.post(f"/coordinator/verify/{elsewhere}", data={"decision": "verified"}).status_code == 404
    assert _with_results(app) == 0


def test_the_charity_number_is_saved_from_the_profile(member_client, app):
    page = get_page(member_client, "/audit/profile")
    assert page.soup.find("input", attrs={"name": "registration_number"}) is not None
    response = member_client.post("/audit/profile", data={"registration_number": "not valid!"})
    assert "Charity or company number must only include" in response.get_data(as_text=True)
    member_client.post("/audit/profile", data={"registration_number": "SC012345"})
    with app.app_context():
        assert db.session.scalar(select(Organisation.registration_number)) == "SC012345"
