from . import (  # noqa: F401  (importing a views module attaches its views to bp)
    access_log,
    exports,
    feedback,
    named,
    needs_page,
    organisation,
    pipeline,
    report,
    routes,
    side_by_side_page,
    verification,
)
from .blueprint import bp
from .needs_tables import NEEDS_GLOBALS
from .side_by_side_tables import COMPARISON_GLOBALS
from .tables import TEMPLATE_GLOBALS

for _builder in (*TEMPLATE_GLOBALS, *NEEDS_GLOBALS, *COMPARISON_GLOBALS):
    bp.add_app_template_global(_builder)

__all__ = ["bp"]
