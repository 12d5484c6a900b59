"""Coordinator pages: aggregate views across organisations."""

from __future__ import annotations

from flask import render_template

from .. import queries
from ..security import role_required
from . import bp


@bp.route("/")
@role_required("coordinator", "admin")
def dashboard():
    """Headline figures across all organisations."""
    return render_template("coordinator/dashboard.html", counts=queries.headline_counts())
