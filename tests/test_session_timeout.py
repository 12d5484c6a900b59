"""Signing out after inactivity, and the 'Stay signed in' button."""

from tests.conftest import get_page


def test_signed_in_pages_carry_the_timeout_warning_and_public_pages_do_not(app, client, accounts):
    assert get_page(client, "/").soup.select_one("[data-module=app-timeout-warning]") is None
    accounts.member()
    accounts.sign_in("member@example.org")
    warning = get_page(client, "/audit/").soup.select_one("[data-module=app-timeout-warning]")
    assert warning["data-idle-seconds"] == str(30 * 60)
    assert warning.select_one("dialog button[data-timeout-stay]").get_text(strip=True) == "Stay signed in"


def test_a_sign_in_lapses_after_the_idle_time(app, client, accounts):
    accounts.member()
    accounts.sign_in("member@example.org")
    assert client.get("/audit/").status_code == 200
    with client.session_transaction() as session:
        session["seen_at"] -= 31 * 60
    response = client.get("/audit/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in")


def test_activity_and_stay_signed_in_keep_the_sign_in_alive(app, client, accounts):
    accounts.member()
    accounts.sign_in("member@example.org")
    with client.session_transaction() as session:
        session["seen_at"] -= 29 * 60
    response = client.post("/session/extend")
    assert response.status_code == 200
    assert response.json == {"signed_in": True, "idle_seconds": 1800}
    with client.session_transaction() as session:
        session["seen_at"] -= 29 * 60
    assert client.get("/audit/").status_code == 200


def test_stay_signed_in_cannot_revive_a_lapsed_sign_in(app, client, accounts):
    accounts.member()
    accounts.sign_in("member@example.org")
    with client.session_transaction() as session:
        session["seen_at"] -= 31 * 60
    assert client.post("/session/extend").status_code == 302
