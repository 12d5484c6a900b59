"""Alembic migrations build the same schema as the models, on SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from inclusion_audit import create_app
from inclusion_audit.extensions import db


def test_migrations_match_the_models(empty_database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        db.engine.dispose()
    assert diff == [], f"models and migrations differ; run `flask db migrate`: {diff}"


def test_migrations_downgrade_to_nothing_and_up_again(empty_database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert {"organisation", "user", "audit", "answer"} <= set(inspect(db.engine).get_table_names())
        db.engine.dispose()


def test_upgrading_keeps_every_row_and_cleans_names(empty_database_url):
    """The identities migration rebuilds SQLite tables: nothing hanging off them may be lost."""
    from sqlalchemy import text

    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="a22dbd57c409")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO organisation (id, name, created_at, share_named) "
                    "VALUES (1, :name, '2026-01-01', false)"
                ),
                {"name": "Line\r\nbreak \u202eTrust"},
            )
            connection.execute(
                text(
                    'INSERT INTO "user" (id, email, password_hash, role, organisation_id, session_generation, '
                    "created_at) VALUES (1, 'a@example.org', 'x', 'member', 1, 3, '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO audit (id, organisation_id, status, started_at, updated_at) "
                    "VALUES (1, 1, 'x', '2026-01-01', '2026-01-01')"
                )
            )
            connection.execute(
                text("INSERT INTO answer (audit_id, question_id, value, updated_at) VALUES (1, 'q', 'v', '2026-01-01')")
            )
        upgrade()
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM organisation")).scalar() == "Line break Trust"
            assert len(connection.execute(text('SELECT session_key FROM "user"')).scalar()) >= 30
            assert connection.execute(text("SELECT count(*) FROM answer")).scalar() == 1
            assert connection.execute(text("SELECT count(*) FROM audit")).scalar() == 1
            if connection.dialect.name == "sqlite":
                assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1, "enforcement is back on"
        db.engine.dispose()


def test_each_organisations_first_member_becomes_its_admin(empty_database_url):
    """Whoever registered (the organisation's first member) is its admin; colleagues who joined later are not."""
    from sqlalchemy import text

    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="b7c41d2e9a10")
        with db.engine.begin() as connection:
            for organisation_id in (1, 2):
                connection.execute(
                    text(
                        "INSERT INTO organisation (id, name, created_at, share_named) "
                        "VALUES (:id, 'Org', '2026-01-01', false)"
                    ),
                    {"id": organisation_id},
                )
            for user_id, organisation_id in ((1, 1), (2, 2), (3, 1), (4, None)):
                connection.execute(
                    text(
                        'INSERT INTO "user" (id, email, password_hash, role, organisation_id, session_key, created_at) '
                        "VALUES (:id, :email, 'x', :role, :org, 'k', '2026-01-01')"
                    ),
                    {
                        "id": user_id,
                        "email": f"u{user_id}@example.org",
                        "org": organisation_id,
                        "role": "member" if organisation_id else "coordinator",
                    },
                )
        upgrade()
        with db.engine.connect() as connection:
            roles = dict(connection.execute(text('SELECT id, team_role FROM "user" ORDER BY id')).all())
        db.engine.dispose()
    assert roles == {1: "admin", 2: "admin", 3: "member", 4: "member"}
