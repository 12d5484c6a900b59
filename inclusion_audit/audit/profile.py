"""The organisation profile: the first task in the audit."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..security import role_required
from . import bp
from .profile_form import NO, NO_GROUPS, WHOLE_AREA, YES, ProfileForm


@bp.route("/profile", methods=["GET", "POST"])
@role_required("member")
def profile():
    """Ask about the organisation: type, size, area and groups served."""
    organisation = current_user.organisation
    form = ProfileForm(get_content().config.profile)
    if request.method == "GET":
        form.name.data = organisation.name
        form.org_type.data = organisation.org_type
        form.size_band.data = organisation.size_band
        form.area.data = organisation.area
        form.other_groups.data = organisation.other_groups
        if organisation.profile_completed_at:
            form.groups.data = organisation.groups or [NO_GROUPS]
            form.local_area.data = organisation.local_area or WHOLE_AREA
        if organisation.works_with_families is not None:
            form.works_with_families.data = YES if organisation.works_with_families else NO
    if form.validate_on_submit():
        queries.update_profile(
            organisation,
            name=form.name.data,
            org_type=form.org_type.data,
            size_band=form.size_band.data,
            area=form.area.data,
            groups=form.chosen_groups,
            local_area=form.chosen_local_area,
            works_with_families=form.families,
            other_groups=form.other_groups.data,
        )
        flash("Your organisation's details have been saved.", "success")
        return redirect(url_for("audit.task_list"))
    return render_template("audit/profile.html", form=form)
