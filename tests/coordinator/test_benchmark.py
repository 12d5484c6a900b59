"""The organisation's own results page compares it with similar verified organisations, once there are about 10."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from inclusion_audit import queries
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User, utcnow
from inclusion_audit.queries.stored_figures import rebuild_stored_figures
from tests.audit.helpers import complete_audit
from tests.conftest import get_page

from .fixture import submitted_audit


def add_similar(
    app, scores: list[int], org_type: str = "community_group", size_band: str = "over_50", verification="verified"
) -> None:
    """Organisations of the member's type (a community group) but another size, each with one audit."""
    with app.app_context():
        for index, score in enumerate(scores):
            organisation = Organisation(
                name=f"Similar {org_type} {verification} {index}",
                org_type=org_type,
                size_band=size_band,
                area="west_northamptonshire",
                verification=verification,
            )
            db.session.add(organisation)
            db.session.add(submitted_audit(organisation, score, {}, utcnow() - timedelta(days=3)))
        db.session.flush()
        rebuild_stored_figures(db.session.connection())  # the audits went straight in, not through submit_audit
        db.session.commit()


def test_not_enough_similar_organisations_says_so(app, member_client):
    add_similar(app, [40, 50, 60, 70, 60, 50, 40])  # only 7: even moved up by 2, fewer than 10
    add_similar(app, [40, 50, 60, 70, 80] * 3, org_type="charity", size_band="from_10_to_49")  # not similar
    audit_id = complete_audit(member_client, app)
    page = get_page(member_client, f"/audits/{audit_id}/results")
    assert "There are not yet enough similar organisations to compare with" in page.text
    assert "Where you sit" not in page.text


def test_organisations_nobody_has_verified_are_not_compared_with(app, member_client):
    add_similar(app, [65] * 14, verification="unverified")
    add_similar(app, [65] * 14, verification="rejected")
    audit_id = complete_audit(member_client, app)
    assert "not yet enough similar organisations" in get_page(member_client, f"/audits/{audit_id}/results").text


def test_the_organisation_itself_does_not_count(app, member_client):
    first = complete_audit(member_client, app)
    member_client.post("/audit/new")
    member_client.get("/audit/")  # shows (and clears) the "new audit" message before the next pages
    complete_audit(member_client, app)
    add_similar(app, [40, 50, 60, 70, 60, 50, 40])
    with app.app_context():  # verified, so that it would count if it were not left out
        member = db.session.scalar(select(User).where(User.email == "member@example.org"))
        organisation = member.organisation
        organisation.verification = "verified"
        db.session.flush()
        rebuild_stored_figures(db.session.connection())
        db.session.commit()
        population, _ = queries.similar_buckets(organisation.id, organisation.org_type, organisation.size_band)
    assert population.count == 7
    page = get_page(member_client, f"/audits/{first}/results")
    assert "not yet enough similar organisations" in page.text


def test_with_enough_similar_organisations_the_middle_band_and_position_are_shown(app, member_client):
    # 14 others, every one scoring 65 in every part: only the 60 to 79% band has any, so it holds the middle
    # whatever the noise (a count of 0 is never moved), and 14 moved by at most 2 is still 10 or more.
    add_similar(app, [65] * 14)
    audit_id = complete_audit(member_client, app)  # "starting out": every part scores below 40
    page = get_page(member_client, f"/audits/{audit_id}/results")
    shown = re.search(r"Compared with the latest results of about (\d+) other verified organisations", page.text)
    assert shown is not None and abs(int(shown[1]) - 14) <= 2
    table = next(t for t in page.soup.select("table") if "similar" in t.caption.get_text())
    rows = [[" ".join(c.get_text().split()) for c in row.find_all(["th", "td"])] for row in table.tbody.find_all("tr")]
    assert len(rows) == 5
    for row in rows:
        assert row[2:4] == ["60 to 79%", "In a lower band than the middle"]
    # The comparison is named once for the page (heading and table caption), not once per section.
    said = " ".join(page.soup.select_one("main").get_text(" ").split())
    assert said.count("similar organisations") == 2, "in the heading and the table's caption only"
    assert not page.soup.select("main ul.govuk-list--bullet li"), "no list repeating the table, part by part"
    assert "median" not in said.lower()
