"""Local help edited by coordinators: list, add, change, retire and restore entries, their history and a preview."""

from . import routes  # noqa: F401  (importing a views module attaches its views to bp)
from .blueprint import bp
from .tables import TEMPLATE_GLOBALS

for _builder in TEMPLATE_GLOBALS:
    bp.add_app_template_global(_builder)

__all__ = ["bp"]
