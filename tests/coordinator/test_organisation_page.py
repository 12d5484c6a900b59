"""The organisation page a coordinator sees for an organisation sharing by name: written for the coordinator,
with contact details only when the organisation agreed, every audit, its stages and its plan; logged like the rest."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import Tag
from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, Audit, Organisation, User
from inclusion_audit.plan_models import PlanAction
from tests.conftest import get_page

from .fixture import build
from .helpers import sign_in_staff


@pytest.fixture
def ids(app):
    return build(app)


@pytest.fixture
def coordinator(accounts, ids):
    return sign_in_staff(accounts)


def add_people(app, organisation_id: int, share_contact: bool) -> None:
    with app.app_context():
        organisation = db.session.get(Organisation, organisation_id)
        organisation.share_contact = share_contact
        organisation.other_groups = "Boat dwellers"
        for email, team_role in (("lead@alpha.example", "admin"), ("helper@alpha.example", "member")):
            db.session.add(User(email=email, password_hash="x", organisation_id=organisation_id, team_role=team_role))
        db.session.commit()


def texts(page, selector: str) -> list[str]:
    """The words in each element matching `selector`, in a page or inside one element of it."""
    root = page if isinstance(page, Tag) else page.soup
    return [" ".join(node.get_text().split()) for node in root.select(selector)]


def test_the_page_is_written_for_the_coordinator(app, coordinator, ids):
    alpha = ids["Corby Alpha Trust"]
    add_people(app, alpha, share_contact=False)
    page = get_page(coordinator, f"/coordinator/organisations/{alpha}")
    assert page.h1() == "Corby Alpha Trust"
    assert "Your top" not in page.text and "your results" not in page.text.lower()
    profile = dict(zip(texts(page, ".govuk-summary-list__key"), texts(page, ".govuk-summary-list__value"), strict=True))
    assert profile["Area"] == "North Northamptonshire"
    assert profile["Type"] == "Registered charity"
    assert profile["Groups served"].startswith("People experiencing homelessness")
    assert profile["Groups served"].endswith("Also, in their words: Boat dwellers")
    # No consent to contact: no email address of anyone in the organisation appears.
    assert profile["Contact"].startswith("Not shared")
    assert "@alpha.example" not in page.text
    # Both audits, newest first, with dates and the overall stage; the newer one links to its results and guide.
    rows = [texts(row, "th, td") for row in page.soup.select("table:has(#audits-caption) tbody tr")]
    assert [row[2] for row in rows] == ["Emerging (10%)", "Established (90%)"]
    latest = db_latest_audit(app, alpha)
    hrefs = [a["href"] for a in page.soup.select("table:has(#audits-caption) a")]
    assert f"/coordinator/audits/{latest}/results" in hrefs and f"/coordinator/audits/{latest}/guide" in hrefs
    # Stages side by side, newest first, as stored (the fixture stores "developing" for every part at 90%).
    stages = [texts(row, "th, td") for row in page.soup.select("table:has(#stages-caption) tbody tr")]
    assert stages[0] == ["Commitment and leadership", "Emerging (10%)", "Developing (90%)"]
    assert stages[-1] == ["All sections together", "Emerging (10%)", "Established (90%)"]
    with app.app_context():
        logged = db.session.execute(select(AccessLog.action, AccessLog.organisation_id)).all()
    assert [tuple(row) for row in logged] == [("view_organisation", alpha)]


def db_latest_audit(app, organisation_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(Audit.id).where(Audit.organisation_id == organisation_id).order_by(Audit.submitted_at.desc())
        )


def test_admins_addresses_only_when_the_organisation_agreed(app, coordinator, ids):
    alpha = ids["Corby Alpha Trust"]
    add_people(app, alpha, share_contact=True)
    page = get_page(coordinator, f"/coordinator/organisations/{alpha}")
    assert [a["href"] for a in page.soup.select(".govuk-summary-list a")] == ["mailto:lead@alpha.example"]
    assert "helper@alpha.example" not in page.text  # a member who is not an admin is never shown


def test_plan_progress_without_naming_who_is_responsible(app, coordinator, ids):
    alpha = ids["Corby Alpha Trust"]
    latest = db_latest_audit(app, alpha)
    with app.app_context():
        db.session.add_all(
            [
                PlanAction(organisation_id=alpha, audit_id=latest, origin="own", text="Name a lead", status="done"),
                PlanAction(
                    organisation_id=alpha,
                    audit_id=latest,
                    origin="own",
                    text="Ask people who use us",
                    owner_name="Sam Example",
                    due_on=date(2020, 1, 31),
                    position=1,
                ),
            ]
        )
        db.session.commit()
    page = get_page(coordinator, f"/coordinator/organisations/{alpha}")
    assert texts(page, "#plan-progress") == ["1 of 2 actions done, 1 overdue"]
    rows = [texts(row, "th, td") for row in page.soup.select("table:has(#plan-caption) tbody tr")]
    assert rows == [["Name a lead", "–", "Done", "–"], ["Ask people who use us", "–", "Not started", "31 January 2020"]]
    assert "Sam Example" not in page.text


def test_not_found_unless_shared_and_in_the_area(app, accounts, ids):
    client = sign_in_staff(accounts, "corby@example.org", area="north_northamptonshire")
    for name in ("Corby Bravo Hidden", "Kettering Kilo Trust"):
        assert client.get(f"/coordinator/organisations/{ids[name]}").status_code == 404, name
    assert client.get("/coordinator/organisations/99999").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(AccessLog.id)) is None


def test_the_list_links_each_name_to_its_page(coordinator, ids):
    page = get_page(coordinator, "/coordinator/organisations")
    links = {a.get_text(strip=True): a["href"] for a in page.soup.select("tbody th a")}
    assert links["Kettering Kilo Trust"] == f"/coordinator/organisations/{ids['Kettering Kilo Trust']}"
