"""Public pages: start, accessibility, privacy, cookies, and the health check."""

from __future__ import annotations

from flask import jsonify, render_template
from sqlalchemy.exc import SQLAlchemyError

from .. import queries
from . import bp


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
    return render_template("main/cookies.html")


@bp.route("/healthz")
def healthz():
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        up = queries.database_is_up()
    except SQLAlchemyError:
        up = False
    return jsonify(status="ok" if up else "unavailable", database=up), 200 if up else 503
