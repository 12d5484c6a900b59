"""The team page and invitations, so an organisation never depends on one person. Admins invite; everyone
sees who is in the team, with their roles, and who has been invited."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import EmailField, SubmitField
from wtforms.validators import Email, InputRequired, Length, ValidationError

from .. import queries
from ..email import NOT_SENT, EmailNotSent, send_email
from ..extensions import limiter
from ..forms_base import StripWhitespaceForm
from ..limits import signed_in_organisation
from ..links import emailed_link
from ..security import role_required, team_admin_required
from . import team_emails
from .blueprint import bp
from .team_emails import tell

# Sending and sending again count together, per organisation (whatever address its members use).
invitations_limit = limiter.shared_limit(
    lambda: current_app.config.get("INVITE_LIMIT", "10 per hour"),
    scope="invitations",
    key_func=signed_in_organisation,
    methods=["POST"],
)


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
        # Only the organisation's own members are named: the team list shows them anyway. Whether an address
        # has an account elsewhere is never said (that person gets an email explaining instead).
        email = queries.normalise_email(field.data or "")
        if any(member.email == email for member in current_user.organisation.members):
            raise ValidationError("This person is already in your team")


def _invitation_email(organisation, email: str, token: str) -> tuple[str, str]:
    inviter, days = current_user.email, queries.INVITATION_DAYS
    subject = f"Join {organisation.name} on the inclusion health self-audit"
    if queries.email_taken(email):
        return subject, (
            f"{inviter} has invited you to work on {organisation.name}'s inclusion health audit, but this email "
            "address already has an account with the service, and an account belongs to one organisation.\n\n"
            f"To join {organisation.name}, reply to {inviter} with another email address to invite.\n"
            f"To sign in to your existing account: {emailed_link('auth.sign_in')}"
        )
    return subject, (
        f"{inviter} has invited you to work on {organisation.name}'s inclusion health audit.\n\n"
        f"Use this link to set a password and join. It works once, for {days} days:\n"
        f"{emailed_link('auth.accept_invitation', token=token)}\n\n"
        "If you were not expecting this, you can ignore this email."
    )


def _send_invitation(email: str, action: queries.TeamAction) -> bool:
    organisation, user = current_user.organisation, current_user._get_current_object()
    token = queries.create_invitation(organisation, email, user)
    queries.record_team_event(organisation, user, email, action)
    try:
        send_email(email, *_invitation_email(organisation, email, token))
    except EmailNotSent:
        return False
    return True


@bp.route("/team", methods=["GET", "POST"])
@role_required("member")
@invitations_limit
def team():
    """See who is in the team and their roles, who has been invited, and (admins) invite a colleague."""
    organisation = current_user.organisation
    if request.method == "POST" and not current_user.is_team_admin:
        abort(403)
    form = InviteForm()
    if form.validate_on_submit():
        email = queries.normalise_email(form.email.data)
        if _send_invitation(email, queries.TeamAction.INVITED):
            flash(f"Invitation sent to {email}. The link works for {queries.INVITATION_DAYS} days.", "success")
            return redirect(url_for("audit.team"))
        form.email.errors.append(f"{NOT_SENT}. The invitation is listed below: send it again from there")
    return render_template(
        "audit/team.html",
        form=form,
        organisation=organisation,
        members=queries.team_members(organisation),
        admins=queries.team_admins(organisation),
        invitations=queries.pending_invitations(organisation),
        events=queries.team_events(organisation),
        button_form=StripWhitespaceForm(),
    )


@bp.route("/team/invitations/<id:invitation_id>/resend", methods=["POST"])
@role_required("member")
@team_admin_required
@invitations_limit
def resend_invitation(invitation_id: int):
    """Send a pending invitation again, with a new link (the old one stops working)."""
    if not StripWhitespaceForm().validate_on_submit():
        abort(400)
    invitation = _pending_or_404(invitation_id)
    if _send_invitation(invitation.email, queries.TeamAction.INVITATION_RESENT):
        flash(f"Invitation sent again to {invitation.email}. The earlier link no longer works.", "success")
    else:
        flash(f"{NOT_SENT}.")
    return redirect(url_for("audit.team"))


@bp.route("/team/invitations/<id:invitation_id>/cancel", methods=["POST"])
@role_required("member")
@team_admin_required
def cancel_invitation(invitation_id: int):
    """Cancel a pending invitation: its link stops working at once, and the person invited is told."""
    if not StripWhitespaceForm().validate_on_submit():
        abort(400)
    organisation, user = current_user.organisation, current_user._get_current_object()
    invitation = queries.cancel_invitation(organisation, invitation_id)
    if invitation is None:
        abort(404)
    queries.record_team_event(organisation, user, invitation.email, queries.TeamAction.INVITATION_CANCELLED)
    message = f"The invitation to {invitation.email} has been cancelled. Its link no longer works."
    if tell(invitation.email, *team_emails.invitation_cancelled(organisation, user)):
        flash(f"{message} We have emailed them to say so.", "success")
    else:
        flash(f"{message} We could not email them to say so.", "success")
    return redirect(url_for("audit.team"))


def _pending_or_404(invitation_id: int):
    for invitation in queries.pending_invitations(current_user.organisation):
        if invitation.id == invitation_id:
            return invitation
    abort(404)
