"""Feedback about the service, for admins to read."""

from __future__ import annotations

from flask import abort, render_template, request

from .. import queries
from ..security import role_required, whole_number
from . import bp

PER_PAGE = 25


def _rows(entries) -> list[list[dict]]:
    ratings = queries.FEEDBACK_RATINGS
    return [
        [
            {"text": entry.at.strftime("%d %b %Y %H:%M"), "classes": "app-nowrap"},
            {"text": ratings.get(entry.rating or "", "Not given")},
            {"text": entry.text, "classes": "app-preserve-lines"},
            {"text": entry.page or "–"},
            {"text": entry.reply_to or "–"},
        ]
        for entry in entries
    ]


@bp.route("/feedback")
@role_required("admin")
def feedback_list():
    """Everything sent through 'Tell us what you think', newest first."""
    total = queries.feedback_count()
    last_page = max(1, -(-total // PER_PAGE))
    page = whole_number(request.args.get("page", "1"))
    if not 1 <= page <= last_page:
        abort(404)
    return render_template(
        "coordinator/feedback.html",
        rows=_rows(queries.feedback_page(page, PER_PAGE)),
        total=total,
        page=page,
        last_page=last_page,
    )
