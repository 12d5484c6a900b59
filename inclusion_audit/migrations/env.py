"""Alembic environment: runs migrations against the Flask app's database."""

from __future__ import annotations

from alembic import context
from flask import current_app

from inclusion_audit.extensions import db

config = context.config


def _skip_empty_autogenerate(context_, revision, directives) -> None:
    # `flask db migrate` with no model changes should not write an empty revision file.
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []


def run_migrations_offline() -> None:
    context.configure(
        url=str(db.engine.url),
        target_metadata=db.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _sqlite_foreign_keys(connection, on: bool) -> None:
    # SQLite rebuilds a table to change it (batch mode): with foreign keys enforced, dropping the old copy
    # would delete every row that refers to it. The pragma only works outside a transaction.
    connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    connection.commit()


def run_migrations_online() -> None:
    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _sqlite_foreign_keys(connection, on=False)
        context.configure(
            connection=connection,
            target_metadata=db.metadata,
            process_revision_directives=_skip_empty_autogenerate,
            # Includes render_as_batch (set in extensions.py) and compare_type.
            **current_app.extensions["migrate"].configure_args,
        )
        try:
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"The migration left rows pointing at nothing: {broken[:5]}")
        finally:
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
