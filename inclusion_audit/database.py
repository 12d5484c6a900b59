"""Database set-up: the engine tweaks SQLite needs, and the Flask-Login user loader."""

from __future__ import annotations

import hmac

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db, login_manager
from .queries import get_signed_in_user


def _tune_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers carry on while an answer is saved; foreign keys are off in SQLite unless asked for.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def init_database(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        engine: Engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _tune_sqlite)
            engine.dispose()  # connections made before the listener would miss the pragmas

    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(session_id: str):
        user_id, _, key = session_id.partition(":")
        if not (user_id.isascii() and user_id.isdecimal() and len(user_id) <= 10) or not key:
            return None
        user = get_signed_in_user(int(user_id))
        if user is None or not user.active or not hmac.compare_digest(user.session_key.encode(), key.encode()):
            return None
        return user
