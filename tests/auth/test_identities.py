"""Identities are never reused: after an organisation deletes itself, nothing it left behind (a signed-in
device, an invitation link) opens whatever organisation signs up next."""

from sqlalchemy import select, text

from inclusion_audit.extensions import db
from inclusion_audit.models import Invitation, Organisation, User
from tests.conftest import PASSWORD, Accounts, get_page, last_email, link_in, post_page


def sign_up(app, email: str, name: str):
    client = app.test_client()
    post_page(client, "/account/create", {"organisation_name": name, "email": email})
    path = link_in(last_email(app, email), "/account/confirm/")
    assert client.post(path, data={"password": PASSWORD, "confirm_password": PASSWORD}).status_code == 302
    return client


def ids(app, email: str) -> tuple[int, int]:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        return user.id, user.organisation_id


def test_a_deleted_organisations_devices_and_invitations_open_nothing_of_the_next_sign_up(app, accounts):
    laptop = sign_up(app, "old@example.org", "Old Project")
    phone = app.test_client()
    Accounts(app, phone).sign_in("old@example.org")
    assert laptop.post("/audit/team", data={"email": "friend@example.org"}).status_code == 302
    invitation = link_in(last_email(app, "friend@example.org"), "/invitation/")
    old_user, old_organisation = ids(app, "old@example.org")

    assert laptop.post("/audit/delete", data={"confirm": "y", "password": PASSWORD}).status_code == 200
    newcomer = sign_up(app, "new@example.org", "Newcomer Trust")
    assert "Newcomer Trust" in get_page(newcomer, "/audit/").text

    new_user, new_organisation = ids(app, "new@example.org")
    assert new_user > old_user and new_organisation > old_organisation, "ids of deleted rows are never handed out"
    # The phone signed in to the deleted organisation is signed out, not let into the newcomer's.
    for path in ("/audit/", "/audit/your-data/download", "/audit/team"):
        response = phone.get(path)
        assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in"), path
    assert get_page(app.test_client(), invitation, status=404).h1() == "This invitation link does not work"


def test_a_session_cookie_names_a_random_key_that_sign_out_replaces(app, client, accounts):
    user_id = accounts.member()
    accounts.sign_in("member@example.org")
    with app.app_context():
        key = db.session.get(User, user_id).session_key
    assert len(key) >= 30
    forged = app.test_client()
    with forged.session_transaction() as session:
        session["_user_id"] = f"{user_id}:0"
    assert forged.get("/audit/").status_code == 302, "a guessable cookie does not sign anyone in"
    client.post("/sign-out")
    with app.app_context():
        assert db.session.get(User, user_id).session_key != key


def test_an_invitation_works_once_and_can_be_cancelled(app, member_client):
    member_client.post("/audit/team", data={"email": "one@example.org"})
    member_client.post("/audit/team", data={"email": "two@example.org"})
    first = link_in(last_email(app, "one@example.org"), "/invitation/")
    second = link_in(last_email(app, "two@example.org"), "/invitation/")
    team = get_page(member_client, "/audit/team")
    assert "one@example.org" in team.text and "two@example.org" in team.text, "pending invitations are listed"

    joiner = app.test_client()
    assert joiner.post(first, data={"password": PASSWORD, "confirm_password": PASSWORD}).status_code == 302
    assert app.test_client().get(first).status_code == 404, "used once"
    assert "one@example.org" not in get_page(member_client, "/audit/team").soup.find("ul", class_="app-invitations")

    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id).where(Invitation.email == "two@example.org"))
    response = member_client.post(f"/audit/team/invitations/{invitation_id}/cancel")
    assert response.status_code == 302
    assert "has been cancelled" in get_page(member_client, "/audit/team").text
    assert app.test_client().get(second).status_code == 404, "cancelled"


def test_sending_again_replaces_the_link(app, member_client):
    member_client.post("/audit/team", data={"email": "one@example.org"})
    old = link_in(last_email(app, "one@example.org"), "/invitation/")
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    assert member_client.post(f"/audit/team/invitations/{invitation_id}/resend").status_code == 302
    new = link_in(last_email(app, "one@example.org"), "/invitation/")
    assert new != old
    assert app.test_client().get(old).status_code == 404
    assert get_page(app.test_client(), new).h1() == "Join Riverside Drop-in"


def test_another_organisation_cannot_cancel_or_resend_an_invitation(app, member_client, accounts):
    member_client.post("/audit/team", data={"email": "one@example.org"})
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    accounts.member(email="bravo@example.org", organisation="Bravo")
    bravo = app.test_client()
    Accounts(app, bravo).sign_in("bravo@example.org")
    assert bravo.post(f"/audit/team/invitations/{invitation_id}/cancel").status_code == 404
    assert bravo.post(f"/audit/team/invitations/{invitation_id}/resend").status_code == 404
    link = link_in(last_email(app, "one@example.org"), "/invitation/")
    assert app.test_client().get(link).status_code == 200


def test_only_a_hash_of_each_token_is_stored(app, member_client):
    member_client.post("/audit/team", data={"email": "one@example.org"})
    token = link_in(last_email(app, "one@example.org"), "/invitation/").rsplit("/", 1)[1]
    with app.app_context():
        stored = db.session.execute(text("SELECT token_hash FROM invitation")).scalar()
    assert token not in stored and len(stored) == 64


def test_sqlite_tables_never_reuse_ids(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            return  # PostgreSQL sequences never hand out an id twice
        for table in ("organisation", "user", "audit", "access_log", "invitation", "account_request"):
            sql = db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar()
            assert "AUTOINCREMENT" in sql, table
        organisation = Organisation(name="Gone")
        db.session.add(organisation)
        db.session.commit()
        gone = organisation.id
        db.session.delete(organisation)
        db.session.commit()
        again = Organisation(name="Next")
        db.session.add(again)
        db.session.commit()
        assert again.id > gone
