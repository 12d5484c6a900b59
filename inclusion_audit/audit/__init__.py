from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/audit")

from . import data_rights, plan, profile, routes, sections, sharing, team, team_members  # noqa: E402, F401  (routes attach themselves to bp)
from .tables import TEMPLATE_GLOBALS  # noqa: E402

for _builder in TEMPLATE_GLOBALS:
    bp.add_app_template_global(_builder)
