"""Answers posted just after a sign-in lapsed: kept in the session until the same person signs in again,
then saved by the page they were posted to.

A form posted by someone whose sign-in has lapsed (the session still names them, see session_timeout.py)
is kept, and they are sent to sign in. Signing in takes them back to that page, which saves what was kept.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import flash, redirect, request, session, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from .session_timeout import EXPIRED_USER, lapsed_recently

PENDING = "pending_answers"


def keep_answers_if_signed_out(view: Callable[..., Any]) -> Callable[..., Any]:
    """On a POST from someone whose sign-in just lapsed, keep what they posted and send them to sign in."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        expired_user = session.get(EXPIRED_USER)
        if request.method == "POST" and not current_user.is_authenticated and expired_user:
            if not lapsed_recently():
                session.pop(PENDING, None)
                flash(
                    "You were signed out because the page was left for more than 4 hours, so the answers on it "
                    "were not kept. Sign in and enter them again."
                )
                return redirect(url_for("auth.sign_in", next=request.path))
            form = {key: values for key, values in request.form.to_dict(flat=False).items() if key != "csrf_token"}
            session[PENDING] = {"user": expired_user, "path": request.path, "form": form}
            flash(
                "You were signed out because the page was left for a while. "
                "Sign in again and the answers you just entered will be saved."
            )
            return redirect(url_for("auth.sign_in", next=request.path))
        return view(*args, **kwargs)

    return wrapped


def carry_over(user_id: int) -> dict | None:
    """Kept answers that belong to `user_id`, to survive the session being renewed at sign-in."""
    pending = session.get(PENDING)
    return pending if pending and pending.get("user") == user_id else None


def pending_path(user_id: int) -> str | None:
    """Where the kept answers were posted, so signing in goes back there to save them."""
    pending = carry_over(user_id)
    return pending["path"] if pending else None


def pop_pending_answers(path: str) -> MultiDict | None:
    """The signed-in user's kept answers for the page at `path` (removed from the session), else None."""
    pending = session.get(PENDING)
    if not pending or pending.get("user") != current_user.id or pending.get("path") != path:
        return None
    session.pop(PENDING)
    return MultiDict(pending["form"])


def form_options(pending: MultiDict | None) -> dict:
    """Options for a form filled from kept answers: they come from the session, not from a page, so there
    is no CSRF token to check (the post that was kept passed the check when it was made)."""
    return {"meta": {"csrf": False}} if pending is not None else {}
