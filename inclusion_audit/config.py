"""Configuration classes, read from the environment.

`create_app` picks `DevelopmentConfig` unless told otherwise; production sets
`FLASK_CONFIG=production`, which refuses to start without a real `SECRET_KEY`.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

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
    SIGN_IN_LIMIT = os.environ.get("SIGN_IN_LIMIT", "10 per minute; 50 per hour")
    REGISTER_LIMIT = os.environ.get("REGISTER_LIMIT", "5 per minute; 30 per hour")

    MAIL_SMTP_HOST = os.environ.get("MAIL_SMTP_HOST")
    MAIL_FROM = os.environ.get("MAIL_FROM", "no-reply@inclusion-audit.invalid")

    # A name from argon2.profiles; this one is argon2-cffi's default. Only TestConfig lowers it.
    PASSWORD_HASH_PROFILE = "RFC_9106_LOW_MEMORY"

    # Served behind a reverse proxy in production: trust one hop of X-Forwarded-* headers.
    PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "0"))


class DevelopmentConfig(Config):
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SESSION_COOKIE_SECURE = False


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-only-not-secret"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    SESSION_COOKIE_SECURE = False
    WTF_CSRF_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    PASSWORD_HASH_PROFILE = "CHEAPEST"


class ProductionConfig(Config):
    PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "1"))


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}
