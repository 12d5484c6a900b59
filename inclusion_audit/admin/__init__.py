"""Admin pages: invite coordinators and admins, change their scope, deactivate and reactivate them, and manage
systems and areas. A service-wide admin manages everything; a system admin, their own system only."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from . import systems, users  # noqa: E402, F401  (routes attach themselves to bp)
