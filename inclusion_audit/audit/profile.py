"""The organisation profile: the first task in the audit."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..pending_answers import form_options, keep_answers_if_signed_out, pop_pending_answers
from ..security import role_required
from .blueprint import bp
from .profile_form import NO, NO_GROUPS, WHOLE_AREA, YES, ProfileForm


@bp.route("/profile", methods=["GET", "POST"])
@keep_answers_if_signed_out
@role_required("member")
def profile():
    """Ask about the organisation: type, size, area and groups served. Every valid answer is saved."""
    organisation = current_user.organisation
    pending = pop_pending_answers(request.path) if request.method == "GET" else None
    formdata = pending if pending is not None else (request.form if request.method == "POST" else None)
    lists = queries.profile_lists(get_content())
    form = ProfileForm(lists, queries.area_choices(), formdata=formdata, **form_options(pending))
    if formdata is None:
        form.name.data = organisation.name
        form.org_type.data = organisation.org_type
        form.size_band.data = organisation.size_band
        form.area.data = organisation.area
        form.other_groups.data = organisation.other_groups
        form.registration_number.data = organisation.registration_number
        if organisation.groups or organisation.profile_completed_at:
            form.groups.data = organisation.groups or [NO_GROUPS]
        if organisation.profile_completed_at:
            form.local_area.data = organisation.local_area or WHOLE_AREA
        if organisation.works_with_families is not None:
            form.works_with_families.data = YES if organisation.works_with_families else NO
        return render_template("audit/profile.html", form=form, from_check=_from_check())

    complete = form.validate()
    answers = form.valid_answers()
    if answers:
        queries.update_profile(organisation, **answers)
    if pending is not None:
        flash("We saved the details you entered before you were signed out.", "success")
        return redirect(url_for("audit.profile"))
    if complete:
        flash("Your organisation's details have been saved.", "success")
        return redirect(url_for("audit.check_answers" if _from_check() else "audit.task_list"))
    return render_template("audit/profile.html", form=form, partly_saved=bool(answers), from_check=_from_check())


def _from_check() -> bool:
    return request.args.get("source") == "check"
