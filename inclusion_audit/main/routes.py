"""Public pages: start, accessibility, privacy, cookies, and the health check."""

from __future__ import annotations

from flask import current_app, jsonify, render_template
from sqlalchemy.exc import SQLAlchemyError

from .. import queries
from ..govuk import cell, table
from .blueprint import bp


@bp.route("/")
def start():
    """What the audit is, how long it takes, and how to begin."""
    return render_template("main/start.html")


@bp.route("/accessibility")
def accessibility():
    """Accessibility statement."""
    return render_template("main/accessibility.html")


@bp.route("/privacy")
def privacy():
    """Privacy notice."""
    return render_template("main/privacy.html")


@bp.route("/cookies")
def cookies():
    """The cookies this service sets (only essential ones)."""
    idle = current_app.config["SESSION_IDLE_MINUTES"]
    hours = int(current_app.permanent_session_lifetime.total_seconds() // 3600)
    session = [
        "session",
        "Keeps you signed in and protects forms from being sent by other websites",
        f"{hours} hours. You are signed out sooner, after {idle} minutes without using the service",
    ]
    cookies = table(
        "Essential cookies",
        [cell("Name"), cell("Purpose"), cell("Expires")],
        [[cell(text) for text in session]],
        caption_size="m",
        row_headers=False,
    )
    return render_template("main/cookies.html", cookies=cookies)


@bp.route("/healthz")
def healthz():
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        up = queries.database_is_up()
    except SQLAlchemyError:
        up = False
    return jsonify(status="ok" if up else "unavailable", database=up), 200 if up else 503
