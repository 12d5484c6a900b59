"""Alembic environment: runs migrations against the Flask app's database."""

from __future__ import annotations

import logging

from alembic import context
from flask import current_app

from inclusion_audit.extensions import db
from inclusion_audit.queries.stored_figures import rebuild_stored_figures

config = context.config
log = logging.getLogger("alembic.env")
rebuilds: list[str] = []  # revisions applied in this run that change what the stored figures count


def _skip_empty_autogenerate(context_, revision, directives) -> None:
    # `flask db migrate` with no model changes should not write an empty revision file.
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []


def _note_rebuild(ctx, step, heads, run_args) -> None:
    if step.is_upgrade and getattr(step.up_revision.module, "rebuilds_stored_figures", False):
        rebuilds.append(step.up_revision_id)


def _rebuild_if_asked(connection) -> None:
    """Rebuild once, after the last migration, so that the definition in the code meets the schema it was
    written for (a migration that rebuilt by itself would break once a later one changes what it reads)."""
    if not rebuilds:
        return
    if context.get_context().get_current_heads() == (context.get_head_revision(),):
        rows = rebuild_stored_figures(connection)
        log.info("Rebuilt the stored figures (%s rows) for %s", rows, ", ".join(rebuilds))
    else:
        log.warning("Run `flask figures rebuild` once upgraded to the latest revision (asked for by %s)", rebuilds)


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
            on_version_apply=_note_rebuild,
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
                _rebuild_if_asked(connection)
            if connection.in_transaction():  # SQLite: each migration commits on its own, so the rebuild is left
                connection.commit()
        finally:
            if sqlite:
                _sqlite_foreign_keys(connection, on=True)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
