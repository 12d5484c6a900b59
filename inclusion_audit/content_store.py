"""Loads the audit content once at start-up and hands it to views.

A content file with a mistake stops the app from starting, with a message naming the file
and field, rather than surfacing later as a broken page in front of a user.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app

from .engine import Content, ContentError, load_content


def init_content(app: Flask) -> None:
    app.extensions["audit_content"] = load_content(Path(app.config["CONTENT_DIR"]))


def get_content() -> Content:
    return current_app.extensions["audit_content"]


def content_problem(error: ContentError) -> str:
    """What `flask run`, gunicorn and `import wsgi` print when the content stops the service starting."""
    return f"The audit content has a problem, so the service cannot start.\n{error}\n"
