"""Verifying organisations: the queue of new organisations in the coordinator's area, and each decision.

Coordinator figures count verified organisations only, so that nobody can register made-up organisations next
to a real one and subtract them. Coordinators know their area's voluntary sector; the queue gives what they
need to recognise an organisation. Every decision is logged, and the organisation's admins are emailed.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput, GovSubmitInput
from markupsafe import Markup
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from .. import queries
from ..content_store import get_content
from ..email import EmailNotSent, send_email
from ..forms_base import PlainText, StripWhitespaceForm
from ..govuk import DASH, cell, summary_list, table
from ..links import emailed_link
from ..models import Organisation, Verification
from ..security import role_required
from .blueprint import bp

REASON_LIMIT = 500
SIGN_OFF = "\n\nInclusion health self-audit"


class DecisionForm(StripWhitespaceForm):
    decision = RadioField(
        "Is this a real organisation working in your area?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice(Verification.VERIFIED.value, "Yes, verify it"),
            SelectChoice(Verification.REJECTED.value, "No, reject it"),
        ],
        validators=[InputRequired(message="Select whether to verify or reject the organisation")],
    )
    reason = TextAreaField(
        "Reason",
        widget=GovCharacterCount(),
        description="Needed to reject. The organisation's admins are sent it by email.",
        validators=[
            Length(max=REASON_LIMIT, message=f"The reason must be {REASON_LIMIT} characters or fewer"),
            PlainText("Reason"),
        ],
    )
    submit = SubmitField("Save decision", widget=GovSubmitInput())

    def validate_reason(self, field: TextAreaField) -> None:
        if self.decision.data == Verification.REJECTED.value and not (field.data or "").strip():
            raise ValidationError("Enter why you are rejecting the organisation")


def _labels(organisation: queries.QueuedOrganisation) -> list[tuple[str, str]]:
    lists = queries.profile_lists(get_content())
    groups = "; ".join(lists.groups.get(group, group) for group in organisation.groups)
    return [
        ("Name", organisation.name),
        ("Area", lists.areas.get(organisation.area or "", "Not given yet")),
        ("Type", lists.org_types.get(organisation.org_type or "", "Not given yet")),
        ("Size", lists.size_bands.get(organisation.size_band or "", "Not given yet")),
        ("Groups served", groups or "Not given yet"),
        ("Email domain of whoever registered it", organisation.email_domain or DASH),
        ("Charity or company number", organisation.registration_number or "Not given"),
        ("Registered", organisation.registered_at.strftime("%d %B %Y")),
    ]


def queue_table(waiting: list[queries.QueuedOrganisation]):
    rows = []
    for organisation in waiting:
        labels = dict(_labels(organisation))
        href = url_for("coordinator.verify_organisation", organisation_id=organisation.id)
        rows.append(
            [
                cell(Markup('<a class="govuk-link" href="{}">{}</a>').format(href, organisation.name)),
                cell(labels["Area"]),
                cell(labels["Type"]),
                cell(labels["Email domain of whoever registered it"]),
                cell(labels["Registered"]),
            ]
        )
    count = len(waiting)
    return table(
        f"{count} organisation{'s' if count != 1 else ''} waiting",
        [cell(heading) for heading in ("Organisation", "Area", "Type", "Email domain", "Registered")],
        rows,
        caption_size="m",
        label_id="verification-queue-caption",
    )


@bp.route("/verify")
@role_required("coordinator", "admin")
def verification_queue():
    """Organisations in the coordinator's area that no coordinator has verified or rejected yet."""
    scope = queries.scope_of(current_user)
    waiting = queries.verification_queue(scope)
    return render_template(
        "coordinator/verification_queue.html",
        queue=queue_table(waiting),
        waiting=len(waiting),
        scope_label=scope.label(queries.area_labels()),
    )


def _tell(organisation: Organisation, decision: Verification, reason: str) -> bool:
    """Email the organisation's admins. False if any email could not be sent (the decision stands)."""
    if decision is Verification.VERIFIED:
        subject = f"{organisation.name} is verified"
        body = (
            f"A coordinator for your area has verified {organisation.name} on the inclusion health self-audit. "
            "Your organisation's results now count in the anonymous figures coordinators see."
        )
    else:
        subject = f"{organisation.name} could not be verified"
        body = (
            f"A coordinator for your area could not verify {organisation.name} on the inclusion health self-audit. "
            f"They said:\n\n{reason}\n\nYou can still use every part of the audit for your own organisation. "
            "Its results are not counted in the anonymous figures coordinators see."
        )
    body += f"\n\nSee your audit: {emailed_link('audit.task_list')}{SIGN_OFF}"
    sent = True
    for admin in queries.team_admins(organisation):
        try:
            send_email(admin.email, subject, body)
        except EmailNotSent:
            sent = False
    return sent


@bp.route("/verify/<id:organisation_id>", methods=["GET", "POST"])
@role_required("coordinator", "admin")
def verify_organisation(organisation_id: int):
    """One organisation's details, and the form to verify or reject it."""
    organisation = queries.queued_organisation(organisation_id, queries.scope_of(current_user))
    if organisation is None:
        abort(404)  # not in the coordinator's area, or not there at all: the same answer
    form = DecisionForm()
    if form.validate_on_submit():
        decision = Verification(form.decision.data)
        reason = form.reason.data or ""
        changed = queries.decide_verification(organisation.id, current_user._get_current_object(), decision, reason)
        told = _tell(changed, decision, reason)
        done = "verified" if decision is Verification.VERIFIED else "rejected"
        flash(
            f"{organisation.name} is {done}."
            + (" We have emailed its admins." if told else " The email to its admins could not be sent."),
            "success",
        )
        return redirect(url_for("coordinator.verification_queue"))
    return render_template(
        "coordinator/verify_organisation.html",
        organisation=organisation,
        details=summary_list(_labels(organisation)),
        decision=queries.latest_decision(organisation.id),
        form=form,
    )
