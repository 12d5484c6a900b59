"""Local help edited by coordinators: list, add, change, retire and restore entries, their history and a preview."""

from flask import Blueprint

bp = Blueprint("local_help", __name__, url_prefix="/coordinator/local-help")

from . import routes  # noqa: E402, F401  (routes attach themselves to bp)
from .tables import TEMPLATE_GLOBALS  # noqa: E402

for _builder in TEMPLATE_GLOBALS:
    bp.add_app_template_global(_builder)
