"""The admin pages about people: inviting, accepting, changing scope, deactivating and reactivating."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, User
from inclusion_audit.system_models import Area, StaffInvitation, System
from tests.conftest import PASSWORD, get_page, last_email, link_in, post_page

NEW = "new.lead@example.org"


def _admin(app, accounts, email="admin@example.org", system=None):
    accounts.staff(email=email, role="admin", system=system)
    client = app.test_client()
    assert client.post("/sign-in", data={"email": email, "password": PASSWORD}).status_code == 302
    return client


def _vale(app) -> int:
    with app.app_context():
        system = System(code="vale", name="Vale Test System", areas=[Area(code="vale_east", name="Vale East")])
        db.session.add(system)
        db.session.commit()
        return system.id


def _actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AccessLog.action).order_by(AccessLog.id)))


def test_an_admin_invites_a_coordinator_who_sets_a_password_and_works_on_that_area(app, accounts):
    admin = _admin(app, accounts)
    page = get_page(admin, "/admin/invite")
    assert page.h1() == "Invite someone"
    page_text = page.text
    response = admin.post("/admin/invite", data={"email": NEW, "role": "coordinator", "scope": "area:vale_east"})
    assert response.status_code == 200  # no such area yet: refused, not stored
    vale = _vale(app)
    response = admin.post("/admin/invite", data={"email": NEW, "role": "coordinator", "scope": "area:vale_east"})
    assert response.status_code == 302
    message = last_email(app, NEW)
    assert "coordinator, for Vale East (Vale Test System)" in message.body
    link = link_in(message, "/invitation/staff/")
    assert NEW in get_page(admin, "/admin/").text  # waiting for an answer
    newcomer = app.test_client()
    page = get_page(newcomer, link)
    assert "a coordinator for Vale East (Vale Test System)" in page.text
    data = {"username": NEW, "password": "violet-kettle-harbour-9", "confirm_password": "violet-kettle-harbour-9"}
    response = newcomer.post(link, data=data)
    assert response.status_code == 302 and response.headers["Location"] == "/coordinator/"
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == NEW))
        assert (user.role, user.system_id, user.area) == ("coordinator", vale, "vale_east")
    assert app.test_client().get(link).status_code == 404  # used once
    with app.app_context():
        invitation = db.session.scalar(select(StaffInvitation))
        assert invitation.expires_at - invitation.created_at == timedelta(days=7)  # as the page and email say
        assert "for 7 days" in message.body and "It works for 7 days" in page_text
    assert _actions(app) == ["staff_invited", "staff_joined"]
    log = get_page(admin, "/coordinator/access-log")
    assert "Invited a coordinator or admin" in log.text and "Accepted an invitation and set a password" in log.text


def test_a_bad_invitation_is_refused_with_the_reason_and_keeps_what_was_typed(app, accounts):
    admin = _admin(app, accounts)
    accounts.staff(email="taken@example.org")
    page = post_page(
        admin, "/admin/invite", {"email": "someone@example.org", "role": "coordinator", "scope": "service"}
    )
    assert page.errors() == ["A coordinator works for a system or one area of it: select one"]
    assert page.value_of("email") == "someone@example.org"
    page = post_page(admin, "/admin/invite", {"email": "x@example.org", "role": "admin", "scope": "area:corby"})
    assert page.errors() == ["Select what they will work on"]  # an area that does not exist
    page = post_page(
        admin, "/admin/invite", {"email": "x@example.org", "role": "admin", "scope": "area:north_northamptonshire"}
    )
    assert page.errors() == ["An admin works for the whole service or one system: select one"]
    page = post_page(admin, "/admin/invite", {"email": "taken@example.org", "role": "admin", "scope": "service"})
    assert page.errors() == ["An account already uses this email address"]
    assert page.checked("role") == ["admin"]
    assert app.extensions.get("outbox", []) == []


def test_changing_scope_deactivating_and_reactivating_are_emailed_and_logged(app, accounts):
    admin = _admin(app, accounts)
    coordinator_id = accounts.staff(email="lead@example.org")
    lead = app.test_client()
    assert lead.post("/sign-in", data={"email": "lead@example.org", "password": PASSWORD}).status_code == 302
    page = get_page(admin, f"/admin/users/{coordinator_id}")
    assert page.checked("scope") == ["system:1"]
    response = admin.post(f"/admin/users/{coordinator_id}", data={"scope": "area:west_northamptonshire"})
    assert response.status_code == 302
    assert "West Northamptonshire (Integrated Care Northamptonshire)" in last_email(app, "lead@example.org").body
    assert admin.post(f"/admin/users/{coordinator_id}/deactivate").status_code == 302
    assert "deactivated" in last_email(app, "lead@example.org").subject
    assert lead.get("/coordinator/").status_code == 302  # signed out at once
    assert (
        app.test_client().post("/sign-in", data={"email": "lead@example.org", "password": PASSWORD}).status_code == 200
    )
    assert "Deactivated" in get_page(admin, "/admin/").text
    assert admin.post(f"/admin/users/{coordinator_id}/reactivate").status_code == 302
    assert "active again" in last_email(app, "lead@example.org").subject
    assert (
        app.test_client().post("/sign-in", data={"email": "lead@example.org", "password": PASSWORD}).status_code == 302
    )
    assert _actions(app) == ["staff_scope_changed", "staff_deactivated", "staff_reactivated"]


def test_an_admin_cannot_deactivate_themselves_or_the_last_service_wide_admin(app, accounts):
    admin = _admin(app, accounts)
    with app.app_context():
        own = db.session.scalar(select(User.id).where(User.email == "admin@example.org"))
    page = get_page(admin, f"/admin/users/{own}")
    assert "You cannot deactivate your own account" in page.text
    assert admin.post(f"/admin/users/{own}/deactivate").status_code == 403
    page = post_page(admin, f"/admin/users/{own}", {"scope": "system:1"})
    assert page.errors() == ["You cannot change what you work on yourself: ask another admin"]
    system_admin = _admin(app, accounts, "system.admin@example.org", system="northamptonshire")
    # A system admin cannot even see the service-wide admin; another service-wide admin cannot remove the last.
    assert system_admin.get(f"/admin/users/{own}").status_code == 404
    assert system_admin.post(f"/admin/users/{own}/deactivate").status_code == 404
    with app.app_context():
        assert db.session.get(User, own).active


def test_a_system_admin_manages_only_their_own_system(app, accounts):
    _vale(app)
    accounts.staff(email="vale.lead@example.org", system="vale")
    north_lead = accounts.staff(email="north.lead@example.org")
    vale_admin = _admin(app, accounts, "vale.admin@example.org", system="vale")
    people = get_page(vale_admin, "/admin/")
    assert "vale.lead@example.org" in people.text and "north.lead@example.org" not in people.text
    assert vale_admin.get(f"/admin/users/{north_lead}").status_code == 404
    invite = get_page(vale_admin, "/admin/invite")
    offered = [box["value"] for box in invite.soup.find_all("input", attrs={"name": "scope"})]
    assert offered == ["system:2", "area:vale_east"]
    assert vale_admin.get("/admin/systems/add").status_code == 403
    assert vale_admin.get("/admin/systems/1/rename").status_code == 404
    assert vale_admin.get("/admin/areas/west_northamptonshire/retire").status_code == 404
    assert "Northamptonshire" not in get_page(vale_admin, "/admin/systems").text
    assert vale_admin.get("/coordinator/feedback").status_code == 404  # about the whole service
