"""The certificate of completion: members download it; anyone can check its code on a public page."""

from __future__ import annotations

from flask import abort, current_app, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from .. import queries
from ..engine import Guide
from ..extensions import limiter
from ..links import emailed_link
from ..security import role_required
from .blueprint import bp
from .pdf import CertificateDetails, render_certificate

# Codes cannot be guessed (60 random bits), and this keeps anyone from trying many.
check_limit = limiter.shared_limit(
    lambda: current_app.config.get("CERTIFICATE_CHECK_LIMIT", "20 per minute; 200 per day"), scope="certificate"
)


def _stages(guide: Guide) -> list[tuple[str, str]]:
    return [
        (section.result.title, section.result.band_label or "Not enough answers to give a stage")
        for section in guide.sections
    ]


@bp.route("/audit/plan/certificate.pdf")
@role_required("member")
@limiter.limit(lambda: current_app.config.get("PDF_LIMIT", "20 per minute"))
def download():
    """The certificate for the organisation's latest submitted audit, once its plan has enough actions."""
    audit = queries.latest_submitted(current_user.organisation)
    if audit is None or not queries.certificate_ready(audit):
        abort(404)
    certificate = queries.issue_certificate(audit)
    details = CertificateDetails(
        organisation=certificate.organisation_name,
        submitted_on=audit.submitted_at.date(),
        issued_on=certificate.issued_at.date(),
        content_version=audit.content_version or "",
        stages=_stages(Guide.from_dict(audit.guide_snapshot or {})),
        code=certificate.code,
        check_url=emailed_link("certificate.check", code=certificate.code),
        service_name=current_app.config["SERVICE_NAME"],
    )
    response = make_response(render_certificate(details))
    response.mimetype = "application/pdf"
    filename = f"certificate-of-completion-{audit.submitted_at.date().isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/certificate")
@check_limit
def check_form():
    """Type in the code printed on a certificate."""
    code = (request.args.get("code") or "").strip()
    if code:
        normalised = queries.normalise_code(code)
        if normalised is not None:
            return redirect(url_for("certificate.check", code=normalised))
        return render_template("certificate/check_form.html", code=code, error=True), 400
    return render_template("certificate/check_form.html", code="", error=False)


@bp.route("/certificate/<code>")
@check_limit
def check(code: str):
    """Whether a certificate with this code was issued, to whom and when; nothing else about the organisation."""
    certificate = queries.certificate_by_code(code)
    if certificate is None:
        return render_template("certificate/not_found.html"), 404
    return render_template("certificate/genuine.html", certificate=certificate)
