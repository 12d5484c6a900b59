from . import account, invitations, reset, routes, staff_invitations  # noqa: F401  (importing a views module attaches its views to bp)
from .blueprint import bp

__all__ = ["bp"]
