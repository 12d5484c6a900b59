"""Error pages in the service's own layout."""

from __future__ import annotations

from flask import Flask, current_app, flash, redirect, render_template, request, url_for
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

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
    return render_template("errors/error.html", heading=heading, advice=advice), code


def handle_http_error(error: HTTPException):
    return error_page(error.code or 500)


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
    # Flask only logs an exception nothing handles; this handler takes it over, so it logs it itself.
    current_app.log_exception((type(error), error, error.__traceback__))
    return error_page(500)


def init_errors(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    if not app.debug and not app.testing:
        app.register_error_handler(Exception, handle_unexpected_error)
