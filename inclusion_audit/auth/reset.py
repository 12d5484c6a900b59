"""Resetting a forgotten password with a signed, single-use, expiring emailed link."""

from __future__ import annotations

import hashlib

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..email import NOT_SENT, EmailNotSent, send_email
from ..extensions import limiter
from ..limits import account_in_form
from ..links import emailed_link
from ..passwords import password_problem
from ..tokens import make_token, read_token
from .blueprint import bp
from .forms import ForgotPasswordForm, ResetPasswordForm

RESET_MINUTES = 60


def _fingerprint(user) -> str:
    # Changes whenever the password or the session key changes, so a used link stops working.
    return hashlib.sha256(f"{user.password_hash}:{user.session_key}".encode()).hexdigest()[:16]


def _reset_email(email: str) -> tuple[str, str]:
    """A reset link for an account; for an address without one, an email saying so. Either way an email goes,
    so neither the page nor how long it takes (nor a mail server failure) tells anyone which addresses have
    accounts."""
    user = queries.get_user_by_email(email)
    if user is None:
        return (
            "Resetting a password for the inclusion health self-audit",
            "Someone, probably you, asked to reset the password for this email address, but it has no account "
            "with the inclusion health self-audit. Your colleagues may have used another address.\n\n"
            f"To create an account: {emailed_link('auth.create_account')}\n\n"
            "If you did not ask for this, you can ignore this email.",
        )
    token = make_token("reset", {"user": user.id, "fp": _fingerprint(user)})
    return (
        "Reset your password for the inclusion health self-audit",
        f"Use this link to choose a new password. It works once, for {RESET_MINUTES} minutes:\n"
        f"{emailed_link('auth.reset_password', token=token)}\n\n"
        "If you did not ask for this, you can ignore this email. Your password has not changed.",
    )


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config.get("RESET_LIMIT", "5 per minute; 20 per hour"), methods=["POST"])
@limiter.limit(lambda: current_app.config["ACCOUNT_LIMIT"], key_func=account_in_form, methods=["POST"])
def forgot_password():
    """Ask for a reset link. The reply is the same whether or not the email has an account."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        email = queries.normalise_email(form.email.data)
        try:
            send_email(email, *_reset_email(email))
        except EmailNotSent:
            form.email.errors.append(NOT_SENT)
        else:
            return render_template("auth/reset_sent.html", email=email)
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
