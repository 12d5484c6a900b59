""" "Download a report": the dashboard's filtered view as a PDF or a Word document for a board paper.

Logged in the access log with the filters, like the other downloads; the filters are printed in the report too.
"""

from __future__ import annotations

from flask import Response, abort
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..models import utcnow
from ..security import role_required
from .blueprint import bp
from .filters import filter_form
from .needs import needs_rows
from .pipeline import describe_profile
from .pipeline_figures import entries_for, pipeline_counts
from .report_data import board_report
from .report_pdf import render_report_pdf
from .report_word import render_report_docx
from .view_data import dashboard_data

MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@bp.route("/report.<fmt>")
@role_required("coordinator", "admin")
def report(fmt: str):
    """The current filtered view: headline figures, spread, trends, needs, pipeline and the method note."""
    if fmt not in MIMETYPES:
        abort(404)
    content, form = get_content(), filter_form()
    filters, now = form.filters(), utcnow()
    described = form.describe()
    made = board_report(
        content,
        dashboard_data(content, filters),
        needs_rows(content, filters),
        pipeline_counts(entries_for(filters, now)),
        filters=described,
        pipeline_filters=describe_profile(form),
        made_on=now.date(),
    )
    queries.record_access(current_user._get_current_object(), f"export_report_{fmt}", None, described)
    body = render_report_pdf(made) if fmt == "pdf" else render_report_docx(made)
    response = Response(body, mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = (
        f'attachment; filename="inclusion-audit-report-{now.date().isoformat()}.{fmt}"'
    )
    return response
