"""Accepting an invitation to join an organisation."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..passwords import password_problem
from .blueprint import bp
from .forms import AcceptInvitationForm
from .session import start_session


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """Set a password and join the organisation that sent the invitation."""
    invitation = queries.invitation_for(token)
    # An address that has an account by now cannot join with it: the link is spent, like a used one.
    if invitation is None or queries.email_taken(invitation.email):
        return render_template("auth/invitation_invalid.html"), 404
    if current_user.is_authenticated:
        abort(403)
    organisation = invitation.organisation
    form = AcceptInvitationForm()
    if form.validate_on_submit():
        problem = password_problem(form.password.data, invitation.email, organisation.name)
        if problem:
            form.password.errors.append(problem)
        else:
            name = organisation.name
            user = queries.accept_invitation(invitation, form.password.data)
            if user is None:
                return render_template("auth/invitation_invalid.html"), 404
            start_session(user)
            flash(f"Welcome. You have joined {name}.", "success")
            return redirect(url_for("audit.task_list"))
    return render_template("auth/accept_invitation.html", form=form, organisation=organisation, email=invitation.email)
