"""Password hashing and the password policy.

The policy follows NCSC advice: a minimum length, refusing the passwords attackers try first, and no
composition rules (they push people towards predictable patterns). "Try first" is judged by zxcvbn, a
maintained strength estimator that ships its own lists of common passwords, words, names and keyboard
patterns, rather than by a short list of our own.
"""

from __future__ import annotations

import re
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context
from zxcvbn import zxcvbn
from zxcvbn.matching import L33T_TABLE

from .config import Config

MIN_LENGTH = 10
MAX_LENGTH = 256  # argon2 copes with more, but nobody types this much and it bounds the work per attempt
# zxcvbn's scores run 0-4; 3 is "safely unguessable" against an online attack with some offline protection.
MIN_SCORE = 3
_ESTIMATE_CHARACTERS = 72  # zxcvbn refuses longer input; the first 72 characters decide the estimate anyway
# zxcvbn tries every way of reading look-alike characters ('4' as 'a', '$' as 's'...): with many different
# ones its work explodes (20 of them took 16 s of CPU). Beyond this many, only the start is estimated.
_LOOK_ALIKES = frozenset(char for chars in L33T_TABLE.values() for char in chars)
_MAX_LOOK_ALIKES = 10
_ESTIMATE_CHARACTERS_WITH_MANY_LOOK_ALIKES = 16

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


def password_problem(password: str, email: str = "", organisation: str = "") -> str | None:
    """Return what is wrong with a new password, in words for the user, or None if it is fine."""
    if len(password) < MIN_LENGTH:
        return f"Password must be {MIN_LENGTH} characters or more"
    if len(password) > MAX_LENGTH:
        return f"Password must be {MAX_LENGTH} characters or fewer"
    personal = [email.split("@")[0], organisation]
    # Compared without spaces and punctuation, so "zoes-cafe-2026" counts as containing "Zoe's Cafe".
    if any(len(_letters(word)) >= 4 and _letters(word) in _letters(password) for word in personal):
        return "Password must not contain your email address or organisation name"
    words = [word for text in personal for word in re.split(r"[^\w]+", text.lower()) if len(word) >= 3]
    estimate = zxcvbn(_estimated_part(password), user_inputs=words)
    if estimate["score"] < MIN_SCORE:
        feedback = estimate["feedback"]
        advice = " ".join([feedback.get("warning") or "", *feedback.get("suggestions", [])]).strip()
        return f"Password is too easy to guess. {advice or 'Try 3 random words together.'}"
    return None


def _estimated_part(password: str) -> str:
    if len(_LOOK_ALIKES.intersection(password)) > _MAX_LOOK_ALIKES:
        return password[:_ESTIMATE_CHARACTERS_WITH_MANY_LOOK_ALIKES]
    return password[:_ESTIMATE_CHARACTERS]


def _letters(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())
