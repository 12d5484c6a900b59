"""Results, the tailored guide (web page, PDF and Word) and comparison with the last audit."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from flask import Response, abort, current_app, make_response, render_template, request
from flask_login import current_user

from .. import queries
from ..benchmark import benchmark_for
from ..charts import results_chart
from ..content_store import get_content
from ..engine import Guide
from ..extensions import limiter
from ..models import Audit, utcnow
from ..security import role_required
from . import wording
from .blueprint import bp
from .compare import question_changes, section_changes
from .own_copy import OwnCopy
from .page_data import guide_page_context
from .pdf import render_guide_pdf
from .word import render_guide_docx
from .wording import ascii_download_name, download_name

for _helper in (
    wording.actions_heading,
    wording.scored_note,
    wording.share_rule,
    wording.stage_ranges,
    wording.unscored_note,
):
    bp.add_app_template_global(_helper)


def _submitted_audit_or_404(audit_id: int):
    """The organisation's own submitted audit; anyone else's is 'not found', never 'forbidden'."""
    audit = queries.get_audit(audit_id, current_user.organisation_id or -1)
    if audit is None or not audit.is_submitted or not audit.guide_snapshot:
        abort(404)
    return audit, Guide.from_dict(audit.guide_snapshot)


@bp.route("/<id:audit_id>/results")
@role_required("member")
def results(audit_id: int):
    """Section results with a chart and table, the top 5 actions, and how similar organisations compare."""
    audit, guide = _submitted_audit_or_404(audit_id)
    previous = queries.previous_submitted(audit)
    return render_template(
        "guide/results.html",
        audit=audit,
        guide=guide,
        chart=results_chart(guide),
        stages=guide.stages,
        previous=previous,
        just_submitted=request.args.get("submitted") == "1",
        benchmark=benchmark_for(audit.organisation_id, guide),
    )


@bp.route("/<id:audit_id>/guide")
@role_required("member")
def guide_page(audit_id: int):
    """The whole tailored guide as a web page."""
    audit, guide = _submitted_audit_or_404(audit_id)
    latest = queries.latest_submitted(audit.organisation)
    return render_template(
        "guide/guide.html",
        audit=audit,
        guide=guide,
        plan_rows=queries.plan_rows(audit),
        plan_current=latest is not None and latest.id == audit.id,
        section_notes=queries.section_notes(audit),
        **guide_page_context(guide),
    )


# PDF and Word downloads share one limit: each is built afresh from the stored guide.
_downloads = limiter.shared_limit(lambda: current_app.config.get("DOWNLOAD_LIMIT", "20 per minute"), "guide-downloads")
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.route("/<id:audit_id>/guide.pdf")
@role_required("member")
@_downloads
def guide_pdf(audit_id: int):
    """The tailored guide as a PDF download, for printing."""
    audit, guide = _submitted_audit_or_404(audit_id)
    submitted_on: date = audit.submitted_at.date()
    pdf = render_guide_pdf(guide, generated_on=submitted_on, own=_own_copy(audit))
    return _download(pdf, "application/pdf", guide, submitted_on, "pdf")


@bp.route("/<id:audit_id>/guide.docx")
@role_required("member")
@_downloads
def guide_docx(audit_id: int):
    """The tailored guide as a Word document, to edit and reuse."""
    audit, guide = _submitted_audit_or_404(audit_id)
    submitted_on: date = audit.submitted_at.date()
    docx = render_guide_docx(guide, generated_on=submitted_on, own=_own_copy(audit))
    return _download(docx, DOCX_MIMETYPE, guide, submitted_on, "docx")


def _own_copy(audit: Audit) -> OwnCopy:
    """The organisation's action plan as it stands now (a guide is dated the day it was submitted, its plan
    today) and its notes on each section."""
    today = utcnow().date()
    return OwnCopy(plan=queries.plan_rows(audit, today), plan_on=today, notes=queries.section_notes(audit))


def _download(data: bytes, mimetype: str, guide: Guide, day: date, extension: str) -> Response:
    """An attachment named `<organisation>-inclusion-health-guide-<date>.<extension>`.

    Browsers that read RFC 6266's filename* get the organisation's name in its own script; the plain filename
    is the ASCII version for the rest.
    """
    response = make_response(data)
    response.mimetype = mimetype
    plain = ascii_download_name(guide.profile.name, day, extension)
    full = download_name(guide.profile.name, day, extension)
    response.headers["Content-Disposition"] = f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(full)}"
    return response


@bp.route("/<id:audit_id>/compare")
@role_required("member")
def compare(audit_id: int):
    """What changed since the organisation's previous submitted audit."""
    audit, guide = _submitted_audit_or_404(audit_id)
    previous = queries.previous_submitted(audit)
    if previous is None or not previous.guide_snapshot:
        abort(404)
    changes = question_changes(get_content(), queries.answers_of(previous), queries.answers_of(audit))
    before = Guide.from_dict(previous.guide_snapshot)
    done = queries.done_by_section(previous, get_content())
    return render_template(
        "guide/compare.html",
        audit=audit,
        previous=previous,
        sections=section_changes(get_content(), before, guide),
        done=done,
        done_elsewhere=queries.done_outside_sections(previous),
        had_plan=bool(queries.plan_actions(previous)),
        improved=[c for c in changes if c.direction > 0],
        declined=[c for c in changes if c.direction < 0],
    )
