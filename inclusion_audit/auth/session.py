"""Starting a signed-in session."""

from __future__ import annotations

import time

from flask import session, url_for
from flask_login import login_user

from .. import queries
from ..pending_answers import PENDING, carry_over
from ..session_timeout import SEEN


def start_session(user) -> None:
    """A fresh session at sign-in: nothing an attacker planted before it carries over, except answers
    this same person posted just after their sign-in lapsed (saved once they are back)."""
    pending = carry_over(user.id)
    session.clear()
    if pending:
        session[PENDING] = pending
    login_user(user)
    session.permanent = True
    session[SEEN] = int(time.time())
    queries.record_sign_in(user)


def home_for(user) -> str:
    return url_for("coordinator.dashboard") if user.is_coordinator else url_for("audit.task_list")
