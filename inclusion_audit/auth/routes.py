"""Create an account (confirmed by an emailed link), sign in and out, change password."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, logout_user

from .. import queries
from ..email import NOT_SENT, EmailNotSent, send_email
from ..extensions import limiter
from ..limits import account_in_form, failed_sign_in, known_device_for_form, remember_device, signed_in_account
from ..links import emailed_link
from ..passwords import password_problem
from ..pending_answers import pending_path
from ..security import is_safe_next
from .blueprint import bp
from .forms import ChangePasswordForm, CreateAccountForm, SetPasswordForm, SignInForm
from .session import home_for, start_session


def _account_email(email: str, organisation_name: str) -> tuple[str, str]:
    """The subject and body for someone asking for an account: a link to confirm, or, if the address already
    has an account, a reminder of it. The page, and the work done, are the same either way (a request is
    stored for both), so neither the words nor the time taken say which."""
    token = queries.request_account(organisation_name, email)
    if queries.email_taken(email):
        return (
            "You already have an account for the inclusion health self-audit",
            "Someone, probably you, asked to create an account with this email address. It already has one.\n\n"
            f"Sign in: {emailed_link('auth.sign_in')}\n"
            f"If you have forgotten your password, reset it: {emailed_link('auth.forgot_password')}\n\n"
            "If you did not ask for this, you can ignore this email. Nothing has changed.",
        )
    hours = queries.ACCOUNT_REQUEST_HOURS
    return (
        "Confirm your email address for the inclusion health self-audit",
        "Someone, probably you, asked to create an account for the inclusion health self-audit with this email "
        f"address. To confirm it and choose a password, use this link. It works for {hours} hours:\n"
        f"{emailed_link('auth.confirm_account', token=token)}\n\n"
        f'The organisation name they gave was: "{organisation_name}"\n\n'
        "If you did not ask for this, you can ignore this email. No account will be made.",
    )


@bp.route("/account/create", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_LIMIT"], methods=["POST"])
@limiter.limit(lambda: current_app.config["ACCOUNT_LIMIT"], key_func=account_in_form, methods=["POST"])
def create_account():
    """Ask for an account: we email a link that confirms the address before anything is created."""
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = CreateAccountForm()
    if form.validate_on_submit():
        email = queries.normalise_email(form.email.data)
        try:
            send_email(email, *_account_email(email, form.organisation_name.data))
        except EmailNotSent:
            form.email.errors.append(NOT_SENT)
        else:
            return render_template("auth/account_email_sent.html", email=email)
    return render_template("auth/create_account.html", form=form)


@bp.route("/account/confirm/<token>", methods=["GET", "POST"])
def confirm_account(token: str):
    """Choose a password from the emailed link; the organisation and its first member are created then."""
    account_request = queries.account_request_for(token)
    if account_request is None:
        return render_template("auth/account_link_invalid.html"), 404
    if current_user.is_authenticated:
        abort(403)
    form = SetPasswordForm()
    if form.validate_on_submit():
        problem = password_problem(form.password.data, account_request.email, account_request.organisation_name)
        if problem:
            form.password.errors.append(problem)
        else:
            name = account_request.organisation_name
            user = queries.complete_account_request(account_request, form.password.data)
            if user is None:
                return render_template("auth/account_link_invalid.html", already=True), 404
            start_session(user)
            flash(f"Your account for {name} has been created.", "success")
            return redirect(url_for("audit.profile"))
    return render_template(
        "auth/confirm_account.html",
        form=form,
        email=account_request.email,
        organisation_name=account_request.organisation_name,
    )


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGN_IN_LIMIT"], methods=["POST"])
@limiter.limit(
    lambda: current_app.config["ACCOUNT_LIMIT"],
    key_func=account_in_form,
    methods=["POST"],
    deduct_when=failed_sign_in,  # only guesses count against the account
    exempt_when=known_device_for_form,  # and the owner's own browser is not held back by them
)
def sign_in():
    """Sign in with email and password."""
    next_url = request.args.get("next")
    if current_user.is_authenticated:
        return redirect(next_url if is_safe_next(next_url) else home_for(current_user))
    form = SignInForm()
    if form.validate_on_submit():
        user = queries.authenticate(form.email.data, form.password.data)
        if user is not None:
            start_session(user)
            # Answers kept from just after the last sign-in lapsed are saved by the page they came from.
            next_url = pending_path(user.id) or next_url
            return remember_device(redirect(next_url if is_safe_next(next_url) else home_for(user)), user.email)
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
@limiter.limit(lambda: current_app.config["ACCOUNT_LIMIT"], key_func=signed_in_account, methods=["POST"])
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
                start_session(user)
                flash("Your password has been changed. Other devices have been signed out.", "success")
                return redirect(home_for(user))
    return render_template("auth/change_password.html", form=form)
