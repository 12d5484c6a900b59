"""Email through a real SMTP server on loopback (aiosmtpd): every documented setting is used, a failure
reads the same for every address, and sent mail is kept in memory only by the test configuration."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import Accounts, post_page
from tests.smtp import free_port as _free_port
from tests.smtp import smtp_server


@pytest.mark.parametrize("security", ["starttls", "ssl", "none"])
def test_mail_goes_through_the_configured_server_port_security_and_login(mail_app, certificate_authority, security):
    controller, inbox = smtp_server(security, certificate_authority)
    controller.start()
    try:
        app = mail_app(MAIL_SMTP_PORT=controller.port, MAIL_SMTP_SECURITY=security, MAIL_FROM="audit@example.org")
        Accounts(app, app.test_client()).member()
        page = post_page(app.test_client(), "/password/forgot", {"email": "member@example.org"})
        assert page.h1() == "Check your email"
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    sender, recipients, content = inbox.messages[0]
    assert sender == "audit@example.org" and recipients == ["member@example.org"]
    assert "http://localhost/password/reset/" in content


def test_a_wrong_smtp_password_is_a_failure_not_a_silent_send(mail_app, certificate_authority, caplog):
    controller, inbox = smtp_server("starttls", certificate_authority)
    controller.start()
    try:
        app = mail_app(MAIL_SMTP_PORT=controller.port, MAIL_SMTP_PASSWORD="wrong")
        page = post_page(app.test_client(), "/password/forgot", {"email": "anyone@example.org"})
    finally:
        controller.stop()
    assert page.errors() == ["We could not send the email. Try again later"]
    assert inbox.messages == []


def test_a_mail_failure_reads_the_same_for_every_address_and_is_logged(mail_app, caplog):
    app = mail_app(MAIL_SMTP_PORT=_free_port(), MAIL_SMTP_TIMEOUT=2)  # nothing listens there
    Accounts(app, app.test_client()).member()
    pages = []
    with caplog.at_level(logging.ERROR):
        for email in ("member@example.org", "nobody@example.org"):
            pages.append(post_page(app.test_client(), "/password/forgot", {"email": email}))
            pages.append(post_page(app.test_client(), "/account/create", {"organisation_name": "X", "email": email}))
    assert [page.status for page in pages] == [200] * 4
    assert {tuple(page.errors()) for page in pages} == {("We could not send the email. Try again later",)}
    assert pages[0].value_of("email") == "member@example.org", "what was typed is kept"
    assert sum("Could not send email" in record.getMessage() for record in caplog.records) == 4


def test_invitations_that_cannot_be_sent_are_kept_to_send_again(mail_app):
    app = mail_app(MAIL_SMTP_PORT=_free_port(), MAIL_SMTP_TIMEOUT=2)
    client = app.test_client()
    accounts = Accounts(app, client)
    accounts.member()
    accounts.sign_in("member@example.org")
    page = post_page(client, "/audit/team", {"email": "colleague@example.org"})
    assert "We could not send the email" in page.errors()[0]
    assert "colleague@example.org" in page.soup.find("ul", class_="app-invitations").get_text()


def test_without_a_mail_server_each_email_is_logged_as_a_warning_and_not_kept(app_config, app, make_app, caplog):
    development_like = make_app({**app_config, "MAIL_RECORD_SENT": False})
    Accounts(development_like, development_like.test_client()).member()
    with caplog.at_level(logging.WARNING):
        post_page(development_like.test_client(), "/password/forgot", {"email": "member@example.org"})
    logged = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert any("To: member@example.org" in r.getMessage() and "/password/reset/" in r.getMessage() for r in logged)
    assert "outbox" not in development_like.extensions, "sent mail is not kept in memory outside tests"


def test_a_line_break_in_a_stored_name_cannot_break_an_email_header(app, member_client):
    from sqlalchemy import update

    from inclusion_audit.extensions import db
    from inclusion_audit.models import Organisation

    with app.app_context():  # a name stored before names were checked
        db.session.execute(update(Organisation).values(name="Old\r\nBcc: victim@example.org"))
        db.session.commit()
    assert member_client.post("/audit/team", data={"email": "colleague@example.org"}).status_code == 302
    subject = app.extensions["outbox"][-1].subject
    assert "\n" not in subject and "\r" not in subject
