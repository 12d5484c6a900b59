"""Loads the audit content once at start-up and hands it to views.

A content file with a mistake stops the app from starting, with a message naming the file
and field, rather than surfacing later as a broken page in front of a user.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app

from .engine import Content, ContentError, load_content, version_of


def init_content(app: Flask) -> None:
    root = Path(app.config["CONTENT_DIR"]).resolve()
    app.extensions["audit_content"] = _loaded(root, version_of(root))


# Keyed on the folder and a hash of every content file's bytes, so an app made after an edit
# (a content editor's, or a test's on its own copy) loads the edit, while further apps made in the
# same process from unchanged content (each test makes one) share one read-only Content instead of
# parsing and checking the same files again. A failed load raises and is not cached.
@lru_cache(maxsize=4)
def _loaded(root: Path, version: str) -> Content:
    return load_content(root)


def get_content() -> Content:
    return current_app.extensions["audit_content"]


def content_problem(error: ContentError) -> str:
    """What `flask run`, gunicorn and `import wsgi` print when the content stops the service starting."""
    return f"The audit content has a problem, so the service cannot start.\n{error}\n"
