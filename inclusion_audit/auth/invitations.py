"""Accepting an invitation to join an organisation."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..passwords import password_problem
from ..tokens import INVITATION_DAYS, read_token
from . import bp
from .forms import AcceptInvitationForm
from .routes import _start_session


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """Set a password and join the organisation that sent the invitation."""
    payload = read_token("invite", token, max_age_seconds=INVITATION_DAYS * 24 * 3600)
    organisation = queries.get_organisation(payload.get("organisation", -1)) if payload else None
    # Used once: after the account exists, the same link is no longer valid.
    if organisation is None or queries.email_taken(payload.get("email", "")):
        return render_template("auth/invitation_invalid.html"), 404
    if current_user.is_authenticated:
        abort(403)
    form = AcceptInvitationForm()
    if form.validate_on_submit():
        problem = password_problem(form.password.data, payload["email"], organisation.name)
        if problem:
            form.password.errors.append(problem)
        else:
            user = queries.add_member(organisation, payload["email"], form.password.data)
            _start_session(user)
            flash(f"Welcome. You have joined {organisation.name}.", "success")
            return redirect(url_for("audit.task_list"))
    return render_template("auth/accept_invitation.html", form=form, organisation=organisation, email=payload["email"])
