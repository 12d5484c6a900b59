"""The access log: who downloaded data, opened an organisation's shared results, changed local help, or made a
change on the admin pages. Admins only: a system admin reads the rows about their system."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user

from .. import queries
from ..security import role_required, whole_number
from .blueprint import bp

PER_PAGE = 50
ACTIONS = {
    "view_results": "Viewed shared results",
    "view_guide": "Viewed shared guide",
    "export_audits_csv": "Downloaded shared results (CSV)",
    "export_audits_xlsx": "Downloaded shared results (Excel)",
    "export_summary_csv": "Downloaded summary (CSV)",
    "export_summary_xlsx": "Downloaded summary (Excel)",
    "export_report_pdf": "Downloaded the report (PDF)",
    "export_report_docx": "Downloaded the report (Word)",
    "sharing_named": "Organisation chose to share by name",
    "sharing_aggregate": "Organisation chose anonymous totals only",
    "contact_shared": "Organisation agreed to show its admins' email addresses",
    "contact_withdrawn": "Organisation stopped showing its admins' email addresses",
    "view_organisation": "Viewed a shared organisation",
    "send_reminder": "Sent a reminder to a shared organisation",
    "local_help_added": "Added a local help entry",
    "local_help_edited": "Changed a local help entry",
    "local_help_retired": "Retired a local help entry",
    "local_help_restored": "Restored a local help entry",
    "staff_invited": "Invited a coordinator or admin",
    "staff_invitation_cancelled": "Cancelled an invitation to a coordinator or admin",
    "staff_joined": "Accepted an invitation and set a password",
    "staff_scope_changed": "Changed what a coordinator or admin works on",
    "staff_deactivated": "Deactivated an account",
    "staff_reactivated": "Reactivated an account",
    "system_added": "Added a system",
    "system_renamed": "Renamed a system",
    "area_added": "Added an area",
    "area_renamed": "Renamed an area",
    "area_retired": "Retired an area and moved its organisations",
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
