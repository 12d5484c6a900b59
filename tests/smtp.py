"""A real SMTP server on loopback (aiosmtpd) for tests, with a throwaway certificate authority for its TLS."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
from dataclasses import dataclass

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, SECRET = "mailer", "smtp-secret-123"


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], str]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's hook name)
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@dataclass(frozen=True)
class Received:
    to: str
    subject: str
    body: str


def received(inbox: Inbox) -> list[Received]:
    """Each message as a person reads it: recipient, subject and the decoded text."""
    found = []
    for _, recipients, content in inbox.messages:
        message = email.message_from_string(content, policy=email.policy.default)
        found.append(Received(recipients[0], str(message["Subject"]), message.get_content()))
    return found


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        SECRET.encode(),
    )
    return AuthResult(success=ok)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def certificate_authority(tmp_path, monkeypatch):
    """A throwaway CA the client trusts (through SSL_CERT_FILE), and a certificate for localhost."""
    ca = trustme.CA()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("localhost").configure_cert(context)
    return context


def smtp_server(security: str, server_context: ssl.SSLContext, port: int | None = None):
    inbox = Inbox()
    # aiosmtpd only knows about TLS it started itself (STARTTLS); over implicit SSL it must be told AUTH is fine.
    options = {"authenticator": _authenticate, "auth_require_tls": security == "starttls"}
    if security == "ssl":
        options["ssl_context"] = server_context
    elif security == "starttls":
        options.update(tls_context=server_context, require_starttls=True)
    controller = Controller(
        inbox, hostname="localhost", port=port or free_port(), server_hostname="localhost", **options
    )
    return controller, inbox


@pytest.fixture
def mail_app(app, app_config, make_app):
    """Makes an app (same database as `app`) that sends mail through an SMTP server on localhost."""

    def make(**settings):
        mail = {"MAIL_SMTP_HOST": "localhost", "MAIL_SMTP_USER": USER, "MAIL_SMTP_PASSWORD": SECRET}
        return make_app({**app_config, **mail, **settings})

    return make
