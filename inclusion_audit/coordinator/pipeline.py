"""The pipeline page: how many organisations are at each step of the audit, and, for those that share by name,
each one's step with a way to send it the reminder that fits.

Counts are anonymous and cover the coordinator's system (like the dashboard); names only ever cover the
coordinator's scope (`queries.Scope`). A reminder is the email `flask reminders send` sends, recorded the same
way, so nobody gets it twice.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from .. import queries
from ..models import utcnow
from ..reminders.send import send_audit_reminder
from ..security import role_required
from .blueprint import bp
from .explanation import EXPLANATION
from .filters import FilterForm, filter_form
from .pipeline_figures import (
    UNVERIFIED_LABEL,
    entries_for,
    named_entries,
    pipeline_counts,
    reaudit_cutoff,
    rejected,
    reminder_for,
)
from .pipeline_tables import REMINDER_NAMES, pipeline_table

PROFILE_FIELDS = ("area", "org_type", "size_band", "group")


class ReminderForm(FlaskForm):
    """No fields: the button's form carries the CSRF token, which this checks."""


def describe_profile(form: FilterForm) -> str:
    """The filters in words without the period, which the pipeline does not use (it is about today)."""
    args = form.args()
    fields = [getattr(form, name) for name in PROFILE_FIELDS]
    return ", ".join(dict(field.choices)[args[field.name]] for field in fields if args[field.name])  # type: ignore[arg-type]


def profile_args(form: FilterForm) -> dict[str, str]:
    args = form.args()
    return {name: args[name] for name in PROFILE_FIELDS}


@bp.route("/pipeline")
@role_required("coordinator", "admin")
def pipeline():
    """Counts of organisations at each step, and the step of each one that shares by name."""
    form = filter_form()
    scope = queries.scope_of(current_user)
    entries = entries_for(form.filters())
    args = profile_args(form)
    return render_template(
        "coordinator/pipeline.html",
        form=form,
        counts=pipeline_counts(entries),
        unverified_label=UNVERIFIED_LABEL,
        named=pipeline_table(named_entries(entries, scope), args),
        description=describe_profile(form),
        scope_label=scope.label(queries.area_labels()),
        explanation=EXPLANATION,
    )


@bp.route("/pipeline/<id:organisation_id>/reminder", methods=["POST"])
@role_required("coordinator", "admin")
def send_reminder(organisation_id: int):
    """Send the reminder that fits where a sharing organisation is, to each member who has not had it."""
    if not ReminderForm().validate_on_submit():
        abort(400)
    organisation = queries.shared_organisation(organisation_id, queries.scope_of(current_user))
    if organisation is None:
        abort(404)  # not sharing by name, or outside the coordinator's area: the same answer
    now = utcnow()
    back = redirect(url_for("coordinator.pipeline", **profile_args(filter_form())))
    (entry,) = queries.pipeline_entries(queries.Filters(), reaudit_cutoff(now), organisation_id=organisation.id)
    if rejected(entry):
        abort(404)  # a coordinator decided it is not a real organisation: it gets no emails from coordinators
    reminder = reminder_for(entry)
    audit = queries.get_audit(reminder[1], organisation.id) if reminder else None
    if reminder is None or audit is None:
        flash(
            f"There is no reminder to send to {organisation.name} now: "
            "it has no audit waiting to be finished or due to be repeated."
        )
        return back
    kind = reminder[0]
    report = send_audit_reminder(kind, audit, now)
    detail = f"“{REMINDER_NAMES[kind]}”: {report.total} sent"
    detail += f", {report.failed} could not be sent" if report.failed else ""
    queries.record_access(current_user._get_current_object(), "send_reminder", organisation.id, detail)
    people = "1 person" if report.total == 1 else f"{report.total} people"
    if report.total:
        failed = f" {report.failed} could not be sent: try again later." if report.failed else ""
        flash(
            f"We have sent the “{REMINDER_NAMES[kind]}” reminder to {people} in {organisation.name}'s team.{failed}",
            "success",
        )
    elif report.failed:
        flash(f"The reminder to {organisation.name}'s team could not be sent. Try again later.")
    else:
        flash(
            f"Nobody in {organisation.name}'s team was sent a reminder: each of them has had this reminder already, "
            "or has chosen not to get it."
        )
    return back
