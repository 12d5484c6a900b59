"""Signing people out after a spell of inactivity, without losing what they were typing.

The session cookie lives for hours, but a sign-in lapses after `SESSION_IDLE_MINUTES` without a
request. When it lapses we remember who it was (and keep the CSRF token), so a question page posted
just after the lapse can be kept, the person asked to sign in again, and the answers then saved.
"""

from __future__ import annotations

import time

from flask import Flask, current_app, jsonify, session
from flask_login import current_user, login_required, logout_user

SEEN = "seen_at"
EXPIRED_USER = "expired_user_id"
LAST_SEEN = "expired_last_seen"  # when the lapsed sign-in was last used
# Answers posted this long after the last activity are not kept for whoever signs in next: by then the
# browser may well be someone else's (a shared computer).
KEEP_ANSWERS_SECONDS = 4 * 3600


def idle_seconds() -> int:
    return int(current_app.config["SESSION_IDLE_MINUTES"]) * 60


def enforce_idle_timeout() -> None:
    if not current_user.is_authenticated:
        return
    now = int(time.time())
    seen = session.get(SEEN, now)
    if now - seen > idle_seconds():
        user_id = current_user.id
        logout_user()
        session[EXPIRED_USER] = user_id
        session[LAST_SEEN] = seen
        session.pop(SEEN, None)
        return
    session[SEEN] = now


def extend_session():
    """Called by the 'Stay signed in' button: the before-request hook has already refreshed the clock."""
    return jsonify(signed_in=True, idle_seconds=idle_seconds())


def init_session_timeout(app: Flask) -> None:
    app.config.setdefault("SESSION_IDLE_MINUTES", 30)
    app.before_request(enforce_idle_timeout)
    app.add_url_rule("/session/extend", "session_extend", login_required(extend_session), methods=["POST"])
    app.jinja_env.globals["session_idle_seconds"] = idle_seconds


def lapsed_recently() -> bool:
    """The sign-in that lapsed in this browser was last used recently enough to keep what is posted now."""
    return int(time.time()) - session.get(LAST_SEEN, 0) <= KEEP_ANSWERS_SECONDS
