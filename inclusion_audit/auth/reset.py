"""Resetting a forgotten password with a signed, single-use, expiring emailed link."""

from __future__ import annotations

import hashlib

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..email import send_email
from ..extensions import limiter
from ..passwords import password_problem
from ..tokens import make_token, read_token
from . import bp
from .forms import ForgotPasswordForm, ResetPasswordForm

RESET_MINUTES = 60


def _fingerprint(user) -> str:
    # Changes whenever the password or the session generation changes, so a used link stops working.
    return hashlib.sha256(f"{user.password_hash}:{user.session_generation}".encode()).hexdigest()[:16]


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config.get("RESET_LIMIT", "5 per minute; 20 per hour"), methods=["POST"])
def forgot_password():
    """Ask for a reset link. The reply is the same whether or not the email has an account."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = queries.get_user_by_email(form.email.data)
        if user is not None:
            token = make_token("reset", {"user": user.id, "fp": _fingerprint(user)})
            link = url_for("auth.reset_password", token=token, _external=True)
            send_email(
                user.email,
                "Reset your password for the inclusion health self-audit",
                f"Use this link to choose a new password. It works once, for {RESET_MINUTES} minutes:\n{link}\n\n"
                "If you did not ask for this, you can ignore this email. Your password has not changed.",
            )
        return render_template("auth/reset_sent.html", email=form.email.data)
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password from an emailed link; every other session is signed out."""
    payload = read_token("reset", token, max_age_seconds=RESET_MINUTES * 60)
    user = queries.get_user(payload["user"]) if payload and isinstance(payload.get("user"), int) else None
    if user is None or payload.get("fp") != _fingerprint(user) or current_user.is_authenticated:
        return render_template("auth/reset_invalid.html"), 404
    form = ResetPasswordForm()
    if form.validate_on_submit():
        organisation = user.organisation.name if user.organisation else ""
        problem = password_problem(form.password.data, user.email, organisation)
        if problem:
            form.password.errors.append(problem)
        else:
            queries.change_password(user, form.password.data)
            flash("Your password has been changed. Sign in with your new password.", "success")
            return redirect(url_for("auth.sign_in"))
    return render_template("auth/reset_password.html", form=form, email=user.email)
