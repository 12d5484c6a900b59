"""The blueprint alone, so the modules that add views to it import it without importing the package."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
