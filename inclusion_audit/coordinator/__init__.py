from flask import Blueprint

bp = Blueprint("coordinator", __name__, url_prefix="/coordinator")

from . import access_log, exports, feedback, named, organisation, pipeline, report, routes, verification  # noqa: E402, F401  (routes attach themselves to bp)
from .tables import TEMPLATE_GLOBALS  # noqa: E402

for _builder in TEMPLATE_GLOBALS:
    bp.add_app_template_global(_builder)
