"""Alembic migrations build the same schema as the models, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from inclusion_audit import create_app, queries
from inclusion_audit.extensions import db
from inclusion_audit.models import Verification
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


def test_upgrading_keeps_every_row_and_cleans_names(empty_database_url):
    """The identities migration rebuilds SQLite tables: nothing hanging off them may be lost."""

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


def test_former_district_areas_move_to_the_unitary_councils(empty_database_url):
    """Profiles stored with the districts abolished in April 2021 move to North or West Northamptonshire."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="a22dbd57c409")
        with db.engine.begin() as connection:
            for name, area in [
                ("Corby org", "corby"),
                ("Daventry org", "daventry"),
                ("Towcester org", "south_northamptonshire"),
                ("No area", None),
            ]:
                connection.execute(
                    text("INSERT INTO organisation (name, area, created_at, share_named) VALUES (:n, :a, :c, false)"),
                    {"n": name, "a": area, "c": "2026-01-01 00:00:00"},
                )
            connection.execute(
                text(
                    'INSERT INTO "user" (email, password_hash, role, session_generation, created_at, area) '
                    "VALUES ('lead@example.org', 'x', 'coordinator', 0, '2026-01-01 00:00:00', 'kettering')"
                )
            )
        upgrade()
        with db.engine.connect() as connection:
            rows = dict(
                (name, (area, local))
                for name, area, local in connection.execute(text("SELECT name, area, local_area FROM organisation"))
            )
            user_area = connection.execute(text('SELECT area FROM "user"')).scalar()
        assert rows == {
            "Corby org": ("north_northamptonshire", "corby"),
            "Daventry org": ("west_northamptonshire", "daventry_south_northamptonshire"),
            "Towcester org": ("west_northamptonshire", "daventry_south_northamptonshire"),
            "No area": (None, None),
        }
        assert user_area == "north_northamptonshire"  # Kettering is in the north
        db.engine.dispose()  # its pooled connections would otherwise be closed by the garbage collector mid-test


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
        # Organisations already there start unverified: counted in nothing until a coordinator verifies them.
        assert queries.headline(Filters()).organisations_with_results.count == 0
        assert queries.verification_queue(queries.Scope())[0].name == "A"
        coordinator = queries.create_staff_user("coordinator@example.org", "a long enough password")
        queries.decide_verification(1, coordinator, Verification.VERIFIED, "")
        north = queries.headline(Filters(area="north_northamptonshire"))
        assert north.organisations_with_results.count == 1  # moved from Corby
        assert queries.section_buckets(Filters(start=datetime(2026, 1, 1)))["access"][4].count == 1
        assert figure_differences() == []
        db.session.remove()
        db.engine.dispose()


def test_organisations_already_there_get_record_keys(empty_database_url):
    """Each organisation gets a key from 0 to 255 when upgrading, drawn at random (two of 40 would rarely match)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="f3b9c1d7a2e4")  # the revision before this one
        with db.engine.begin() as connection:
            for number in range(40):
                connection.execute(
                    text("INSERT INTO organisation (name, created_at, share_named) VALUES (:name, :at, :no)"),
                    {"name": f"Org {number}", "at": datetime(2026, 1, 5), "no": False},
                )
        upgrade()
        with db.engine.connect() as connection:
            keys = connection.execute(text("SELECT record_key, verification FROM organisation")).all()
        assert all(0 <= key < 256 and state == "unverified" for key, state in keys)
        assert len({key for key, _ in keys}) > 20
        db.session.remove()
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
