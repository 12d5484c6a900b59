"""Accepting an invitation to be a coordinator or an admin: set a password, then sign in with the scope the
inviting admin chose."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..passwords import password_problem
from .blueprint import bp
from .forms import AcceptStaffInvitationForm
from .session import start_session


@bp.route("/invitation/staff/<token>", methods=["GET", "POST"])
def accept_staff_invitation(token: str):
    invitation = queries.staff_invitation_for(token)
    if invitation is None or queries.email_taken(invitation.email):
        return render_template("auth/invitation_invalid.html"), 404
    if current_user.is_authenticated:
        abort(403)
    form = AcceptStaffInvitationForm()
    if form.validate_on_submit():
        problem = password_problem(form.password.data, invitation.email)
        if problem:
            form.password.errors.append(problem)
        else:
            user = queries.accept_staff_invitation(invitation, form.password.data)
            if user is None:
                return render_template("auth/invitation_invalid.html"), 404
            start_session(user)
            flash("Welcome. Your account is ready.", "success")
            return redirect(url_for("coordinator.dashboard"))
    scope_words = queries.describe_scope(invitation.role, invitation.system_id, invitation.area)
    return render_template(
        "auth/accept_staff_invitation.html", form=form, invitation=invitation, scope_words=scope_words
    )
