"""'Tell us what you think' leads to a form that really sends feedback, which admins can read."""

from __future__ import annotations

import pytest

from tests.conftest import get_page, post_page


def test_the_phase_banner_link_leads_to_a_feedback_form_that_stores_what_is_sent(app, client, accounts):
    start = get_page(client, "/")
    link = start.soup.find("a", string="Tell us what you think")["href"]
    assert link.startswith("/feedback?from=")
    form = get_page(client, link)
    assert form.h1() == "Tell us what you think"
    sent = post_page(client, link, {"rating": "satisfied", "text": "Shorter questions please.\nThanks!"})
    assert sent.h1() == "Thank you for your feedback"

    accounts.staff(email="admin@example.org", role="admin")
    admin = app.test_client()
    admin.post("/sign-in", data={"email": "admin@example.org", "password": "plain-river-lantern-42"})
    listing = get_page(admin, "/coordinator/feedback")
    assert "Shorter questions please." in listing.text
    assert "Satisfied" in listing.text
    row = listing.soup.select("tbody tr")[0].get_text(" ")
    assert "/" in row and "Not given" not in row


def test_feedback_needs_text_keeps_what_was_typed_and_refuses_hidden_characters(client):
    page = post_page(client, "/feedback", {"rating": "dissatisfied", "text": ""})
    assert page.errors() == ["Enter how we could improve this service"]
    assert page.checked("rating") == ["dissatisfied"]
    page = post_page(client, "/feedback", {"text": "Looks fine \u202ebut reversed"})
    assert "text direction" in page.errors()[0]
    page = post_page(client, "/feedback", {"text": "x" * 1201})
    assert "1,200 characters or fewer" in page.errors()[0]


@pytest.mark.parametrize("role", ["coordinator", "member"])
def test_only_admins_read_feedback(app, accounts, role):
    if role == "member":
        accounts.member(email="someone@example.org")
    else:
        accounts.staff(email="someone@example.org", role=role)
    client = app.test_client()
    client.post("/sign-in", data={"email": "someone@example.org", "password": "plain-river-lantern-42"})
    assert client.get("/coordinator/feedback").status_code == 403


def test_a_from_address_that_is_not_a_page_here_is_not_kept(app, client, accounts):
    post_page(client, "/feedback?from=https://evil.example/x", {"text": "Hello"})
    from sqlalchemy import select

    from inclusion_audit.extensions import db
    from inclusion_audit.models import Feedback

    with app.app_context():
        assert db.session.scalar(select(Feedback.page)) is None


def test_feedback_from_a_page_with_a_secret_link_keeps_only_the_pages_pattern(app, member_client):
    """An admin reading feedback must never get a working invitation, reset or confirmation link."""
    from sqlalchemy import select

    from inclusion_audit.extensions import db
    from inclusion_audit.models import Feedback
    from tests.conftest import last_email, link_in

    member_client.post("/audit/team", data={"email": "colleague@example.org"})
    invitation = link_in(last_email(app, "colleague@example.org"), "/invitation/")
    visitor = app.test_client()
    banner = get_page(visitor, invitation).soup.find("a", string="Tell us what you think")["href"]
    assert invitation.rsplit("/", 1)[1] not in banner
    post_page(visitor, banner, {"text": "Joining was easy."})
    post_page(visitor, f"/feedback?from={invitation}", {"text": "Typed by hand."})
    with app.app_context():
        pages = set(db.session.scalars(select(Feedback.page)))
    assert pages == {"/invitation/<token>"}
