"""Create an account, sign in and out, change password."""

from __future__ import annotations

import time

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from .. import queries
from ..audit.pending import PENDING, carry_over
from ..extensions import limiter
from ..passwords import password_problem
from ..security import is_safe_next
from ..session_timeout import SEEN
from . import bp
from .forms import ChangePasswordForm, CreateAccountForm, SignInForm


def _home_for(user) -> str:
    return url_for("coordinator.dashboard") if user.is_coordinator else url_for("audit.task_list")


def _start_session(user) -> None:
    # A fresh session at sign-in: nothing an attacker planted before it carries over, except
    # answers this same person posted just after their sign-in lapsed (saved once they are back).
    pending = carry_over(user.id)
    session.clear()
    if pending:
        session[PENDING] = pending
    login_user(user)
    session.permanent = True
    session[SEEN] = int(time.time())
    queries.record_sign_in(user)


@bp.route("/account/create", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_LIMIT"], methods=["POST"])
def create_account():
    """Create an organisation and its first member."""
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = CreateAccountForm()
    if form.validate_on_submit():
        user = queries.create_member(form.organisation_name.data, form.email.data, form.password.data)
        _start_session(user)
        flash("Your account has been created.", "success")
        return redirect(url_for("audit.profile"))
    return render_template("auth/create_account.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGN_IN_LIMIT"], methods=["POST"])
def sign_in():
    """Sign in with email and password."""
    next_url = request.args.get("next")
    if current_user.is_authenticated:
        return redirect(next_url if is_safe_next(next_url) else _home_for(current_user))
    form = SignInForm()
    if form.validate_on_submit():
        user = queries.authenticate(form.email.data, form.password.data)
        if user is not None:
            _start_session(user)
            return redirect(next_url if is_safe_next(next_url) else _home_for(user))
        # Same words whether the email is unknown or the password wrong.
        form.email.errors.append("Enter a correct email address and password")
    return render_template("auth/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    """Sign out; POST only so a link elsewhere cannot sign people out."""
    if current_user.is_authenticated:
        queries.end_all_sessions(current_user._get_current_object())
        logout_user()
    session.clear()
    flash("You have signed out. Your answers are saved.", "success")
    return redirect(url_for("auth.sign_in"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change password; signs out other devices."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not queries.authenticate(current_user.email, form.current_password.data):
            form.current_password.errors.append("Your current password is not right. Check it and try again")
        else:
            organisation = current_user.organisation.name if current_user.organisation else ""
            problem = password_problem(form.new_password.data, current_user.email, organisation)
            if problem:
                form.new_password.errors.append(problem)
            else:
                user = current_user._get_current_object()
                queries.change_password(user, form.new_password.data)
                _start_session(user)
                flash("Your password has been changed. Other devices have been signed out.", "success")
                return redirect(_home_for(user))
    return render_template("auth/change_password.html", form=form)
