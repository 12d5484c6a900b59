"""Demo data: loads once, gives the dashboard something to show, and its sign-ins work."""

from sqlalchemy import func, select

from inclusion_audit.demo import DEMO_COORDINATOR, DEMO_MEMBER, DEMO_PASSWORD, DEMO_SYSTEM_AREAS
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit, Organisation


def counts(app) -> tuple[int, int]:
    with app.app_context():
        organisations = db.session.scalar(select(func.count()).select_from(Organisation))
        submitted = db.session.scalar(select(func.count()).select_from(Audit).where(Audit.status == "submitted"))
        return organisations, submitted


def test_demo_load_is_idempotent_and_fills_the_dashboard(app, runner):
    first = runner.invoke(args=["demo", "load"])
    assert "Loaded demo data" in first.output
    loaded = counts(app)
    assert loaded[0] == 69  # 61 in Northamptonshire, 8 in the made-up system
    assert loaded[1] >= 60
    again = runner.invoke(args=["demo", "load"])
    assert "already loaded" in again.output
    assert counts(app) == loaded


def test_demo_sign_ins_work(app, runner, client):
    runner.invoke(args=["demo", "load"])
    response = client.post("/sign-in", data={"email": DEMO_MEMBER, "password": DEMO_PASSWORD})
    assert response.headers["Location"] == "/audit/"
    client.post("/sign-out")
    response = client.post("/sign-in", data={"email": DEMO_COORDINATOR, "password": DEMO_PASSWORD})
    assert response.headers["Location"] == "/coordinator/"


def test_create_coordinator_command_refuses_a_weak_password(app, runner):
    result = runner.invoke(args=["users", "create-coordinator", "lead@example.org"], input="password123\npassword123\n")
    assert result.exit_code != 0
    assert "too easy to guess" in result.output
    result = runner.invoke(
        args=["users", "create-coordinator", "lead@example.org"], input="quiet-harbour-lamp\nquiet-harbour-lamp\n"
    )
    assert result.exit_code == 0, result.output
    assert "Created coordinator lead@example.org" in result.output


def test_the_made_up_systems_guides_name_its_areas(app, runner):
    runner.invoke(args=["demo", "load"])
    with app.app_context():
        audits = db.session.scalars(
            select(Audit).join(Organisation).where(Organisation.area.in_(list(DEMO_SYSTEM_AREAS)))
        ).all()
        assert audits
        for audit in audits:
            assert audit.guide_snapshot["labels"]["areas"][audit.organisation.area].endswith("(demo)")
