"""The needs page: training topics ranked by how many organisations need them, with the local training offered
for each in the coordinator's area(s). Same filters as the dashboard."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..security import role_required
from .blueprint import bp
from .filters import filter_form
from .needs import NEED_DEFINITION, ORDER_NOTE, needs_rows, population_text
from .training import training_offers


@bp.route("/needs")
@role_required("coordinator", "admin")
def needs():
    """Training topics by the share of organisations that need them, with local training for each."""
    content = get_content()
    form = filter_form()
    filters = form.filters()
    scope = queries.scope_of(current_user)
    areas, labels = queries.local_help_areas(scope), queries.area_labels()
    return render_template(
        "coordinator/needs.html",
        form=form,
        rows=needs_rows(content, filters),
        offers=training_offers(queries.with_area_names(content), areas),
        several_areas=len(areas) > 1,
        areas_label=" and ".join(labels.get(area, area) for area in areas),
        organisations=population_text(filters),
        description=form.describe(),
        order_note=ORDER_NOTE,
        need_definition=NEED_DEFINITION,
        scope_label=scope.label(labels),
    )
