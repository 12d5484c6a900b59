"""Feedback about the service, for admins to read."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user

from .. import queries
from ..govuk import DASH, SMALL_TEXT, cell, table
from ..security import role_required, whole_number
from .blueprint import bp

PER_PAGE = 25


def _table(entries, total: int, page: int, last_page: int) -> dict:
    ratings = queries.FEEDBACK_RATINGS
    rows = [
        [
            cell(entry.at.strftime("%d %b %Y %H:%M"), classes="app-nowrap"),
            cell(ratings.get(entry.rating or "", "Not given")),
            cell(entry.text, classes="app-preserve-lines"),
            cell(entry.page or DASH),
            cell(entry.reply_to or DASH),
        ]
        for entry in entries
    ]
    return table(
        f"{total} message{'s' if total != 1 else ''}, page {page} of {last_page}",
        [cell(heading) for heading in ("When (UTC)", "Rating", "Feedback", "Sent from", "Reply to")],
        rows,
        label_id="feedback-caption",
        row_headers=False,
        classes=SMALL_TEXT,
    )


@bp.route("/feedback")
@role_required("admin")
def feedback_list():
    """Everything sent through 'Tell us what you think', newest first. It is about the whole service, and may
    hold a reply address, so only service-wide admins read it."""
    if not queries.scope_of(current_user).service_wide:
        abort(404)
    total = queries.feedback_count()
    last_page = max(1, -(-total // PER_PAGE))
    page = whole_number(request.args.get("page", "1"))
    if not 1 <= page <= last_page:
        abort(404)
    return render_template(
        "coordinator/feedback.html",
        feedback_table=_table(queries.feedback_page(page, PER_PAGE), total, page, last_page),
        total=total,
        page=page,
        last_page=last_page,
    )
