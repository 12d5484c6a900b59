"""People: the list of coordinators and admins, invitations, changing someone's scope, deactivating and
reactivating. Someone outside a system admin's system does not exist for them (404)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..security import role_required
from . import emails
from .blueprint import bp
from .forms import InviteForm, ScopeForm, chosen_scope, scope_choices, scope_value
from .tables import user_summary, users_table


def _me():
    return current_user._get_current_object()


def _scope() -> queries.Scope:
    return queries.scope_of(current_user)


def _sent(done: str, emailed: bool, who: str) -> None:
    flash(f"{done} We have emailed {who}." if emailed else f"{done} The email to {who} could not be sent.", "success")


@bp.route("/")
@role_required("admin")
def users():
    """Coordinators and admins in this admin's scope, with invitations waiting for an answer."""
    scope = _scope()
    return render_template(
        "admin/users.html",
        staff=users_table(queries.staff_members(scope)),
        invitations=queries.pending_staff_invitations(scope),
        scope_label=scope.label(queries.area_labels()),
        describe=queries.describe_scope,
    )


@bp.route("/invite", methods=["GET", "POST"])
@role_required("admin")
def invite():
    scope, systems = _scope(), queries.systems()
    form = InviteForm()
    form.scope.choices = scope_choices(scope, systems)
    if form.validate_on_submit():
        if queries.email_taken(form.email.data):
            form.email.errors.append("An account already uses this email address")
        else:
            chosen = chosen_scope(form.scope.data, systems)
            token = queries.create_staff_invitation(form.email.data, form.role.data, chosen, _me())
            words = queries.describe_scope(form.role.data, chosen.system_id, chosen.area)
            email = queries.normalise_email(form.email.data)
            days = queries.INVITATION_DAYS
            _sent(f"Invitation sent to {email}.", emails.invitation(email, form.role.data, words, token, days), email)
            return redirect(url_for("admin.users"))
    return render_template("admin/invite.html", form=form)


@bp.route("/invitations/<id:invitation_id>/cancel", methods=["POST"])
@role_required("admin")
def cancel_invitation(invitation_id: int):
    invitation = queries.cancel_staff_invitation(invitation_id, _scope(), _me())
    if invitation is None:
        abort(404)
    flash(f"The invitation to {invitation.email} is cancelled: its link no longer works.", "success")
    return redirect(url_for("admin.users"))


def _member_or_404(user_id: int):
    user = queries.staff_member(user_id, _scope())
    if user is None:
        abort(404)
    return user


@bp.route("/users/<id:user_id>", methods=["GET", "POST"])
@role_required("admin")
def user(user_id: int):
    """One person: their details, what they work on (which can be changed), and deactivating them."""
    scope, systems, member = _scope(), queries.systems(), _member_or_404(user_id)
    form = ScopeForm(member.role)
    form.scope.choices = scope_choices(scope, systems)
    if not form.is_submitted():
        form.scope.data = scope_value(member.system_id, member.area)
    last_admin = member.role == "admin" and member.system_id is None and queries.service_wide_admins() <= 1
    if form.validate_on_submit():
        chosen = chosen_scope(form.scope.data, systems)
        if member.id == current_user.id:
            form.scope.errors.append("You cannot change what you work on yourself: ask another admin")
        elif last_admin and chosen.system_id is not None:
            form.scope.errors.append("The service needs an admin for the whole service: invite another one first")
        else:
            if queries.set_staff_scope(member, chosen.system_id, chosen.area, _me()):
                words = queries.describe_scope(member.role, member.system_id, member.area)
                _sent(f"{member.email} now works on {words}.", emails.scope_changed(member.email, words), member.email)
            return redirect(url_for("admin.users"))
    return render_template(
        "admin/user.html",
        member=member,
        details=user_summary(member),
        form=form,
        can_deactivate=member.id != current_user.id and not last_admin,
    )


def _set_active(user_id: int, active: bool):
    member = _member_or_404(user_id)
    last_admin = member.role == "admin" and member.system_id is None and queries.service_wide_admins() <= 1
    if not active and (member.id == current_user.id or last_admin):
        abort(403)  # the page offers no button for either
    if queries.set_staff_active(member, active, _me()):
        done = "reactivated: they can sign in again." if active else "deactivated: they are signed out everywhere."
        _sent(f"{member.email} is {done}", emails.active_changed(member.email, active), member.email)
    return redirect(url_for("admin.user", user_id=member.id))


@bp.route("/users/<id:user_id>/deactivate", methods=["POST"])
@role_required("admin")
def deactivate(user_id: int):
    return _set_active(user_id, False)


@bp.route("/users/<id:user_id>/reactivate", methods=["POST"])
@role_required("admin")
def reactivate(user_id: int):
    return _set_active(user_id, True)
