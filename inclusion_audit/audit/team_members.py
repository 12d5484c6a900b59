"""Changing the team: admins make someone an admin or a member, or remove them; anyone can leave.

An organisation always keeps an admin. Each change is recorded (the team page lists the latest) and the
person it affects is emailed.
"""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, session, url_for
from flask_login import current_user, logout_user
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovPasswordInput, GovRadioInput, GovSubmitInput
from wtforms import BooleanField, PasswordField, RadioField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from .. import queries
from ..extensions import limiter
from ..forms_base import StripWhitespaceForm
from ..limits import signed_in_account
from ..models import TeamRole
from ..security import role_required, team_admin_required
from . import team_emails
from .blueprint import bp
from .team_emails import tell

LAST_ADMIN = "Your organisation needs at least one admin. Make someone else an admin first"


class RoleForm(StripWhitespaceForm):
    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        choices=[
            SelectChoice(TeamRole.ADMIN.value, "Admin"),
            SelectChoice(TeamRole.MEMBER.value, "Member"),
        ],
        validators=[InputRequired(message="Select a role")],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class LeaveForm(StripWhitespaceForm):
    confirm = BooleanField(
        "I understand that leaving deletes my account",
        widget=GovCheckboxInput(),
        validators=[InputRequired(message="Confirm that you understand your account will be deleted")],
    )
    password = PasswordField(
        "Your password",
        widget=GovPasswordInput(),
        description="We ask for this to check it is really you.",
        validators=[InputRequired(message="Enter your password")],
    )
    submit = SubmitField("Leave the team", widget=GovSubmitInput())


def _colleague_or_404(member_id: int):
    member = queries.team_member(current_user.organisation, member_id)
    if member is None:
        abort(404)
    return member


def _told(sent: bool, done: str, who: str) -> None:
    flash(
        f"{done} We have emailed {who} to say so." if sent else f"{done} We could not email {who} to say so.", "success"
    )


@bp.route("/team/members/<id:member_id>/role", methods=["GET", "POST"])
@role_required("member")
@team_admin_required
def change_role(member_id: int):
    """Make a member an admin, or an admin a member (never the last admin)."""
    organisation, actor = current_user.organisation, current_user._get_current_object()
    member = _colleague_or_404(member_id)
    form = RoleForm(role=member.team_role)
    if form.validate_on_submit():
        role = TeamRole(form.role.data)
        result = queries.change_team_role(organisation, member, role, actor)
        if result == queries.TeamChange.LAST_ADMIN:
            form.role.errors.append(LAST_ADMIN)
        else:
            if result == queries.TeamChange.DONE and member.id == actor.id:
                flash("You are now a member of the team, not an admin.", "success")
            elif result == queries.TeamChange.DONE:
                email = team_emails.promoted if role == TeamRole.ADMIN else team_emails.demoted
                done = f"{member.email} is now {'an admin' if role == TeamRole.ADMIN else 'a member'}."
                _told(tell(member.email, *email(organisation, actor)), done, "them")
            return redirect(url_for("audit.team"))
    return render_template("audit/team_role.html", form=form, member=member, admin_can=team_emails.ADMIN_CAN)


@bp.route("/team/members/<id:member_id>/remove", methods=["GET", "POST"])
@role_required("member")
@team_admin_required
def remove_member(member_id: int):
    """Remove a colleague from the team, which deletes their account, after a confirmation page."""
    organisation, actor = current_user.organisation, current_user._get_current_object()
    member = _colleague_or_404(member_id)
    if member.id == actor.id:
        return redirect(url_for("audit.leave_team"))
    form = StripWhitespaceForm()
    if form.validate_on_submit():
        email = member.email
        if queries.remove_member(organisation, member, actor) == queries.TeamChange.LAST_ADMIN:
            flash(f"{LAST_ADMIN}.")
        else:
            _told(tell(email, *team_emails.removed(organisation, actor)), f"{email} has been removed.", "them")
        return redirect(url_for("audit.team"))
    owned = len(queries.open_actions_of(member))
    return render_template("audit/team_remove.html", form=form, member=member, owned=owned)


@bp.route("/team/leave", methods=["GET", "POST"])
@role_required("member")
@limiter.limit(lambda: current_app.config["SIGN_IN_LIMIT"], methods=["POST"])  # it checks a password
@limiter.limit(lambda: current_app.config["ACCOUNT_LIMIT"], key_func=signed_in_account, methods=["POST"])
def leave_team():
    """Leave the organisation's team, which deletes your account (never the last admin)."""
    organisation, user = current_user.organisation, current_user._get_current_object()
    last_admin = user.is_team_admin and len(queries.team_admins(organisation)) == 1
    form = LeaveForm()
    if not last_admin and form.validate_on_submit():
        if queries.authenticate(user.email, form.password.data) is None:
            form.password.errors.append("Your password is not right. Check it and try again")
        else:
            name, email, admins = organisation.name, user.email, queries.team_admins(organisation)
            if queries.leave_organisation(organisation, user) == queries.TeamChange.LAST_ADMIN:
                form.confirm.errors.append(f"{LAST_ADMIN}, then leave")
            else:
                logout_user()
                session.clear()
                tell(email, *team_emails.left(organisation))
                for admin in admins:
                    if admin.email != email:
                        tell(admin.email, *team_emails.colleague_left(organisation, email))
                # Shown straight from the POST: there is no account left to show a page to afterwards.
                return render_template("audit/team_left.html", name=name)
    return render_template("audit/team_leave.html", form=form, organisation=organisation, last_admin=last_admin)
