"""An organisation can download all its data and delete its account, after which nothing of it is left."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from inclusion_audit.extensions import db
from inclusion_audit.models import (
    AccessLog,
    Answer,
    Audit,
    AuditSection,
    Certificate,
    Organisation,
    OrganisationGroup,
    SectionScore,
    TeamEvent,
    User,
)
from inclusion_audit.plan_models import ActionPlan, PlanAction
from tests.audit.helpers import complete_audit
from tests.conftest import PASSWORD, get_page, post_page
from tests.coordinator.helpers import read_csv

ORGANISATION = "Market Street Drop-in (example)"


def count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_your_data_page_links_to_download_and_delete(app, member_client):
    page = get_page(member_client, "/audit/your-data")
    links = [a["href"] for a in page.soup.select("main a")]
    assert "/audit/your-data/download" in links and "/audit/delete" in links
    assert "/audit/your-data" in [a["href"] for a in get_page(member_client, "/audit/").soup.select("main a")]


def test_the_download_holds_every_audit_with_its_answers(app, accounts, member_client):
    audit_id = complete_audit(member_client, app)
    member_client.post("/audit/new")
    response = member_client.get("/audit/your-data/download")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["organisation"]["name"] == ORGANISATION
    assert data["organisation"]["groups"] == ["homelessness", "migrants_refugees"]
    assert data["members"] == [
        {
            "email": "member@example.org",
            "role": "member",
            "team_role": "admin",
            "joined": data["members"][0]["joined"],
            "last_signed_in": data["members"][0]["last_signed_in"],
            "reminders_not_wanted": [],
        }
    ]
    submitted, in_progress = data["audits"]
    with app.app_context():
        rows = db.session.execute(select(Answer.question_id, Answer.value).where(Answer.audit_id == audit_id))
        answers = {question_id: value for question_id, value in rows}
    assert submitted["id"] == audit_id and submitted["answers"] == answers and len(answers) > 20
    assert len(submitted["results"]["sections"]) == 5
    assert submitted["guide"]["content_version"] == submitted["content_version"]
    # The new audit starts from the last answers, with the review question answered from the untouched plan.
    assert in_progress["status"] == "in_progress"
    assert in_progress["answers"] == {**answers, "review_last_actions": "not_started"}
    # The action plan made at submit, with everything the plan page shows.
    assert len(submitted["action_plan"]) == 5 and in_progress["action_plan"] == []
    assert set(submitted["action_plan"][0]) >= {"text", "responsible", "due_on", "status", "why_dropped", "note"}
    assert data["team_changes"] == []


def test_deleting_needs_the_tick_and_the_right_password(app, member_client):
    page = get_page(member_client, "/audit/delete")
    assert page.h1() == "Delete your organisation's account"
    page = post_page(member_client, "/audit/delete", {"password": PASSWORD})
    assert page.errors() == ["Confirm that you understand everything will be deleted"]
    page = post_page(member_client, "/audit/delete", {"confirm": "y", "password": "not-my-password"})
    assert page.errors() == ["Your password is not right. Check it and try again"]
    assert count(app, Organisation) == 1


def test_deleting_removes_everything_and_signs_out(app, accounts, member_client):
    complete_audit(member_client, app, submit=False)
    member_client.post("/audit/submit", data={"sharing": "named"})
    with app.app_context():
        organisation_id = db.session.scalar(select(Organisation.id))
        audit_id = db.session.scalar(select(Audit.id))
    accounts.member("colleague@example.org", "Colleague's own organisation")
    # A coordinator looks at the shared results and downloads them.
    accounts.sign_out()
    accounts.staff()
    accounts.sign_in("coordinator@example.org")
    coordinator = accounts.client
    assert coordinator.get(f"/coordinator/audits/{audit_id}/results").status_code == 200
    assert ORGANISATION in coordinator.get("/coordinator/export/audits.csv").get_data(as_text=True)
    accounts.sign_out()
    accounts.sign_in("member@example.org")

    assert member_client.get("/audit/plan/certificate.pdf").status_code == 200
    member_client.post("/audit/team", data={"email": "invited@example.org"})
    assert count(app, PlanAction) == 5 and count(app, Certificate) == 1 and count(app, TeamEvent) == 1
    page = post_page(member_client, "/audit/delete", {"confirm": "y", "password": PASSWORD})
    assert page.h1() == "Your organisation's account has been deleted"
    assert ORGANISATION in page.text
    assert member_client.get("/audit/").status_code == 302  # signed out
    for model, column in [
        (Organisation, Organisation.id),
        (User, User.organisation_id),
        (Audit, Audit.organisation_id),
        (OrganisationGroup, OrganisationGroup.organisation_id),
        (PlanAction, PlanAction.organisation_id),
        (ActionPlan, ActionPlan.organisation_id),
        (Certificate, Certificate.organisation_id),
        (TeamEvent, TeamEvent.organisation_id),
    ]:
        assert count(app, model, column == organisation_id) == 0, model
    for model in (Answer, SectionScore, AuditSection):
        assert count(app, model, model.audit_id == audit_id) == 0, model
    assert count(app, User, User.email == "member@example.org") == 0
    assert count(app, Organisation) == 1  # the other organisation is untouched
    # The member's own consent entry (with their email) is gone; the coordinator's view stays, unnamed.
    with app.app_context():
        entries = db.session.execute(select(AccessLog.user_email, AccessLog.organisation_id)).all()
    assert [tuple(e) for e in entries] == [
        ("coordinator@example.org", None),
        ("coordinator@example.org", None),
    ]

    assert accounts.sign_in("coordinator@example.org")
    assert coordinator.get(f"/coordinator/audits/{audit_id}/results").status_code == 404
    assert ORGANISATION not in coordinator.get("/coordinator/organisations").get_data(as_text=True)
    assert read_csv(coordinator.get("/coordinator/export/audits.csv"))[1:] == []


def test_the_sign_in_no_longer_works_after_deleting(app, accounts, member_client):
    post_page(member_client, "/audit/delete", {"confirm": "y", "password": PASSWORD})
    response = member_client.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD})
    assert response.status_code == 200  # the form again, with an error
