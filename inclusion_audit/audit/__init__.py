from . import data_rights, plan, profile, routes, sections, sharing, team, team_members  # noqa: F401  (importing a views module attaches its views to bp)
from .blueprint import bp
from .tables import TEMPLATE_GLOBALS

for _builder in TEMPLATE_GLOBALS:
    bp.add_app_template_global(_builder)

__all__ = ["bp"]
