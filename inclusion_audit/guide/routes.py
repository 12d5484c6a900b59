"""Results, the tailored guide (web page and PDF) and comparison with the last audit."""

from __future__ import annotations

from datetime import date

from flask import abort, current_app, make_response, render_template, request
from flask_login import current_user
from markupsafe import Markup

from .. import queries
from ..content_store import get_content
from ..engine import Guide
from ..extensions import limiter
from ..security import role_required
from . import bp
from .chart import Bar, bar_chart
from .compare import question_changes, section_changes


def _submitted_audit_or_404(audit_id: int):
    """The organisation's own submitted audit; anyone else's is 'not found', never 'forbidden'."""
    audit = queries.get_audit(audit_id, current_user.organisation_id or -1)
    if audit is None or not audit.is_submitted or not audit.guide_snapshot:
        abort(404)
    return audit, Guide.from_dict(audit.guide_snapshot)


def _thresholds() -> tuple[int, ...]:
    return tuple(int(band.below) for band in get_content().config.bands if band.below is not None)


def results_chart(guide: Guide, title: str = "Your result in each part of the audit") -> Markup:
    """The bar chart of section results (also used by coordinators' read-only view)."""
    bars = [Bar(s.result.title, s.result.percent, s.result.band) for s in guide.sections]
    return bar_chart(bars, title=title, thresholds=_thresholds())


@bp.route("/<id:audit_id>/results")
@role_required("member")
def results(audit_id: int):
    """Section results with a chart and table, the top 5 actions, and how similar organisations compare."""
    from ..coordinator.benchmark import benchmark_for  # here, not at the top: the coordinator package imports us

    audit, guide = _submitted_audit_or_404(audit_id)
    previous = queries.previous_submitted(audit)
    return render_template(
        "guide/results.html",
        audit=audit,
        guide=guide,
        chart=results_chart(guide),
        bands=get_content().config.bands,
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
    )


@bp.route("/<id:audit_id>/guide.pdf")
@role_required("member")
@limiter.limit(lambda: current_app.config.get("PDF_LIMIT", "20 per minute"))
def guide_pdf(audit_id: int):
    """The tailored guide as a PDF download."""
    from .pdf import render_guide_pdf

    audit, guide = _submitted_audit_or_404(audit_id)
    submitted_on: date = audit.submitted_at.date()
    response = make_response(render_guide_pdf(guide, generated_on=submitted_on))
    response.mimetype = "application/pdf"
    filename = f"inclusion-health-guide-{submitted_on.isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
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
    done = queries.done_by_section(previous, get_content())
    return render_template(
        "guide/compare.html",
        audit=audit,
        previous=previous,
        done=done,
        done_elsewhere=queries.done_outside_sections(previous),
        had_plan=bool(queries.plan_actions(previous)),
        sections=section_changes(get_content(), Guide.from_dict(previous.guide_snapshot), guide),
        improved=[c for c in changes if c.direction > 0],
        declined=[c for c in changes if c.direction < 0],
    )
