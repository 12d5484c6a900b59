"""The blueprint alone, so the modules that add views to it import it without importing the package."""

from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/audit")
