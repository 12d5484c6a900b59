"""Admin pages: invite coordinators and admins, change their scope, deactivate and reactivate them, and manage
systems and areas. A service-wide admin manages everything; a system admin, their own system only."""

from . import systems, users  # noqa: F401  (importing a views module attaches its views to bp)
from .blueprint import bp

__all__ = ["bp"]
