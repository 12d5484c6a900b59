"""Creating an account: the address is confirmed by an emailed link before the organisation and its first
member exist, and the page never says whether an address already has an account."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from inclusion_audit.extensions import db
from inclusion_audit.models import AccountRequest, Organisation, User, utcnow
from tests.conftest import PASSWORD, get_page, last_email, link_in, post_page

GOOD = {"organisation_name": "  Zoë's Café – Łódź Ünïon  ", "email": "Sam.Jones@Example.org "}
NAME = "Zoë's Café – Łódź Ünïon"


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def confirm_link(app, client, data=GOOD) -> str:
    page = post_page(client, "/account/create", data)
    assert page.h1() == "Check your email"
    return link_in(last_email(app, "sam.jones@example.org"), "/account/confirm/")


def test_a_new_account_is_made_only_after_following_the_emailed_link(app, client):
    path = confirm_link(app, client)
    assert count(app, User) == 0 and count(app, Organisation) == 0, "nothing exists before the address is confirmed"
    page = get_page(client, path)
    assert page.h1() == "Choose a password"
    assert NAME in page.soup.get_text()
    response = client.post(path, data={"password": PASSWORD, "confirm_password": PASSWORD})
    assert response.headers["Location"] == "/audit/profile"
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "sam.jones@example.org"
        assert user.organisation.name == NAME
        assert user.role == "member"
        assert user.password_hash.startswith("$argon2")
    assert get_page(client, "/audit/profile").value_of("name") == NAME
    assert count(app, AccountRequest) == 0
    # The link is spent once the account exists.
    assert get_page(app.test_client(), path, status=404).h1() == "This link does not work"


def test_the_page_and_the_reply_are_the_same_for_an_address_that_already_has_an_account(app, client, accounts):
    accounts.member(email="sam.jones@example.org")
    page = post_page(client, "/account/create", GOOD)
    fresh = post_page(app.test_client(), "/account/create", {**GOOD, "email": "new.person@example.org"})
    assert page.h1() == fresh.h1() == "Check your email"
    assert page.soup.find("main").get_text().replace("sam.jones", "X") == fresh.soup.find("main").get_text().replace(
        "new.person", "X"
    )
    # The owner of the address is told instead, with the way back into their account.
    message = last_email(app, "sam.jones@example.org")
    assert "already has one" in message.body
    assert "/password/forgot" in message.body and "/account/confirm/" not in message.body
    assert count(app, User) == 1


def test_nobody_can_take_an_address_they_cannot_read(app, client):
    """Someone registering another person's address gets nothing: the account needs the emailed link."""
    post_page(client, "/account/create", {**GOOD, "organisation_name": "Squatters Ltd"})
    assert count(app, User) == 0
    # The real owner can still create their own account later.
    path = confirm_link(app, app.test_client())
    owner = app.test_client()
    assert owner.post(path, data={"password": PASSWORD, "confirm_password": PASSWORD}).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Organisation.name)) == NAME


def test_only_the_first_of_two_links_for_one_address_makes_an_account(app, client):
    first = confirm_link(app, client)
    second = confirm_link(app, app.test_client())
    assert client.post(first, data={"password": PASSWORD, "confirm_password": PASSWORD}).status_code == 302
    assert app.test_client().get(second).status_code == 404
    assert count(app, User) == 1


def test_a_confirm_link_expires_after_24_hours(app, client, monkeypatch):
    path = confirm_link(app, client)
    later = utcnow() + timedelta(hours=24, minutes=1)
    monkeypatch.setattr("inclusion_audit.queries.invitations.utcnow", lambda: later)
    assert get_page(client, path, status=404).h1() == "This link does not work"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"organisation_name": ""}, "organisation_name", "Enter your organisation's name"),
        ({"email": ""}, "email", "Enter your email address"),
        ({"email": "not-an-email"}, "email", "Enter an email address in the correct format, like name@example.org"),
        ({"organisation_name": "Bad\x07name"}, "organisation_name", "Organisation name must be on one line"),
        ({"organisation_name": "Two\r\nlines"}, "organisation_name", "Organisation name must be on one line"),
        ({"organisation_name": "Tab\there"}, "organisation_name", "Organisation name must be on one line"),
        ({"organisation_name": "Evil\u202eelif.exe"}, "organisation_name", "text direction"),
        ({"organisation_name": "Isolate\u2067x\u2069"}, "organisation_name", "text direction"),
        ({"organisation_name": "\u200b\u200c\u200d\u2060"}, "organisation_name", "hidden characters"),
        ({"organisation_name": "\u200c\u200d"}, "organisation_name", "must include letters or numbers"),
        ({"organisation_name": "Line\u2028separator"}, "organisation_name", "must be on one line"),
        ({"organisation_name": "Para\u2029graph"}, "organisation_name", "must be on one line"),
        ({"organisation_name": "\u3164\u3164"}, "organisation_name", "must include letters or numbers"),
        ({"organisation_name": "\u2800"}, "organisation_name", "must include letters or numbers"),
        ({"organisation_name": "Tagged\U000e0041\U000e0042"}, "organisation_name", "hidden characters"),
        ({"organisation_name": "Soft\u00adhyphen\ufeff"}, "organisation_name", "hidden characters"),
        ({"organisation_name": "x" * 201}, "organisation_name", "200 characters or fewer"),
    ],
)
def test_bad_input_shows_an_error_keeps_what_was_typed_and_saves_nothing(app, client, change, field, message):
    page = post_page(client, "/account/create", {**GOOD, **change})
    assert any(message in error for error in page.errors()), page.errors()
    assert page.soup.title.get_text().startswith("Error: ")
    link = page.soup.select_one(".govuk-error-summary__list a")
    assert link["href"] == f"#{field}"
    assert page.soup.find(id=field) is not None, "the error summary must link to a real field"
    if field != "email":
        assert page.value_of("email") == "Sam.Jones@Example.org"
    assert count(app, AccountRequest) == 0
    assert not app.extensions.get("outbox")


def test_names_in_other_scripts_and_with_joiners_are_accepted(app, client):
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    for name in ("جمعية الأمل الخيرية", "Pride 🏳️‍🌈 Group", "नई दिशा", "می‌خواهم", f"{england} Roma Women"):
        page = post_page(client, "/account/create", {"organisation_name": name, "email": "a@example.org"})
        assert page.h1() == "Check your email", name


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "Password must be 10 characters or more"),
        ("password123", "Password is too easy to guess"),
        ("12345678901", "Password is too easy to guess"),
        ("zoes-cafe-lodz-2026", "Password must not contain your email address or organisation name"),
        ("sam.jones-rocks!", "Password must not contain your email address or organisation name"),
    ],
)
def test_weak_passwords_are_refused_when_choosing_one(app, client, password, message):
    path = confirm_link(app, client, {**GOOD, "organisation_name": "Zoes Cafe Lodz"})
    page = post_page(client, path, {"password": password, "confirm_password": password})
    assert any(message in error for error in page.errors()), page.errors()
    assert password not in page.text
    assert count(app, User) == 0


def test_the_passwords_must_match(app, client):
    path = confirm_link(app, client)
    page = post_page(client, path, {"password": PASSWORD, "confirm_password": "something-else-entirely"})
    assert any("The passwords do not match" in error for error in page.errors())


def test_account_creation_is_rate_limited(client):
    bad = {**GOOD, "email": "nope"}
    statuses = [client.post("/account/create", data=bad).status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    assert "You have tried too many times" in client.post("/account/create", data=bad).get_data(as_text=True)
