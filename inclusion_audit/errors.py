"""Error pages in the service's own layout."""

from __future__ import annotations

from flask import Flask, flash, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

ERROR_TEMPLATES = {400, 403, 404, 405, 413, 429, 500}


def handle_http_error(error: HTTPException):
    code = error.code or 500
    template = f"errors/{code}.html" if code in ERROR_TEMPLATES else "errors/generic.html"
    return render_template(template, error=error), code


def handle_csrf_error(error: CSRFError):
    # Almost always an expired or missing session: say so and send them back to where they were.
    flash("Your page was open too long or your session ended. Nothing on that page was saved - please try again.")
    rule = request.url_rule
    if rule is not None and "GET" in (rule.methods or ()):
        return redirect(request.path)
    referrer = request.referrer or ""
    origin = request.host_url.rstrip("/")
    if referrer.startswith(origin + "/"):
        return redirect(referrer[len(origin) :])
    return redirect(url_for("main.start"))


def handle_unexpected_error(error: Exception):
    return render_template("errors/500.html"), 500


def init_errors(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    if not app.debug and not app.testing:
        app.register_error_handler(Exception, handle_unexpected_error)
