"""Consent to show the team's admins' email addresses to coordinators: off until an admin turns it on, only
together with sharing by name, logged, and honoured on the coordinator's organisation page."""

from __future__ import annotations

from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import AccessLog, Organisation
from tests.audit.helpers import complete_audit
from tests.conftest import get_page, post_page


def state(app) -> tuple[bool, bool]:
    with app.app_context():
        organisation = db.session.scalar(select(Organisation))
        return organisation.share_named, organisation.share_contact


def actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(AccessLog.action).order_by(AccessLog.id)))


def test_admins_choose_it_and_coordinators_then_see_the_addresses(app, accounts, member_client):
    complete_audit(member_client, app)
    page = get_page(member_client, "/audit/sharing")
    assert page.checked("contact") == ["no"]
    assert state(app) == (False, False)
    post_page(member_client, "/audit/sharing", {"sharing": "named", "contact": "yes"}, status=302)
    assert state(app) == (True, True)
    assert actions(app) == ["sharing_named", "contact_shared"]
    assert "and your admins' email addresses" in get_page(member_client, "/audit/sharing").soup.get_text()

    accounts.sign_out()
    accounts.staff()
    accounts.sign_in("coordinator@example.org")
    with app.app_context():
        organisation_id = db.session.scalar(select(Organisation.id))
    page = get_page(accounts.client, f"/coordinator/organisations/{organisation_id}")
    assert "mailto:member@example.org" in [a["href"] for a in page.soup.select(".govuk-summary-list a")]


def test_it_never_applies_without_sharing_by_name(app, member_client):
    complete_audit(member_client, app)
    post_page(member_client, "/audit/sharing", {"sharing": "aggregate", "contact": "yes"}, status=302)
    assert state(app) == (False, False)
    post_page(member_client, "/audit/sharing", {"sharing": "named", "contact": "yes"}, status=302)
    # Going back to anonymous totals withdraws it too, so sharing by name again later does not bring it back.
    post_page(member_client, "/audit/sharing", {"sharing": "aggregate", "contact": "yes"}, status=302)
    assert state(app) == (False, False)
    post_page(member_client, "/audit/sharing", {"sharing": "named"}, status=302)
    assert state(app) == (True, False)
    assert actions(app) == [
        "sharing_named",
        "contact_shared",
        "sharing_aggregate",
        "contact_withdrawn",
        "sharing_named",
    ]


def test_members_who_are_not_admins_see_it_but_cannot_change_it(app, accounts, member_client):
    complete_audit(member_client, app)
    post_page(member_client, "/audit/sharing", {"sharing": "named", "contact": "yes"}, status=302)
    accounts.colleague("colleague@example.org")
    accounts.sign_out()
    accounts.sign_in("colleague@example.org")
    page = get_page(member_client, "/audit/sharing")
    assert " ".join(page.soup.select_one("#contact-choice").get_text().split()) == (
        "Coordinators who see your results by name can also see your admins' email addresses."
    )
    assert member_client.post("/audit/sharing", data={"sharing": "named", "contact": "no"}).status_code == 403
    assert state(app) == (True, True)


def test_a_made_up_answer_is_refused(app, member_client):
    complete_audit(member_client, app)
    page = post_page(member_client, "/audit/sharing", {"sharing": "named", "contact": "maybe"})
    assert page.errors()
    assert state(app) == (False, False)
