"""The admin pages about systems and areas: add, rename (old names kept) and retire with organisations moved."""

from __future__ import annotations

from sqlalchemy import select

from inclusion_audit import queries
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User, Verification
from inclusion_audit.queries.stored_figures import figure_differences
from tests.audit.helpers import complete_audit
from tests.conftest import Accounts, get_page, last_email, post_page

from .test_people import _actions, _admin


def test_adding_a_system_and_an_area_offers_the_area_to_organisations(app, accounts, client):
    admin = _admin(app, accounts)
    page = post_page(admin, "/admin/systems/add", {"name": "Vale", "code": "Not A Code"})
    assert page.errors() == ["Use lower-case letters, numbers and underscores only, starting with a letter"]
    assert page.value_of("name") == "Vale"
    assert admin.post("/admin/systems/add", data={"name": "Vale System", "code": "vale"}).status_code == 302
    page = post_page(admin, "/admin/systems/add", {"name": "Again", "code": "vale"})
    assert page.errors() == ["That code is already in use: choose another"]
    response = admin.post("/admin/systems/2/areas/add", data={"name": "Vale East", "code": "vale_east"})
    assert response.status_code == 302
    systems = get_page(admin, "/admin/systems")
    assert "Vale System" in systems.text and "Vale East" in systems.text
    accounts.member()
    accounts.sign_in("member@example.org")
    offered = [
        box["value"] for box in get_page(client, "/audit/profile").soup.find_all("input", attrs={"name": "area"})
    ]
    assert "vale_east" in offered
    assert _actions(app) == ["system_added", "area_added"]


def test_renaming_keeps_the_old_name_with_its_dates(app, accounts):
    admin = _admin(app, accounts)
    page = get_page(admin, "/admin/areas/west_northamptonshire/rename")
    assert page.value_of("name") == "West Northamptonshire"
    assert admin.post("/admin/areas/west_northamptonshire/rename", data={"name": "West Northants"}).status_code == 302
    assert admin.post("/admin/systems/1/rename", data={"name": "Northamptonshire ICS"}).status_code == 302
    text = get_page(admin, "/admin/systems").text
    assert "West Northants" in text and "West Northamptonshire (until" in text
    assert "Integrated Care Northamptonshire (until" in text
    with app.app_context():
        assert queries.area_labels()["west_northamptonshire"] == "West Northants"


def test_retiring_an_area_moves_its_organisations_and_coordinators_and_keeps_figures_right(app, accounts):
    admin = _admin(app, accounts)
    member = app.test_client()
    accounts.member(email="west@example.org", organisation="West Project")
    Accounts(app, member).sign_in("west@example.org")
    complete_audit(member, app, "starting-out", area="west_northamptonshire")
    with app.app_context():
        organisation = db.session.scalar(select(Organisation.id).where(Organisation.area == "west_northamptonshire"))
        queries.decide_verification(organisation, db.session.get(User, 1), Verification.VERIFIED, "")
    accounts.staff(email="west.lead@example.org")
    with app.app_context():
        db.session.execute(
            User.__table__.update().where(User.email == "west.lead@example.org").values(area="west_northamptonshire")
        )
        db.session.commit()
    page = post_page(admin, "/admin/areas/west_northamptonshire/retire", {})
    assert page.errors() == ["Select the area its organisations move to"]
    response = admin.post("/admin/areas/west_northamptonshire/retire", data={"into": "north_northamptonshire"})
    assert response.status_code == 302
    assert "North Northamptonshire" in last_email(app, "west.lead@example.org").body
    with app.app_context():
        assert db.session.get(Organisation, organisation).area == "north_northamptonshire"
        lead = db.session.scalar(select(User).where(User.email == "west.lead@example.org"))
        assert lead.area == "north_northamptonshire"
        assert figure_differences() == []
        assert "west_northamptonshire" not in queries.area_choices()
        assert queries.area_labels()["west_northamptonshire"] == "West Northamptonshire"  # still labelled
    assert "Retired" in get_page(admin, "/admin/systems").text
    assert admin.get("/admin/areas/west_northamptonshire/retire").status_code == 404
    offered = [b["value"] for b in get_page(member, "/audit/profile").soup.find_all("input", attrs={"name": "area"})]
    assert "west_northamptonshire" not in offered
    assert _actions(app)[-1] == "area_retired"


def test_the_cli_makes_the_first_admin_and_coordinators_of_a_system(app, runner):
    password = "quiet-harbour-lamp\nquiet-harbour-lamp\n"
    result = runner.invoke(args=["users", "create-coordinator", "boss@example.org", "--admin"], input=password)
    assert "Created admin boss@example.org for the whole service." in result.output
    result = runner.invoke(args=["users", "create-coordinator", "a@example.org", "--system", "nowhere"], input=password)
    assert result.exit_code != 0 and "Unknown system 'nowhere'" in result.output
    result = runner.invoke(args=["users", "create-coordinator", "lead@example.org"], input=password)
    assert "Created coordinator lead@example.org for Integrated Care Northamptonshire." in result.output
    with app.app_context():
        admin = db.session.scalar(select(User).where(User.email == "boss@example.org"))
        lead = db.session.scalar(select(User).where(User.email == "lead@example.org"))
        assert (admin.system_id, lead.system_id) == (None, 1)
