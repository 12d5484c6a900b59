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

BAD_REQUEST = "Sorry, there is a problem with that request"
# Status code -> (heading, what to do next), shown on one error page.
ERROR_PAGES = {
    400: (BAD_REQUEST, "Something in what was sent did not make sense. Go back and try again."),
    403: (
        "You do not have permission to see this page",
        "This page is for a different kind of account. If you think you should be able to see it, "
        "ask the person who set up your account.",
    ),
    404: (
        "Page not found",
        "If you typed the web address, check it is correct. If you pasted the web address, check you copied all of it.",
    ),
    405: (BAD_REQUEST, "That page cannot be used in that way. Go back and try again."),
    413: ("What you sent is too large", "Go back and send less at once."),
    429: ("You have tried too many times", "For your security, wait a few minutes before you try again."),
    500: (
        "Sorry, there is a problem with the service",
        "Try again later. If the problem keeps happening, tell us using the contact details on the accessibility page.",
    ),
}
OTHER_ERROR = ("Sorry, there is a problem", "Go back and try again.")


def error_page(code: int):
    heading, advice = ERROR_PAGES.get(code, OTHER_ERROR)
    # A server error gets the request's reference, so whoever reports it can quote it and we can find the log.
    reference = request_id() if code >= 500 else None
    return render_template("errors/error.html", heading=heading, advice=advice, reference=reference), code


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
    return error_page(error.code or 500)


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
    if rule is not None and "GET" in (rule.methods or ()) and is_safe_next(request.path):
        return redirect(request.path)
    return redirect(_same_site_referrer_path() or url_for("main.start"))


def handle_unexpected_error(error: Exception):
    reference = request_id()
    current_app.logger.error(
        "Unexpected error, reference %s, on %s %r", reference, request.method, request.path, exc_info=error
    )
    # After a database error the session refuses all work until rolled back, and the page below needs it
    # (the header asks who is signed in).
    db.session.rollback()
    try:
        return error_page(500)
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
