"""How an organisation's results may be used: anonymous totals only (the default), or also by name.

Asked on the check-your-answers page before submitting, and changeable at any time here. A change
applies at once: coordinators' lists, views and downloads read the choice on every request.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from .. import queries
from ..forms_base import StripWhitespaceForm
from ..models import Organisation
from ..security import role_required
from .blueprint import bp

AGGREGATE, NAMED = "aggregate", "named"
QUESTION = "Who can see your results?"
CONTACT_QUESTION = "Can those coordinators also see your admins' email addresses?"
YES, NO = "yes", "no"


def _choices(organisation: Organisation) -> list[tuple[str, str]]:
    area = queries.area_labels().get(organisation.area or "", "your area")
    return [
        (AGGREGATE, "Only as part of anonymous totals"),
        (NAMED, f"Also by name, to health and care coordinators for {area}"),
    ]


def choice_of(organisation: Organisation) -> str:
    return NAMED if organisation.share_named else AGGREGATE


def sharing_label(organisation: Organisation) -> str:
    """The current choice in words, for members who see it but cannot change it."""
    return dict(_choices(organisation))[choice_of(organisation)]


class SubmitForm(StripWhitespaceForm):
    """The submit button on check your answers, with the sharing question.

    No answer is needed: a post without one keeps the current choice, which is 'anonymous totals only'
    for an organisation that has never chosen. Sharing is never switched on without a deliberate choice.
    Only the team's admins are asked (and only their answer is saved); members see the current choice.
    """

    sharing = RadioField(QUESTION, widget=GovRadioInput())

    def __init__(self, organisation: Organisation, **kwargs) -> None:
        super().__init__(sharing=choice_of(organisation), **kwargs)
        self.sharing.choices = _choices(organisation)


class SharingForm(SubmitForm):
    sharing = RadioField(
        QUESTION, widget=GovRadioInput(), validators=[InputRequired(message="Select who can see your results")]
    )
    # Shown with the current choice selected; a post without it keeps that choice.
    contact = RadioField(
        CONTACT_QUESTION, choices=[SelectChoice(YES, "Yes"), SelectChoice(NO, "No")], widget=GovRadioInput()
    )
    submit = SubmitField("Save your choice", widget=GovSubmitInput())

    def __init__(self, organisation: Organisation, **kwargs) -> None:
        super().__init__(organisation, contact=YES if organisation.share_contact else NO, **kwargs)


def save_choice(organisation: Organisation, choice: str) -> bool:
    return queries.set_sharing(organisation, choice == NAMED, current_user._get_current_object())


def save_contact(organisation: Organisation, choice: str) -> bool:
    """Saved after the sharing choice: anonymous totals only turns contact sharing off as well."""
    return queries.set_contact_sharing(organisation, choice == YES, current_user._get_current_object())


@bp.route("/sharing", methods=["GET", "POST"])
@role_required("member")
def sharing():
    """See who can see the organisation's results; admins can change it."""
    organisation = current_user.organisation
    if request.method == "POST" and not current_user.is_team_admin:
        abort(403)
    form = SharingForm(organisation)
    if form.validate_on_submit():
        save_choice(organisation, form.sharing.data)
        save_contact(organisation, form.contact.data)
        if organisation.share_contact:
            flash(
                "Your results are now shared by name with coordinators for your area, "
                "with your admins' email addresses so they can get in touch.",
                "success",
            )
        elif organisation.share_named:
            flash("Your results are now shared by name with coordinators for your area.", "success")
        else:
            flash(
                "Your results are now only used in anonymous totals. Coordinators can no longer see them by name.",
                "success",
            )
        return redirect(url_for("audit.sharing"))
    return render_template(
        "audit/sharing.html",
        form=form,
        organisation=organisation,
        choice_label=sharing_label(organisation),
        admins=queries.team_admins(organisation),
    )
