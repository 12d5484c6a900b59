"""Downloads: each organisation's submitted audits (only those that share by name) and the anonymous summary.

Both respect the dashboard's filters, and every download is written to the access log.
"""

from __future__ import annotations

from flask import Response, abort
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..engine import Content
from ..engine.scoring import band_for
from ..export_files import XLSX_MIMETYPE, Cell, to_csv, to_xlsx
from ..models import utcnow
from ..security import role_required
from . import bp
from .figures import DISTRIBUTION_HEADER, distribution_table
from .filters import filter_form
from .suppression import NOTE
from .view_data import dashboard_data

FORMATS = ("csv", "xlsx")


def _download(body: bytes, name: str, fmt: str) -> Response:
    response = Response(body, mimetype="text/csv" if fmt == "csv" else XLSX_MIMETYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{utcnow().date().isoformat()}.{fmt}"'
    return response


def audit_header(content: Content) -> list[str]:
    header = ["Organisation ID", "Organisation name", "Organisation type", "Size", "Area", "Groups served"]
    header += ["Started", "Submitted", "Content version"]
    for section in content.sections:
        header += [f"{section.title} (%)", f"{section.title} (stage)"]
    return [*header, "Overall (%)", "Overall (stage)"]


def audit_cells(content: Content, row: queries.ExportRow) -> list[Cell]:
    lists, bands = content.config.profile, content.config.stages
    labels = {band.id: band.label for band in bands}
    overall = band_for(bands, row.overall_percent)
    cells: list[Cell] = [
        row.organisation_id,
        row.organisation_name,
        lists.org_types.get(row.org_type or "", row.org_type),
        lists.size_bands.get(row.size_band or "", row.size_band),
        lists.areas.get(row.area or "", row.area),
        "; ".join(lists.groups.get(group, group) for group in row.groups),
        row.started_at.date().isoformat(),
        row.submitted_at.date().isoformat(),
        row.content_version,
    ]
    for section in content.sections:
        percent, band = row.sections.get(section.id, (None, None))
        cells += [percent, labels.get(band or "", band)]
    return [*cells, row.overall_percent, overall.label if overall and row.overall_percent is not None else None]


@bp.route("/export/audits.<fmt>")
@role_required("coordinator", "admin")
def export_audits(fmt: str):
    """One row per submitted audit of the organisations in your area that share their results by name."""
    if fmt not in FORMATS:
        abort(404)
    content, form = get_content(), filter_form()
    scope = queries.area_scope(current_user)
    stored_ids = {section.id: (section.id, *section.renamed_from) for section in content.sections}
    rows = queries.export_rows(form.filters(), scope, stored_ids)
    header, cells = audit_header(content), [audit_cells(content, row) for row in rows]
    detail = f"{form.describe(area_scope=scope)}; {len(rows)} rows"
    queries.record_access(current_user._get_current_object(), f"export_audits_{fmt}", None, detail)
    body = to_csv(header, cells) if fmt == "csv" else to_xlsx([("Audits", header, cells)])
    return _download(body, "inclusion-audit-shared-results", fmt)


@bp.route("/export/summary.<fmt>")
@role_required("coordinator", "admin")
def export_summary(fmt: str):
    """The spread of scores per part, with the small-number rule applied, as on the dashboard."""
    if fmt not in FORMATS:
        abort(404)
    content, form = get_content(), filter_form()
    data = dashboard_data(content, form.filters())
    queries.record_access(current_user._get_current_object(), f"export_summary_{fmt}", None, form.describe())
    table = distribution_table(data.distribution)
    if fmt == "csv":
        return _download(to_csv(DISTRIBUTION_HEADER, table), "inclusion-audit-summary", fmt)
    trends_header = ["Quarter", "Organisations", *(f"{s.title}: median (%)" for s in content.sections)]
    trends = [
        [label, row.organisations, *row.median_texts] for label, row in zip(data.trend_labels, data.trends, strict=True)
    ]
    gaps_header = ["Question", "Part", "Principle", "Not started", "Not sure", "Guidance topics", "Core20PLUS5"]
    gaps = [
        [
            g.question,
            g.section,
            g.principle,
            g.not_started,
            g.dont_know,
            "; ".join(t for _, t in g.topics),
            "; ".join(g.core20plus5),
        ]
        for g in data.gaps
    ]
    about = [
        ["Filters", form.describe()],
        ["Small numbers", NOTE],
        ["Medians and quartiles", "Estimated from scores grouped in 10-point steps, so they are approximate."],
        ["Downloaded", utcnow().date().isoformat()],
    ]
    sheets = [
        ("Spread of scores", DISTRIBUTION_HEADER, table),
        ("Trends", trends_header, trends),
        ("Gaps", gaps_header, gaps),
        ("About", ["About this download", ""], about),
    ]
    return _download(to_xlsx(sheets), "inclusion-audit-summary", fmt)
