"""The attacker's view of the side-by-side page: reading one area's figures as the difference between the column
for all areas and the columns of the others.

The target is the only organisation in its area; 30 others are in the other area. The attacker reads the page
and guesses, for each section, whether the target scores 60% or more: the target's own column only ever says
"fewer than 10", so the attacker works from the difference between "All areas" and the other area's column
(share times organisations shown, each to the nearest 5% and each count changed by the p-table). docs/privacy.md
says what this measures; the test holds the page to it.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select, update

from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.side_by_side import AREA, comparison
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit, Organisation, SectionScore, utcnow
from inclusion_audit.queries import Filters
from inclusion_audit.queries.stored_figures import rebuild_stored_figures
from tests.coordinator.fixture import submitted_audit

OTHERS, TRIALS = 30, 40
HOME, ELSEWHERE = "west_northamptonshire", "north_northamptonshire"
# What docs/privacy.md promises for this attack: right for fewer than 3 in 4 sections (a guess is right for 1 in 2).
RIGHT_AT_MOST = 0.75


def _build(app, rng: random.Random) -> int:
    now = utcnow()
    with app.app_context():
        made = []
        for number in range(OTHERS + 1):
            area = HOME if number == 0 else ELSEWHERE
            organisation = Organisation(
                name=f"Side {number}",
                area=area,
                org_type="charity",
                size_band="under_10",
                profile_completed_at=now,
                verification="verified",
            )
            organisation.groups = ["justice"]
            db.session.add(organisation)
            db.session.add(submitted_audit(organisation, rng.randint(0, 100), {}, now - timedelta(days=10)))
            made.append(organisation)
        db.session.flush()
        target = made[0].id
        db.session.commit()
    return target


def _trial(app, rng: random.Random, target: int) -> tuple[int, int]:
    """Fresh record keys and a fresh score for the target in each section; (sections guessed right, sections)."""
    with app.app_context():
        for organisation in db.session.query(Organisation):
            organisation.record_key = rng.randrange(256)
        truth = {}
        for section in get_content().sections:
            high = rng.random() < 0.5
            truth[section.id] = high
            db.session.execute(
                update(SectionScore)
                .where(SectionScore.section_id == section.id)
                .where(SectionScore.audit_id.in_(select(Audit.id).where(Audit.organisation_id == target)))
                .values(percent=80 if high else 20)
            )
        db.session.flush()
        rebuild_stored_figures(db.session.connection())
        db.session.commit()
        data = comparison(get_content(), Filters(), AREA)
    everyone, elsewhere, home = (
        next(i for i, c in enumerate(data.columns) if c.key == key) for key in (None, ELSEWHERE, HOME)
    )
    right = 0
    for row in data.rows:
        assert row.cells[home].share is None  # the target's own column never shows a share
        all_count = _count(row.cells[everyone].share, data.columns[everyone].organisations)
        other_count = _count(row.cells[elsewhere].share, data.columns[elsewhere].organisations)
        guess = all_count is not None and other_count is not None and all_count - other_count >= 0.5
        right += guess == truth[row.section_id]
    return right, len(data.rows)


def _count(share: int | None, organisations: str) -> float | None:
    return None if share is None or not organisations.isdigit() else share * int(organisations) / 100


def test_the_difference_between_columns_does_not_give_a_lone_organisations_score_away(app):
    rng = random.Random(19)
    target = _build(app, rng)
    right = sections = 0
    for _ in range(TRIALS):
        r, s = _trial(app, rng, target)
        right, sections = right + r, sections + s
    print(f"attacker right for {right} of {sections} sections")
    assert right / sections < RIGHT_AT_MOST
