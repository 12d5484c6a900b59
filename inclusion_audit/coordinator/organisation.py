"""The organisation page: what a coordinator needs about one organisation that shares its results by name.

Its profile, its admins' email addresses only if it agreed to show them, every audit with its dates and stages,
and how far it has got with its latest action plan. Like its results and guide, each view is written to the
access log, and an organisation that does not share, or is outside the coordinator's area, is 'not found'.
"""

from __future__ import annotations

from flask import abort, render_template
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..models import utcnow
from ..security import role_required
from .blueprint import bp
from .organisation_tables import audits_table, plan_table, profile_list, stages_table


@bp.route("/organisations/<id:organisation_id>")
@role_required("coordinator", "admin")
def organisation(organisation_id: int):
    """One organisation sharing by name, written for the coordinator rather than as the organisation sees it."""
    found = queries.shared_organisation(organisation_id, queries.scope_of(current_user))
    if found is None:
        abort(404)
    queries.record_access(current_user._get_current_object(), "view_organisation", found.id)
    content = get_content()
    audits = sorted(queries.audits_of(found), key=lambda audit: audit.started_at, reverse=True)
    submitted = sorted(
        (audit for audit in audits if audit.is_submitted and audit.guide_snapshot),
        key=lambda audit: audit.submitted_at,
        reverse=True,
    )
    latest = submitted[0] if submitted else None
    actions = queries.plan_actions(latest)
    return render_template(
        "coordinator/organisation.html",
        organisation=found,
        profile=profile_list(found, queries.with_area_names(content), queries.team_admins(found)),
        audits=audits_table(audits, content),
        stages=stages_table(submitted, content),
        latest=latest,
        progress=queries.plan_progress(actions, utcnow().date()) if actions else None,
        plan=plan_table(queries.plan_rows(latest)) if actions and latest else None,
    )
