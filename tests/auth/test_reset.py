"""Password reset by email: signed, single-use, expiring, and it signs out other sessions."""

import time

import pytest

from tests.conftest import PASSWORD, get_page, last_email, link_in, post_page

NEW = "bright-canal-morning-9"


def reset_link(app, client, email="member@example.org") -> str:
    page = post_page(client, "/password/forgot", {"email": email})
    assert page.h1() == "Check your email"
    return link_in(last_email(app, email), "/password/reset/")


def test_a_reset_link_changes_the_password_and_signs_out_other_sessions(app, client, accounts):
    accounts.member()
    laptop = app.test_client()
    laptop.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD})
    assert laptop.get("/audit/").status_code == 200
    path = reset_link(app, client)
    assert get_page(client, path).h1() == "Choose a new password"
    response = client.post(path, data={"password": NEW, "confirm_password": NEW})
    assert response.headers["Location"] == "/sign-in"
    assert laptop.get("/audit/").status_code == 302, "the other session was revoked"
    assert client.post("/sign-in", data={"email": "member@example.org", "password": NEW}).status_code == 302


def test_a_reset_link_works_only_once(app, client, accounts):
    accounts.member()
    path = reset_link(app, client)
    client.post(path, data={"password": NEW, "confirm_password": NEW})
    page = get_page(client, path, status=404)
    assert page.h1() == "This reset link does not work"


def test_an_expired_or_tampered_link_does_not_work(app, client, accounts, monkeypatch):
    accounts.member()
    path = reset_link(app, client)
    assert get_page(client, path[:-3] + "abc", status=404).h1() == "This reset link does not work"
    later = time.time() + 61 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(path).status_code == 404


def test_unknown_email_gets_the_same_page_and_an_email_saying_there_is_no_account(app, client, accounts):
    accounts.member()
    known = post_page(app.test_client(), "/password/forgot", {"email": "member@example.org"})
    page = post_page(client, "/password/forgot", {"email": "nobody@example.org"})
    assert page.h1() == known.h1() == "Check your email"
    main = page.soup.find("main").get_text().replace("nobody", "X")
    assert main == known.soup.find("main").get_text().replace("member", "X")
    message = last_email(app, "nobody@example.org")
    assert "has no account" in message.body
    assert "/password/reset/" not in message.body


@pytest.mark.parametrize(("password", "message"), [("short", "10 characters"), ("password1234", "too easy")])
def test_weak_new_passwords_are_refused(app, client, accounts, password, message):
    accounts.member()
    path = reset_link(app, client)
    page = post_page(client, path, {"password": password, "confirm_password": password})
    assert message in page.errors()[0]
    assert client.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD}).status_code == 302


def test_forgot_password_is_rate_limited(client):
    statuses = [client.post("/password/forgot", data={"email": "a@example.org"}).status_code for _ in range(6)]
    assert statuses[-1] == 429
