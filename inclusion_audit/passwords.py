"""Password hashing and the password policy.

The policy follows NCSC advice: a minimum length, a block-list of the passwords attackers
try first, and no composition rules (they push people towards predictable patterns).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context

from .config import Config

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 copes with more, but nobody types this much and it bounds the work per attempt

# Every real configuration hashes with argon2-cffi's own default profile (RFC 9106, low memory); only
# the test configuration names a cheap one, because there the cost is pure waiting. A hash records its
# parameters, so a hash of either kind verifies under either configuration.
STRONG_PROFILE = Config.PASSWORD_HASH_PROFILE


def hash_profile() -> str:
    """The argon2-cffi profile new hashes get: the app's PASSWORD_HASH_PROFILE, else the strong default."""
    return current_app.config.get("PASSWORD_HASH_PROFILE", STRONG_PROFILE) if has_app_context() else STRONG_PROFILE


@cache
def _hasher(profile: str) -> PasswordHasher:
    return PasswordHasher.from_parameters(getattr(profiles, profile))


def hash_password(password: str) -> str:
    return _hasher(hash_profile()).hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher(hash_profile()).verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash(profile: str) -> str:
    return _hasher(profile).hash("not-a-real-password-used-for-timing")


def verify_unknown_user(password: str) -> None:
    """Spend what checking a real password costs, so a sign-in with an unknown email is not faster."""
    verify_password(_dummy_hash(hash_profile()), password)


@cache
def _blocked() -> frozenset[str]:
    text = resources.files(__package__).joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def password_problem(password: str, email: str = "", organisation: str = "") -> str | None:
    """Return what is wrong with a new password, in words for the user, or None if it is fine."""
    if len(password) < MIN_LENGTH:
        return f"Password must be {MIN_LENGTH} characters or more"
    if len(password) > MAX_LENGTH:
        return f"Password must be {MAX_LENGTH} characters or fewer"
    lowered = password.lower()
    if lowered in _blocked() or len(set(lowered)) <= 2:
        return "Password is too easy to guess. Try 3 random words together"
    personal = [email.split("@")[0].lower(), organisation.lower()]
    if any(len(word) >= 4 and word in lowered for word in personal):
        return "Password must not contain your email address or organisation name"
    return None
