"""Creating an account: the organisation and its first member."""

import pytest
from sqlalchemy import func, select

from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User
from tests.conftest import PASSWORD, get_page, post_page

GOOD = {
    "organisation_name": "  Zoë's Café – Łódź Ünïon  ",
    "email": "Sam.Jones@Example.org ",
    "password": PASSWORD,
    "confirm_password": PASSWORD,
}


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_a_new_account_creates_the_organisation_and_signs_in(app, client):
    response = client.post("/account/create", data=GOOD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/audit/profile"
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "sam.jones@example.org"
        assert user.organisation.name == "Zoë's Café – Łódź Ünïon"
        assert user.role == "member"
        assert user.password_hash.startswith("$argon2")
    page = get_page(client, "/audit/profile")
    assert page.value_of("name") == "Zoë's Café – Łódź Ünïon"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"organisation_name": ""}, "organisation_name", "Enter your organisation's name"),
        ({"email": ""}, "email", "Enter your email address"),
        ({"email": "not-an-email"}, "email", "Enter an email address in the correct format, like name@example.org"),
        ({"password": "short", "confirm_password": "short"}, "password", "Password must be 10 characters or more"),
        (
            {"password": "password123", "confirm_password": "password123"},
            "password",
            "Password is too easy to guess. Try 3 random words together",
        ),
        (
            {
                "password": "riverside-trust-2026",
                "confirm_password": "riverside-trust-2026",
                "organisation_name": "Riverside",
            },
            "password",
            "Password must not contain your email address or organisation name",
        ),
        ({"confirm_password": "something-else-entirely"}, "confirm_password", "The passwords do not match"),
        ({"organisation_name": "Bad\x07name"}, "organisation_name", "Organisation name must only include"),
        ({"organisation_name": "x" * 201}, "organisation_name", "200 characters or fewer"),
    ],
)
def test_bad_input_shows_an_error_keeps_what_was_typed_and_saves_nothing(app, client, change, field, message):
    data = {**GOOD, **change}
    page = post_page(client, "/account/create", data)
    assert any(message in error for error in page.errors()), page.errors()
    assert page.soup.title.get_text().startswith("Error: ")
    link = page.soup.select_one(".govuk-error-summary__list a")
    assert link["href"] == f"#{field}"
    assert page.soup.find(id=field) is not None, "the error summary must link to a real field"
    if field != "email":
        assert page.value_of("email") == "Sam.Jones@Example.org"
    # Passwords are never echoed back into the page.
    assert PASSWORD not in page.text
    assert count(app, User) == 0
    assert count(app, Organisation) == 0


def test_an_email_already_in_use_is_refused_whatever_its_case(app, client, accounts):
    accounts.member(email="sam.jones@example.org")
    page = post_page(client, "/account/create", GOOD)
    assert page.errors() == ["An account already uses this email address. Sign in instead"]
    assert count(app, User) == 1


def test_account_creation_is_rate_limited(client):
    bad = {**GOOD, "email": "nope"}
    statuses = [client.post("/account/create", data=bad).status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    assert "You have tried too many times" in client.post("/account/create", data=bad).get_data(as_text=True)
