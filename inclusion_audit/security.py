"""Security headers, role checks and safe redirects."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, abort, g, request
from flask_login import current_user
from werkzeug.routing import IntegerConverter

from .extensions import login_manager

# Views anyone may open without signing in. Everything else must refuse anonymous visitors;
# tests/test_routes_protected.py checks every route in the app against this set.
PUBLIC_ENDPOINTS = frozenset(
    {
        "static",
        "main.start",
        "main.accessibility",
        "main.privacy",
        "main.cookies",
        "main.healthz",
        "main.feedback",
        "auth.sign_in",
        "auth.sign_out",
        "auth.create_account",
        "auth.confirm_account",  # protected by its random, expiring token
        "auth.accept_invitation",  # protected by its random, single-use, expiring token instead
        "auth.accept_staff_invitation",  # the same
        "auth.forgot_password",
        "auth.reset_password",  # protected by its signed, single-use, expiring token
        "certificate.check_form",
        "certificate.check",  # says only whether a code (60 random bits) was issued, to whom and when
    }
)


def csp_nonce() -> str:
    """A per-request nonce, so the one inline script GOV.UK Frontend needs can run without 'unsafe-inline'."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def _content_security_policy() -> str:
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{csp_nonce()}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def add_security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = _content_security_policy()
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    # Pages show an organisation's own answers: never let a shared computer's cache keep them.
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def reject_nul_bytes() -> None:
    """No one types a NUL byte; PostgreSQL cannot store one. Refuse the request before any form sees it."""
    values = [*request.args.values(), *request.form.values(), *request.args.keys(), *request.form.keys()]
    if any("\x00" in value for value in values):
        abort(400)


def init_security(app: Flask) -> None:
    app.url_map.converters["id"] = IdConverter
    app.before_request(reject_nul_bytes)
    app.after_request(add_security_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce


def role_required(*roles: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Allow only signed-in users with one of `roles`; others get 403 (anonymous users are sent to sign in)."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorator


def team_admin_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Only an admin of the signed-in member's own organisation; other members get 403. Goes under
    `role_required("member")`, which deals with everyone else."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_team_admin:
            abort(403)
        return view(*args, **kwargs)

    wrapped.team_admin_only = True  # type: ignore[attr-defined]
    return wrapped


# The largest id PostgreSQL's integer columns hold; larger numbers in a URL cannot name anything.
MAX_ID = 2**31 - 1


class IdConverter(IntegerConverter):
    """`<id:name>` in a route: a whole number from 1 to MAX_ID, else 404 before the database is asked."""

    def __init__(self, url_map) -> None:
        super().__init__(url_map, min=1, max=MAX_ID)


def whole_number(value: str | None, default: int = -1) -> int:
    """A whole number typed or posted as text, from 0 to MAX_ID; `default` for anything else (including
    digits that int() accepts but nobody types, such as '²', and numbers too big for the database)."""
    if not value or not (value.isascii() and value.isdecimal()) or len(value) > 10:
        return default
    number = int(value)
    return number if number <= MAX_ID else default


def is_safe_next(target: str | None) -> bool:
    """Only same-site paths such as '/audit/'; never another host, scheme or protocol-relative URL, and
    nothing with spaces or control characters (which could split a Location header)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc
