"""Your account: email address, password, role, and which reminder emails you get."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSubmitInput
from wtforms import SelectMultipleField, SubmitField
from wtforms.fields.choices import SelectChoice

from .. import queries
from ..forms_base import StripWhitespaceForm
from ..reminders.kinds import CHOICES, ReminderKind
from .blueprint import bp


class ReminderChoicesForm(StripWhitespaceForm):
    # No answer is needed: ticking nothing means no reminder emails at all.
    reminders = SelectMultipleField(
        "Which reminder emails do you want?",
        widget=GovCheckboxesInput(),
        choices=[SelectChoice(kind.value, label) for kind, (label, _) in CHOICES.items()],
    )
    submit = SubmitField("Save your choices", widget=GovSubmitInput())


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """See your account, and (for members of an organisation) choose your reminder emails."""
    user = current_user._get_current_object()
    form = None
    if user.organisation is not None:
        opted_out = queries.reminder_opt_outs(user)
        form = ReminderChoicesForm(reminders=[kind.value for kind in ReminderKind if kind not in opted_out])
        if form.validate_on_submit():
            wanted = set(form.reminders.data or [])
            queries.set_reminder_opt_outs(user, {kind.value for kind in ReminderKind} - wanted)
            flash("Your reminder choices have been saved.", "success")
            return redirect(url_for("auth.account") + "#reminder-emails")
    return render_template("auth/account.html", user=user, form=form, hints=[hint for _, hint in CHOICES.values()])
