"""Downloads: each organisation's submitted audits (only those that share by name) and the anonymous summary.

Both respect the dashboard's filters, and every download is written to the access log.
"""

from __future__ import annotations

from flask import Response, abort
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..export_files import XLSX_MIMETYPE, to_csv, to_xlsx
from ..models import utcnow
from ..security import role_required
from .blueprint import bp
from .figures import DISTRIBUTION_HEADER, distribution_table
from .filters import filter_form
from .needs import needs_rows
from .sheets import audit_sheets, summary_sheets
from .view_data import dashboard_data

FORMATS = ("csv", "xlsx")


def _download(body: bytes, name: str, fmt: str) -> Response:
    response = Response(body, mimetype="text/csv" if fmt == "csv" else XLSX_MIMETYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{utcnow().date().isoformat()}.{fmt}"'
    return response


@bp.route("/export/audits.<fmt>")
@role_required("coordinator", "admin")
def export_audits(fmt: str):
    """One row per submitted audit of the organisations in your area that share their results by name."""
    if fmt not in FORMATS:
        abort(404)
    content, form = get_content(), filter_form()
    scope = queries.scope_of(current_user)
    stored_ids = {section.id: (section.id, *section.renamed_from) for section in content.sections}
    rows = queries.export_rows(form.filters(), scope, stored_ids)
    described = form.describe(area_scope=scope.area)
    detail = f"{described}; {len(rows)} rows"
    queries.record_access(current_user._get_current_object(), f"export_audits_{fmt}", None, detail)
    audits, about = audit_sheets(queries.with_area_names(content), rows, described)
    body = to_csv(audits.header, audits.rows) if fmt == "csv" else to_xlsx([audits, about])
    return _download(body, "inclusion-audit-shared-results", fmt)


@bp.route("/export/summary.<fmt>")
@role_required("coordinator", "admin")
def export_summary(fmt: str):
    """The spread of scores per section, through disclosure control, exactly as on the dashboard."""
    if fmt not in FORMATS:
        abort(404)
    content, form = get_content(), filter_form()
    data = dashboard_data(content, form.filters())
    queries.record_access(current_user._get_current_object(), f"export_summary_{fmt}", None, form.describe())
    table = distribution_table(data.distribution)
    if fmt == "csv":
        return _download(to_csv(DISTRIBUTION_HEADER, table), "inclusion-audit-summary", fmt)
    sheets = summary_sheets(content, data, form.describe(), needs_rows(content, form.filters()))
    return _download(to_xlsx(sheets), "inclusion-audit-summary", fmt)
