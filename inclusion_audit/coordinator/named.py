"""Organisations that chose to share by name: the list, and read-only views of their results and guide.

Every view of an organisation's results or guide is written to the access log. An organisation
that does not share, or is outside the coordinator's scope, is 'not found', never 'forbidden'.
"""

from __future__ import annotations

from flask import abort, render_template, url_for
from flask_login import current_user

from .. import queries
from ..charts import results_chart
from ..content_store import get_content
from ..engine import Guide
from ..guide.page_data import guide_page_context, result_rows
from ..security import role_required
from .blueprint import bp


@bp.route("/organisations")
@role_required("coordinator", "admin")
def organisations():
    """Organisations in the coordinator's area that share their results by name."""
    scope = queries.scope_of(current_user)
    return render_template(
        "coordinator/organisations.html",
        organisations=queries.shared_organisations(scope),
        lists=queries.profile_lists(get_content()),
        scope_label=scope.label(queries.area_labels()),
    )


def _shared_or_404(audit_id: int, action: str):
    audit = queries.shared_audit(audit_id, queries.scope_of(current_user))
    if audit is None:
        abort(404)
    queries.record_access(current_user._get_current_object(), action, audit.organisation_id, f"audit {audit.id}")
    return audit, Guide.from_dict(audit.guide_snapshot)


@bp.route("/audits/<id:audit_id>/results")
@role_required("coordinator", "admin")
def shared_results(audit_id: int):
    """An organisation's results, read-only, as the organisation sees them."""
    audit, guide = _shared_or_404(audit_id, "view_results")
    return render_template(
        "guide/results.html",
        audit=audit,
        guide=guide,
        chart=results_chart(guide, title=f"{guide.profile.name}: result in each section of the audit"),
        stages=guide.stages,
        rows=result_rows(guide, with_counts=True),
        read_only=True,
        heading="Shared results",
        back_href=url_for("coordinator.organisation", organisation_id=audit.organisation_id),
        back_text=f"Back to {audit.organisation.name}",
        guide_href=url_for("coordinator.shared_guide", audit_id=audit.id),
    )


@bp.route("/audits/<id:audit_id>/guide")
@role_required("coordinator", "admin")
def shared_guide(audit_id: int):
    """An organisation's guide, read-only."""
    audit, guide = _shared_or_404(audit_id, "view_guide")
    return render_template(
        "guide/guide.html",
        audit=audit,
        guide=guide,
        read_only=True,
        heading="Shared inclusion health guide",
        back_href=url_for("coordinator.shared_results", audit_id=audit.id),
        back_text="Back to results",
        **guide_page_context(guide),
    )
