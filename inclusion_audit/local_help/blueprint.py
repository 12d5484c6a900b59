"""The blueprint alone, so the modules that add views to it import it without importing the package."""

from flask import Blueprint

bp = Blueprint("local_help", __name__, url_prefix="/coordinator/local-help")
