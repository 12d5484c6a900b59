from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/audit")

from . import data_rights, plan, profile, routes, sections, sharing, team, team_members  # noqa: E402, F401  (routes attach themselves to bp)
