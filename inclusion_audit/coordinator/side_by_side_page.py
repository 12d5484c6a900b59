"""The side-by-side page: areas next to each other, and groups served next to each other, with the dashboard's
filters (apart from the one being compared)."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user
from markupsafe import Markup

from .. import queries
from ..charts import Block, comparison_chart
from ..content_store import get_content
from ..security import role_required
from .blueprint import bp
from .filters import filter_form
from .side_by_side import AREA, GROUP, Comparison, comparison
from .side_by_side_tables import TITLES


def comparison_figure(data: Comparison) -> Markup | None:
    """The chart of a comparison, or None when every share is hidden (the table says why)."""
    if all(share.share is None for row in data.rows for share in row.cells):
        return None
    blocks = [
        Block(row.title, tuple((c.label, s.share, s.text) for c, s in zip(data.columns, row.cells, strict=True)))
        for row in data.rows
    ]
    return comparison_chart(blocks, title=TITLES[data.by], chart_id=f"compare-{data.by}")


@bp.route("/side-by-side")
@role_required("coordinator", "admin")
def side_by_side():
    """Each section's share of organisations scoring 60% or more, area by area and group by group."""
    content = get_content()
    form = filter_form()
    # Only the areas of the scope's system: an area column is that area's own figures.
    areas = queries.areas_in_scope(queries.scope_of(current_user))
    comparisons = [comparison(content, form.filters(), by, areas) for by in (AREA, GROUP)]
    return render_template(
        "coordinator/side_by_side.html",
        form=form,
        comparisons=[(data, comparison_figure(data)) for data in comparisons],
        description=form.describe(),
    )
