from . import access_log, exports, feedback, named, needs_page, organisation, pipeline, report, routes, verification  # noqa: F401  (importing a views module attaches its views to bp)
from .blueprint import bp
from .needs_tables import NEEDS_GLOBALS
from .tables import TEMPLATE_GLOBALS

for _builder in (*TEMPLATE_GLOBALS, *NEEDS_GLOBALS):
    bp.add_app_template_global(_builder)

__all__ = ["bp"]
