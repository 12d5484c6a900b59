"""Keys for rate limits that count per account rather than per client address.

A per-address limit alone lets someone with many addresses keep guessing one account's password; these
count the attempts on the account itself, whoever makes them.
"""

from __future__ import annotations

from flask import request
from flask_limiter.util import get_remote_address
from flask_login import current_user


def account_in_form() -> str:
    """The account a sign-in form names (by its email, as stored), else the client address. Always prefixed,
    so this never shares a counter with a per-address limit of the same size on the same page."""
    email = (request.form.get("email") or "").strip().lower()
    return f"account:{email}" if email else f"no-account:{get_remote_address()}"


def signed_in_account() -> str:
    """The signed-in user, for forms that check their current password."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"signed-out:{get_remote_address()}"
