"""Configuration classes, read from the environment.

`create_app` picks `DevelopmentConfig` unless told otherwise; production sets
`FLASK_CONFIG=production`, which refuses to start without a real `SECRET_KEY`.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Config:
    SERVICE_NAME = "Inclusion health self-audit"
    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    CONTENT_DIR = os.environ.get("CONTENT_DIR", str(PROJECT_ROOT / "content"))

    # A sign-in lapses after this long without a request (a warning comes first); the cookie itself
    # lives longer so that answers posted just after the lapse can still be kept (session_timeout.py).
    SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_DURATION = timedelta(days=0)

    WTF_CSRF_TIME_LIMIT = None  # tied to the session instead, so a slow form is never rejected

    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # If Redis stops answering, limits carry on in each process's memory (and a warning is logged) rather
    # than every limited page failing; Redis is tried again now and then.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
    SIGN_IN_LIMIT = os.environ.get("SIGN_IN_LIMIT", "10 per minute; 50 per hour")  # per client address
    # Per account, whatever address the attempts come from; also guards every check of a current password.
    ACCOUNT_LIMIT = os.environ.get("ACCOUNT_LIMIT", "5 per minute; 20 per hour")
    REGISTER_LIMIT = os.environ.get("REGISTER_LIMIT", "5 per minute; 30 per hour")

    # Every link in an email starts with this, never with the Host a request claims (a forged Host header would
    # otherwise put an attacker's site in a password reset email). Only requests for this host are served.
    BASE_URL: str | None = os.environ.get("BASE_URL")
    # Extra host names to serve besides BASE_URL's (development adds localhost and 127.0.0.1).
    EXTRA_HOSTS: tuple[str, ...] = tuple(filter(None, os.environ.get("EXTRA_HOSTS", "").split(",")))

    # Each request body is small (the longest is a question page); refuse anything much larger with 413.
    MAX_CONTENT_LENGTH = 256 * 1024

    MAIL_SMTP_HOST = os.environ.get("MAIL_SMTP_HOST")
    MAIL_SMTP_PORT = int(os.environ["MAIL_SMTP_PORT"]) if os.environ.get("MAIL_SMTP_PORT") else None
    MAIL_SMTP_USER = os.environ.get("MAIL_SMTP_USER")
    MAIL_SMTP_PASSWORD = os.environ.get("MAIL_SMTP_PASSWORD")
    MAIL_SMTP_SECURITY = os.environ.get("MAIL_SMTP_SECURITY", "starttls")  # starttls, ssl or none
    MAIL_SMTP_TIMEOUT = 10
    MAIL_FROM = os.environ.get("MAIL_FROM", "no-reply@inclusion-audit.invalid")
    MAIL_RECORD_SENT = False  # tests read sent messages from app.extensions["outbox"]; nothing else keeps them
    REQUIRE_MAIL_HOST = False

    # A name from argon2.profiles; this one is argon2-cffi's default. Only TestConfig lowers it.
    PASSWORD_HASH_PROFILE = "RFC_9106_LOW_MEMORY"

    # Served behind a reverse proxy in production: trust this many hops of X-Forwarded-* headers.
    PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "0"))
    # Unexpected errors get the service's own 500 page (and are logged); tests see the exception instead.
    HANDLE_UNEXPECTED_ERRORS = True


class DevelopmentConfig(Config):
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SESSION_COOKIE_SECURE = False
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    EXTRA_HOSTS = ("localhost", "127.0.0.1", *Config.EXTRA_HOSTS)


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-only-not-secret"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    SESSION_COOKIE_SECURE = False
    WTF_CSRF_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    BASE_URL = "http://localhost"
    EXTRA_HOSTS = ("127.0.0.1",)
    MAIL_SMTP_HOST = None
    MAIL_RECORD_SENT = True
    HANDLE_UNEXPECTED_ERRORS = False
    PASSWORD_HASH_PROFILE = "CHEAPEST"


class ProductionConfig(Config):
    PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "1"))
    # Without a mail server, emails (with their sign-in links) would only be written to the log.
    REQUIRE_MAIL_HOST = True


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


def trusted_hosts(base_url: str | None, extra: tuple[str, ...]) -> list[str]:
    """The host names requests may name: BASE_URL's, plus any extras. BASE_URL must be a bare origin."""
    if not base_url:
        raise RuntimeError("BASE_URL must be set outside development and test (see README, 'Production').")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise RuntimeError(f"BASE_URL must look like https://audit.example.org (no path), not {base_url!r}.")
    return [parts.hostname, *extra]
