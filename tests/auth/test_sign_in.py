"""Signing in and out, redirects, session renewal and password change."""

import pytest

from tests.conftest import PASSWORD, get_page, post_page


def test_member_signs_in_and_lands_on_their_audit(client, accounts):
    accounts.member()
    response = client.post("/sign-in", data={"email": " MEMBER@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/audit/"


def test_coordinator_lands_on_the_dashboard(client, accounts):
    accounts.staff()
    response = accounts.sign_in("coordinator@example.org")
    assert response.headers["Location"] == "/coordinator/"


def test_wrong_password_and_unknown_email_get_the_same_message(client, accounts):
    accounts.member()
    wrong_password = post_page(client, "/sign-in", {"email": "member@example.org", "password": "wrong-password-1"})
    unknown_email = post_page(client, "/sign-in", {"email": "nobody@example.org", "password": "wrong-password-1"})
    assert wrong_password.errors() == unknown_email.errors() == ["Enter a correct email address and password"]
    assert wrong_password.value_of("email") == "member@example.org"


def test_empty_sign_in_says_what_to_enter(client):
    page = post_page(client, "/sign-in", {"email": "", "password": ""})
    assert page.errors() == ["Enter your email address", "Enter your password"]


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/audit/profile", "/audit/profile"),
        ("https://evil.example/", "/audit/"),
        ("//evil.example/path", "/audit/"),
        ("/\\evil.example", "/audit/"),
        ("javascript:alert(1)", "/audit/"),
    ],
)
def test_next_only_redirects_within_the_service(client, accounts, next_url, expected):
    accounts.member()
    response = client.post(f"/sign-in?next={next_url}", data={"email": "member@example.org", "password": PASSWORD})
    assert response.headers["Location"] == expected


def test_anonymous_visit_to_a_private_page_comes_back_after_sign_in(client, accounts):
    accounts.member()
    response = client.get("/audit/profile")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")
    response = client.post(response.headers["Location"], data={"email": "member@example.org", "password": PASSWORD})
    assert response.headers["Location"] == "/audit/profile"


def test_sign_in_is_rate_limited_per_client_address(client, accounts):
    """Guessing across many accounts from one address: the 11th try in a minute is refused."""
    statuses = [
        client.post("/sign-in", data={"email": f"user{n}@example.org", "password": "wrong-password-1"}).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


def test_sign_in_is_rate_limited_per_account_whatever_the_address(app, accounts):
    """Guessing one account's password from many addresses: the 6th try in a minute is refused."""
    accounts.member()
    data = {"email": "Member@Example.org", "password": "wrong-password-1"}
    statuses = [
        app.test_client().post("/sign-in", data=data, environ_base={"REMOTE_ADDR": f"10.0.0.{n}"}).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    # Other accounts are not affected.
    other = {"email": "someone.else@example.org", "password": "wrong-password-1"}
    assert app.test_client().post("/sign-in", data=other, environ_base={"REMOTE_ADDR": "10.0.1.1"}).status_code == 200


def test_sign_out_ends_the_session_and_an_old_cookie_no_longer_works(app, client, accounts):
    accounts.member()
    accounts.sign_in("member@example.org")
    stolen = client.get_cookie("session").value
    response = client.post("/sign-out")
    assert response.headers["Location"] == "/sign-in"
    assert client.get("/audit/").status_code == 302
    other = app.test_client()
    other.set_cookie("session", stolen)
    assert other.get("/audit/").status_code == 302, "a copied session cookie must stop working after sign-out"


def test_sign_out_needs_a_post(client):
    assert client.get("/sign-out").status_code == 405


def test_signing_in_replaces_anything_already_in_the_session(client, accounts):
    accounts.member()
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    accounts.sign_in("member@example.org")
    with client.session_transaction() as session:
        assert "planted" not in session


def test_change_password_works_and_signs_out_other_devices(app, client, accounts):
    accounts.member()
    accounts.sign_in("member@example.org")
    laptop = app.test_client()
    laptop.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD})
    assert laptop.get("/audit/").status_code == 200
    new = "another-quiet-meadow-7"
    response = client.post(
        "/account/password", data={"current_password": PASSWORD, "new_password": new, "confirm_password": new}
    )
    assert response.status_code == 302
    assert client.get("/audit/").status_code == 200, "the device that changed it stays signed in"
    assert laptop.get("/audit/").status_code == 302, "other devices are signed out"
    accounts.sign_out()
    assert client.post("/sign-in", data={"email": "member@example.org", "password": new}).status_code == 302


def test_change_password_with_wrong_current_password_changes_nothing(client, accounts):
    accounts.member()
    accounts.sign_in("member@example.org")
    new = "another-quiet-meadow-7"
    page = post_page(
        client,
        "/account/password",
        {"current_password": "not-my-password", "new_password": new, "confirm_password": new},
    )
    assert page.errors() == ["Your current password is not right. Check it and try again"]
    accounts.sign_out()
    accounts.sign_in("member@example.org", PASSWORD)


def test_change_password_page_renders(member_client):
    page = get_page(member_client, "/account/password")
    assert page.h1() == "Change your password"
