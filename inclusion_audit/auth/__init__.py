from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import account, invitations, reset, routes, staff_invitations  # noqa: E402, F401  (routes attach themselves to bp)
