"""Alembic migrations build the same schema as the models, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from inclusion_audit import create_app, queries
from inclusion_audit.extensions import db
from inclusion_audit.queries import Filters
from inclusion_audit.queries.stored_figures import figure_differences


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


def test_upgrading_builds_the_stored_figures_from_the_audits_already_there(empty_database_url):
    """Deploying needs nothing beyond `flask db upgrade`: the dashboard's figures are right straight away."""
    rows = [
        "INSERT INTO organisation (id, name, area, created_at, share_named) VALUES (1, 'A', 'corby', :at, :no)",
        "INSERT INTO audit (id, organisation_id, status, started_at, updated_at, submitted_at)"
        " VALUES (1, 1, 'submitted', :at, :at, :at)",
        "INSERT INTO section_score (audit_id, section_id, percent, answered, dont_know, not_applicable)"
        " VALUES (1, 'access', 47, 5, 0, 0)",
    ]
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="a22dbd57c409")  # the last revision with the older tallies
        with db.engine.begin() as connection:
            for row in rows:
                connection.execute(text(row), {"at": datetime(2026, 1, 5), "no": False})
        upgrade()
        assert queries.headline(Filters(area="corby")).organisations_with_results == 1
        assert queries.section_buckets(Filters(start=datetime(2026, 1, 1)))["access"][4] == 1
        assert figure_differences() == []
        db.session.remove()
        db.engine.dispose()
