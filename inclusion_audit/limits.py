"""Keys for rate limits: per client address (IPv6 by network), per account, per organisation.

A per-address limit alone lets someone with many addresses keep guessing one account's password; the
per-account keys count the attempts on the account itself, whoever makes them. So that a stranger cannot
lock the owner out by guessing, only failed attempts count, and a browser that has signed in to the
account before is not held back by other people's guesses.
"""

from __future__ import annotations

from ipaddress import IPv6Address, ip_address, ip_network

from flask import Response, request
from flask_login import current_user

from .tokens import make_token, read_token

KNOWN_DEVICE_COOKIE = "known_device"
KNOWN_DEVICE_DAYS = 180


def client_address() -> str:
    """The client's address; an IPv6 address stands for its /64 network, which one household or phone has."""
    address = request.remote_addr or "unknown"
    try:
        parsed = ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, IPv6Address):
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _email_in_form() -> str:
    return (request.form.get("email") or "").strip().lower()


def account_in_form() -> str:
    """The account a form names (by its email, as stored), else the client address. Always prefixed, so this
    never shares a counter with a per-address limit of the same size on the same page."""
    email = _email_in_form()
    return f"account:{email}" if email else f"no-account:{client_address()}"


def signed_in_account() -> str:
    """The signed-in user, for forms that check their current password."""
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"signed-out:{client_address()}"


def signed_in_organisation() -> str:
    """The signed-in member's organisation, for what an organisation sends (invitations)."""
    if current_user.is_authenticated and current_user.organisation_id:
        return f"organisation:{current_user.organisation_id}"
    return f"signed-out:{client_address()}"


def failed_sign_in(response: Response) -> bool:
    """A sign-in that did not succeed (it redirects on success)."""
    return response.status_code != 302


def known_device_for_form() -> bool:
    """This browser has signed in to the account the form names before (a signed cookie says so)."""
    email = _email_in_form()
    payload = read_token("device", request.cookies.get(KNOWN_DEVICE_COOKIE, ""), KNOWN_DEVICE_DAYS * 24 * 3600)
    return bool(email) and payload is not None and payload.get("email") == email


def remember_device(response: Response, email: str) -> Response:
    response.set_cookie(
        KNOWN_DEVICE_COOKIE,
        make_token("device", {"email": email}),
        max_age=KNOWN_DEVICE_DAYS * 24 * 3600,
        secure=request.is_secure,
        httponly=True,
        samesite="Lax",
    )
    return response
