"""Answers posted after the sign-in lapsed: kept in the session until the same person signs in again."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import flash, redirect, request, session, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from ..session_timeout import EXPIRED_USER

PENDING = "pending_answers"
_KEPT_FIELDS = ("action", "revision")


def keep_answers_if_signed_out(view: Callable[..., Any]) -> Callable[..., Any]:
    """On a POST from someone whose sign-in just lapsed, keep the answers and send them to sign in."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        expired_user = session.get(EXPIRED_USER)
        if request.method == "POST" and not current_user.is_authenticated and expired_user:
            from ..content_store import get_content

            questions = get_content().questions
            kept = {key: value for key, value in request.form.items() if key in questions or key in _KEPT_FIELDS}
            session[PENDING] = {"user": expired_user, "path": request.path, "form": kept}
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


def pop_pending_answers(section_id: str) -> MultiDict | None:
    pending = session.get(PENDING)
    if not pending or pending.get("user") != current_user.id:
        return None
    if pending.get("path") != url_for("audit.section", section_id=section_id):
        return None
    session.pop(PENDING)
    return MultiDict(pending["form"])
