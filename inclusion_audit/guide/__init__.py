from flask import Blueprint

bp = Blueprint("guide", __name__, url_prefix="/audits")

from . import routes  # noqa: E402, F401  (routes attach themselves to bp)
