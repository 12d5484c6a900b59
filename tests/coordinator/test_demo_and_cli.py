"""Demo data fills every part of the dashboard, and staff accounts can be tied to an area."""

from __future__ import annotations

from sqlalchemy import func, select

from inclusion_audit import queries
from inclusion_audit.demo import DEMO_ADMIN, DEMO_AREA_COORDINATOR, DEMO_COORDINATOR, DEMO_PASSWORD
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User
from tests.conftest import get_page


def test_demo_data_shares_about_40_percent_and_fills_every_chart(app, runner, client):
    runner.invoke(args=["demo", "load"])
    with app.app_context():
        sharing = db.session.scalar(select(func.count()).where(Organisation.share_named.is_(True)))
        assert 0.3 * 60 <= sharing <= 0.5 * 60
        assert (
            db.session.scalar(select(User.area).where(User.email == DEMO_AREA_COORDINATOR)) == "west_northamptonshire"
        )
        assert db.session.scalar(select(User.role).where(User.email == DEMO_ADMIN)) == "admin"
    client.post("/sign-in", data={"email": DEMO_COORDINATOR, "password": DEMO_PASSWORD})
    page = get_page(client, "/coordinator/")
    assert len(page.soup.select('svg[aria-labelledby^="spread-"]')) == 5
    assert page.soup.select_one('svg[aria-labelledby^="trend-"]') is not None
    assert page.soup.select_one("#top-needs-caption") is not None
    # Narrow filters show the small-number rule at work: 2 or fewer organisations (or none) can never read 5 or more.
    query = "area=west_northamptonshire&org_type=charity&size_band=over_50&group=sex_workers"
    with app.app_context():
        few = queries.headline(queries.Filters(area="west_northamptonshire", org_type="charity", size_band="over_50",
                                               group="sex_workers")).organisations_with_results.count  # fmt: skip
    assert few <= 2
    narrow = get_page(client, f"/coordinator/?{query}")
    assert "Fewer than 5 organisations have a score" in narrow.text
    assert get_page(client, "/coordinator/organisations").soup.select("tbody tr")


def test_create_coordinator_with_an_area(app, runner):
    password = "quiet-harbour-lamp\nquiet-harbour-lamp\n"
    result = runner.invoke(
        args=["users", "create-coordinator", "lead@example.org", "--area", "atlantis"], input=password
    )
    assert result.exit_code != 0 and "Unknown area" in result.output
    result = runner.invoke(
        args=["users", "create-coordinator", "lead@example.org", "--area", "north_northamptonshire"], input=password
    )
    assert result.exit_code == 0, result.output
    assert "Created coordinator lead@example.org for north_northamptonshire." in result.output
    with app.app_context():
        assert db.session.scalar(select(User.area).where(User.email == "lead@example.org")) == "north_northamptonshire"
