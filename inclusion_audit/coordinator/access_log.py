"""The access log: who downloaded data or opened an organisation's shared results. Admins only."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user

from .. import queries
from ..security import role_required, whole_number
from . import bp

PER_PAGE = 50
ACTIONS = {
    "view_results": "Viewed shared results",
    "view_guide": "Viewed shared guide",
    "export_audits_csv": "Downloaded shared results (CSV)",
    "export_audits_xlsx": "Downloaded shared results (Excel)",
    "export_summary_csv": "Downloaded summary (CSV)",
    "export_summary_xlsx": "Downloaded summary (Excel)",
    "sharing_named": "Organisation chose to share by name",
    "sharing_aggregate": "Organisation chose anonymous totals only",
    "contact_shared": "Organisation agreed to show its admins' email addresses",
    "contact_withdrawn": "Organisation stopped showing its admins' email addresses",
    "view_organisation": "Viewed a shared organisation",
}


@bp.route("/access-log")
@role_required("admin")
def access_log():
    """Every download and every view of an organisation's shared results, newest first."""
    page = whole_number(request.args.get("page", "1"))
    scope = queries.scope_of(current_user)
    total = queries.access_log_size(scope)
    last_page = max(1, -(-total // PER_PAGE))
    if not 1 <= page <= last_page:
        abort(404)
    return render_template(
        "coordinator/access_log.html",
        entries=queries.access_log_page(scope, page, PER_PAGE),
        actions=ACTIONS,
        page=page,
        total=total,
        last_page=last_page,
    )
