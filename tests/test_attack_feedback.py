"""Attack round: the feedback form's `from` parameter.

Every page's phase banner links to the feedback form with `from=` the page's path, and the path is stored
with the feedback and shown to admins. On the pages reached from an emailed link the path is the secret:
`/invitation/<token>` (7 days), `/account/confirm/<token>` (24 hours), `/password/reset/<token>` (60 minutes).
Someone stuck on one of those pages is exactly who writes to say so; an admin reading the feedback can then
join that organisation (and see results it never shared), or reset that person's password.
"""

from __future__ import annotations

import re

import pytest

from inclusion_audit.extensions import db
from inclusion_audit.models import Feedback
from tests.conftest import get_page, last_email, link_in


def _stored_pages(app) -> list[str]:
    with app.app_context():
        return [entry.page or "" for entry in db.session.scalars(db.select(Feedback))]


def _send_feedback_from(client, page_path: str) -> None:
    page = get_page(client, page_path)
    banner = page.soup.find("a", string=re.compile("Tell us what you think"))
    response = client.post(banner["href"], data={"text": "I cannot set my password, the page keeps saying no"})
    assert response.status_code == 200


@pytest.mark.parametrize("flow", ["invitation", "reset", "confirm"])
def test_feedback_sent_from_a_page_opened_by_an_emailed_link_does_not_keep_its_secret(app, client, accounts, flow):
    visitor = app.test_client()  # the person who followed the emailed link
    if flow == "invitation":
        accounts.member()
        accounts.sign_in("member@example.org")
        client.post("/audit/team", data={"email": "new.colleague@example.org"})
        path = link_in(last_email(app, "new.colleague@example.org"), "/invitation/")
    elif flow == "reset":
        accounts.member(email="forgetful@example.org", organisation="Other Charity")
        visitor.post("/password/forgot", data={"email": "forgetful@example.org"})
        path = link_in(last_email(app, "forgetful@example.org"), "/password/reset/")
    else:
        visitor.post("/account/create", data={"organisation_name": "New Charity", "email": "founder@example.org"})
        path = link_in(last_email(app, "founder@example.org"), "/account/confirm/")
    token = path.rsplit("/", 1)[1]
    _send_feedback_from(visitor, path)
    assert _stored_pages(app), "the feedback was stored"
    assert not any(token in page for page in _stored_pages(app)), "an admin can read the live link in the feedback list"
