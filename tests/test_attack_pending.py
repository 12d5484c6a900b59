"""Attack round: answers kept after an idle sign-out.

Kept answers are saved, without being shown first, as soon as the lapsed person signs in again. Nothing
limits how long after the lapse a post is kept: the session only remembers who lapsed, not when, and its
cookie is renewed on every request. On a shared office or drop-in computer, whoever uses the browser later
(hours later, with a CSRF token from the sign-in page in that same browser) can post answers to the
lapsed person's audit; they are saved under that person's name the next time they sign in there.
"""

from __future__ import annotations

import time

from tests.audit.helpers import questions_of, section_ids
from tests.audit.test_sections import stored
from tests.conftest import PASSWORD, Accounts, parse


def _token(client, path: str) -> str:
    return parse(client.get(path)).value_of("csrf_token")


def test_answers_posted_hours_after_a_lapse_are_not_saved_unseen_at_the_next_sign_in(
    app, app_config, make_app, monkeypatch
):
    shared = make_app({**app_config, "WTF_CSRF_ENABLED": True})  # the database `app` made
    Accounts(shared, shared.test_client()).member()
    browser = shared.test_client()  # one shared computer
    browser.post(
        "/sign-in",
        data={"email": "member@example.org", "password": PASSWORD, "csrf_token": _token(browser, "/sign-in")},
    )
    first = section_ids(shared)[0]
    one = questions_of(shared, first)[0]
    revision = parse(browser.get(f"/audit/section/{first}")).value_of("revision")
    with browser.session_transaction() as session:
        session["seen_at"] -= 31 * 60  # the member walked away; the sign-in lapses
    assert browser.get("/audit/").status_code == 302

    # Ten hours later, someone else at the same computer.
    later = time.time() + 10 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    token = _token(browser, "/sign-in")
    planted = {one: "embedded", "action": "later", "revision": revision, "csrf_token": token}
    browser.post(f"/audit/section/{first}", data=planted)

    # The member comes back and signs in as usual; they are taken to the section page.
    signed_in = browser.post(
        "/sign-in",
        data={"email": "member@example.org", "password": PASSWORD, "csrf_token": _token(browser, "/sign-in")},
    )
    browser.get(signed_in.headers["Location"], follow_redirects=True)
    assert stored(shared) == {}, "answers someone else posted hours after the lapse were saved as the member's"
