"""The organisation's own results page compares it with similar organisations, once there are 5 of them."""

from __future__ import annotations

from datetime import timedelta

from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, utcnow
from inclusion_audit.queries.stored_figures import rebuild_stored_figures
from tests.audit.helpers import complete_audit
from tests.conftest import get_page

from .fixture import submitted_audit


def add_similar(app, scores: list[int], org_type: str = "community_group", size_band: str = "over_50") -> None:
    """Organisations of the member's type (a community group) but another size, each with one audit."""
    with app.app_context():
        for index, score in enumerate(scores):
            organisation = Organisation(
                name=f"Similar {org_type} {index}", org_type=org_type, size_band=size_band, area="west_northamptonshire"
            )
            db.session.add(organisation)
            db.session.add(submitted_audit(organisation, score, {}, utcnow() - timedelta(days=3)))
        db.session.flush()
        rebuild_stored_figures(db.session.connection())  # the audits went straight in, not through submit_audit
        db.session.commit()


def test_not_enough_similar_organisations_says_so(app, member_client):
    add_similar(app, [40, 50, 60, 70])  # only 4
    add_similar(app, [40, 50, 60, 70, 80], org_type="charity", size_band="from_10_to_49")  # not similar
    audit_id = complete_audit(member_client, app)
    page = get_page(member_client, f"/audits/{audit_id}/results")
    assert "There are not yet enough similar organisations to compare with" in page.text
    assert "Where you sit" not in page.text


def test_the_organisation_itself_does_not_count(app, member_client):
    first = complete_audit(member_client, app)
    member_client.post("/audit/new")
    member_client.get("/audit/")  # shows (and clears) the "new audit" message before the next pages
    complete_audit(member_client, app)
    add_similar(app, [40, 50, 60, 70])
    page = get_page(member_client, f"/audits/{first}/results")
    assert "not yet enough similar organisations" in page.text


def test_with_5_similar_organisations_the_spread_and_position_are_shown(app, member_client):
    # Others score 40, 50, 60, 70 and 80 in every part. From 10-point buckets: lower quartile
    # 50 + 10 * 0.25 = 52.5 -> 53; median 60 + 10 * 0.5 = 65; upper 70 + 10 * 0.75 = 77.5 -> 78.
    add_similar(app, [40, 50, 60, 70, 80])
    audit_id = complete_audit(member_client, app)  # "starting out": every part scores below 40
    page = get_page(member_client, f"/audits/{audit_id}/results")
    assert "Compared with the latest results of 5 other organisations" in page.text
    table = next(t for t in page.soup.select("table") if "similar" in t.caption.get_text())
    rows = [[" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]
    assert len(rows) == 5
    for row in rows:
        assert row[2:4] == ["53% to 78%", "65%"]
        assert row[4] == "Lower than about three quarters"
    # The comparison is named once for the page (heading, sentence and table caption), not once per section.
    said = " ".join(page.soup.select_one("main").get_text(" ").split())
    assert said.count("similar organisations") == 2, "in the heading and the table's caption only"
    assert not page.soup.select("main ul.govuk-list--bullet li"), "no list repeating the table, part by part"
