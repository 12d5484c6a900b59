"""Error pages in the service's own layout, and a reference for every request that can go wrong.

Each request gets a short random reference (also sent as the X-Request-Id header). An unexpected error is
logged with its traceback and that reference, and the 500 page shows it, so a user can quote it to us.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, flash, g, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, SecurityError

from .extensions import db
from .security import is_safe_next

ERROR_TEMPLATES = {400, 403, 404, 405, 413, 429, 500}


def request_id() -> str:
    if "request_id" not in g:
        g.request_id = secrets.token_hex(5).upper()
    return g.request_id


def _add_request_id(response: Response) -> Response:
    response.headers["X-Request-Id"] = request_id()
    return response


def handle_untrusted_host(error: SecurityError):
    # The request named a host this service does not answer to, so no link on a page could be built for it.
    return Response("Bad request: this address is not served here.", status=400, mimetype="text/plain")


def handle_http_error(error: HTTPException):
    code = error.code or 500
    template = f"errors/{code}.html" if code in ERROR_TEMPLATES else "errors/generic.html"
    return render_template(template, error=error), code


def _same_site_referrer_path() -> str | None:
    """The path of the page the form was on, if it was on this site and is a safe place to send someone."""
    parts = urlsplit(request.referrer or "")
    if parts.scheme not in ("http", "https") or parts.netloc != request.host:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path if is_safe_next(path) else None


def handle_csrf_error(error: CSRFError):
    # Almost always an expired or missing session: say so and send them back to where they were.
    flash("Your page was open too long or your session ended. Nothing on that page was saved - please try again.")
    rule = request.url_rule
    if rule is not None and "GET" in (rule.methods or ()):
        return redirect(request.path)
    return redirect(_same_site_referrer_path() or url_for("main.start"))


def handle_unexpected_error(error: Exception):
    reference = request_id()
    current_app.logger.error(
        "Unexpected error, reference %s, on %s %s", reference, request.method, request.path, exc_info=error
    )
    # After a database error the session refuses all work until rolled back, and the page below needs it
    # (the header asks who is signed in).
    db.session.rollback()
    try:
        return render_template("errors/500.html", reference=reference), 500
    except Exception:
        current_app.logger.exception("The error page itself failed, reference %s", reference)
        text = f"Sorry, there is a problem with the service. Reference: {reference}"
        return Response(text, status=500, mimetype="text/plain")


def init_errors(app: Flask) -> None:
    app.after_request(_add_request_id)
    app.jinja_env.globals["request_id"] = request_id
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(SecurityError, handle_untrusted_host)
    app.register_error_handler(HTTPException, handle_http_error)
    if app.config.get("HANDLE_UNEXPECTED_ERRORS", True) and not app.debug:
        app.register_error_handler(Exception, handle_unexpected_error)
