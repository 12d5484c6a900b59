"""Inviting colleagues, so an organisation never depends on one person."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import EmailField, SubmitField
from wtforms.validators import Email, InputRequired, Length, ValidationError

from .. import queries
from ..email import send_email
from ..extensions import limiter
from ..forms_base import StripWhitespaceForm
from ..security import role_required
from ..tokens import INVITATION_DAYS, make_token
from . import bp


class InviteForm(StripWhitespaceForm):
    email = EmailField(
        "Colleague's email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your colleague's email address"),
            Length(max=320, message="Email address must be 320 characters or fewer"),
            Email(message="Enter an email address in the correct format, like name@example.org"),
        ],
    )
    submit = SubmitField("Send invitation", widget=GovSubmitInput())

    def validate_email(self, field: EmailField) -> None:
        if queries.email_taken(field.data or ""):
            raise ValidationError("This person already has an account. Ask them to sign in")


@bp.route("/team", methods=["GET", "POST"])
@role_required("member")
@limiter.limit(lambda: current_app.config.get("INVITE_LIMIT", "10 per hour"), methods=["POST"])
def team():
    """See who can work on the audit and invite a colleague."""
    organisation = current_user.organisation
    form = InviteForm()
    if form.validate_on_submit():
        email = queries.normalise_email(form.email.data)
        token = make_token("invite", {"organisation": organisation.id, "email": email, "by": current_user.id})
        link = url_for("auth.accept_invitation", token=token, _external=True)
        send_email(
            email,
            f"Join {organisation.name} on the inclusion health self-audit",
            f"{current_user.email} has invited you to work on {organisation.name}'s inclusion health audit.\n\n"
            f"Use this link to set a password and join. It works for {INVITATION_DAYS} days:\n{link}\n\n"
            "If you were not expecting this, you can ignore this email.",
        )
        flash(f"Invitation sent to {email}. The link works for {INVITATION_DAYS} days.", "success")
        return redirect(url_for("audit.team"))
    return render_template("audit/team.html", form=form, organisation=organisation, members=organisation.members)
