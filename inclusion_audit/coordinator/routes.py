"""The coordinator dashboard: anonymous figures across organisations, filtered by a GET form."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..security import role_required
from .blueprint import bp
from .explanation import EXPLANATION
from .filters import filter_form
from .needs import needs_rows
from .plan_panel import plan_panel
from .view_data import dashboard_data

TOP_NEEDS = 5  # the dashboard's short list; the needs page lists every topic


@bp.route("/")
@role_required("coordinator", "admin")
def dashboard():
    """Headline counts, the spread of scores, trends and common gaps, for the chosen filters."""
    content = get_content()
    form = filter_form()
    scope = queries.scope_of(current_user)
    data = dashboard_data(content, form.filters())
    ranked = [row for row in needs_rows(content, form.filters()) if row.rank is not None]
    return render_template(
        "coordinator/dashboard.html",
        form=form,
        data=data,
        plans=plan_panel(content, form.filters(), data.population),
        top_needs=ranked[:TOP_NEEDS],
        description=form.describe(),
        args=form.args(),
        scope_label=scope.label(queries.area_labels()),
        explanation=EXPLANATION,
    )
