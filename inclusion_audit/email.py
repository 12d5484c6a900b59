"""Sending email through one small interface.

With MAIL_SMTP_HOST set, messages go through that SMTP server (STARTTLS, SSL or plain, with a login when
MAIL_SMTP_USER is set). Without it (development), each message is written to the server's log at WARNING,
so the link in it shows in `make run`'s output. Only the test configuration keeps sent messages in memory.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app

SECURITY_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
# What a page says when sending failed: the same words for every address and every kind of email.
NOT_SENT = "We could not send the email. Try again later"


class EmailNotSent(Exception):
    """The mail server could not be reached or refused the message. Already logged."""


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


def one_line(text: str) -> str:
    """Header text on one line: a line break in a header would end it (or start another)."""
    return " ".join(text.split())


def send_email(to: str, subject: str, body: str) -> None:
    """Send one message, or raise EmailNotSent (after logging why) so the page can say so."""
    message = Message(to=one_line(to), subject=one_line(subject), body=body)
    config = current_app.config
    if config.get("MAIL_RECORD_SENT"):
        current_app.extensions.setdefault("outbox", []).append(message)
    if not config.get("MAIL_SMTP_HOST"):
        current_app.logger.warning(
            "Email not sent (MAIL_SMTP_HOST is not set). To: %s\nSubject: %s\n%s", message.to, message.subject, body
        )
        return
    try:
        _send_smtp(message)
    except (smtplib.SMTPException, OSError) as error:
        current_app.logger.error("Could not send email %r to %s: %r", message.subject, message.to, error)
        raise EmailNotSent from error


def _send_smtp(message: Message) -> None:
    config = current_app.config
    security = config.get("MAIL_SMTP_SECURITY") or "starttls"
    if security not in SECURITY_PORTS:
        raise smtplib.SMTPException(f"MAIL_SMTP_SECURITY must be one of {', '.join(SECURITY_PORTS)}")
    host, timeout = config["MAIL_SMTP_HOST"], config.get("MAIL_SMTP_TIMEOUT", 10)
    port = int(config.get("MAIL_SMTP_PORT") or SECURITY_PORTS[security])
    email = EmailMessage()
    email["From"] = config["MAIL_FROM"]
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain=config["MAIL_FROM"].rpartition("@")[2] or None)
    email.set_content(message.body)
    # The certificate is checked (smtplib does not check it unless given a context).
    context = ssl.create_default_context()
    if security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        server = smtplib.SMTP(host, port, timeout=timeout)
    with server:
        if security == "starttls":
            server.starttls(context=context)
        if config.get("MAIL_SMTP_USER"):
            server.login(config["MAIL_SMTP_USER"], config.get("MAIL_SMTP_PASSWORD") or "")
        server.send_message(email)
