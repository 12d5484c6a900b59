"""Sending email through one small interface.

Development and tests write messages to the log (tests can read `app.extensions["outbox"]`);
production sends through SMTP when MAIL_SMTP_HOST is set.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app


@dataclass(frozen=True)
class Message:
    to: str
    subject: str
    body: str


def send_email(to: str, subject: str, body: str) -> None:
    message = Message(to=to, subject=subject, body=body)
    current_app.extensions.setdefault("outbox", []).append(message)
    host = current_app.config.get("MAIL_SMTP_HOST")
    if not host:
        current_app.logger.info("Email to %s: %s\n%s", to, subject, body)
        return
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_FROM"]
    email["To"] = to
    email["Subject"] = subject
    email.set_content(body)
    port = int(current_app.config.get("MAIL_SMTP_PORT", 587))
    with smtplib.SMTP(host, port, timeout=10) as server:
        server.starttls()
        if current_app.config.get("MAIL_SMTP_USER"):
            server.login(current_app.config["MAIL_SMTP_USER"], current_app.config["MAIL_SMTP_PASSWORD"])
        server.send_message(email)
