"""The SQL aggregates against figures worked out by hand from tests/coordinator/fixture.py."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from inclusion_audit import queries
from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.figures import distribution_rows, gap_rows, headline_rows
from inclusion_audit.coordinator.filters import period_range
from inclusion_audit.disclosure import Cell
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, utcnow
from inclusion_audit.queries import Filters
from inclusion_audit.queries import dashboard as dashboard_queries

from .fixture import OLD_DAYS, RECENT_DAYS, build, quarter_of
from .helpers import fits

ALL = Filters()
# Ten 10-point buckets for every section, all 16 latest audits:
# 10 25 | 30 | 45 | 50 55 | 60 62 65 65 68 | 70 70 72 78 | 95
ALL_BUCKETS = [0, 1, 1, 1, 1, 2, 5, 4, 0, 1]


@pytest.fixture(params=["from the stored figures", "counted from the audits"])
def fixture_app(app, request, monkeypatch):
    """Every figure below must come out the same whether a stored scope holds it or not."""
    build(app)
    if request.param == "counted from the audits":
        monkeypatch.setattr(dashboard_queries, "scope_for", lambda filters: None)
    with app.app_context():
        yield app


def counts(cells) -> list[int]:
    return [cell.count for cell in cells]


def headline_counts(filters: Filters) -> tuple[int, ...]:
    headline = queries.headline(filters)
    return tuple(counts(vars(headline).values()))


def test_headline_counts_every_verified_organisation_and_audit(fixture_app):
    # 16 organisations with results, 1 in progress; C1 has two submitted audits. The one without a profile is not
    # verified, so it is not counted (18 registered in all).
    assert headline_counts(ALL) == (17, 18, 17, 16)
    shown = dict(headline_rows(queries.headline(ALL)))
    assert all(fits(shown[label], true) for label, true in zip(shown, (17, 18, 17, 16), strict=True)), shown


def test_headline_with_a_type_filter(fixture_app):
    # Charities: C1-C4, K1, K2 and the unsubmitted Corby charity; C1 started and submitted twice.
    assert headline_counts(Filters(org_type="charity")) == (7, 8, 7, 6)


def test_every_cell_knows_its_organisations_keys(fixture_app):
    """A cell's key sum is the sum of its organisations' record keys, whichever way it is counted."""
    keys = dict(db.session.execute(db.select(Organisation.name, Organisation.record_key)).all())
    with_results = queries.headline(ALL).organisations_with_results
    without_results = ("Corby Unsubmitted Hidden", "No Profile Hidden")
    assert with_results.keys == sum(key for name, key in keys.items() if name not in without_results)


def test_distribution_uses_each_organisations_latest_audit(fixture_app):
    buckets = queries.section_buckets(ALL)
    assert set(buckets) == {section.id for section in get_content().sections}
    assert all(counts(cells) == ALL_BUCKETS for cells in buckets.values())


def test_distribution_rows_perturb_and_hide(fixture_app):
    population = queries.headline(ALL).organisations_with_results
    rows = distribution_rows(get_content(), queries.section_buckets(ALL), population)
    first = rows[0]
    # Bands of 20 points. 0-19: 10 -> 1; 20-39: 25, 30 -> 2; 40-59: 45, 50, 55 -> 3; 60-79: 9; 80-100: 95 -> 1.
    assert fits(first.organisations, 16)
    assert all(fits(text, true) for text, true in zip(first.band_texts, (1, 2, 3, 9, 1), strict=True))
    assert first.band_counts[3] is not None and abs(first.band_counts[3] - 9) <= 2
    assert first.band_counts[0] is None  # 1 organisation: at most 3 after the change, so never shown
    assert first.middle in ("40 to 59%", "60 to 79%")
    # Every part has the same organisations in the same bands: the same cells, so the same noise.
    assert {(row.organisations, row.band_texts, row.middle) for row in rows} == {
        (first.organisations, first.band_texts, first.middle)
    }


def test_an_area_on_its_own(fixture_app):
    filters = Filters(area="north_northamptonshire")
    buckets = queries.section_buckets(filters)
    assert counts(buckets["commitment"]) == [0, 1, 1, 0, 1, 1, 1, 0, 0, 1]
    row = distribution_rows(get_content(), buckets, queries.headline(filters).organisations_with_results)[0]
    assert fits(row.organisations, 6)
    assert row.middle == "fewer than 10"  # 6 moved by at most 2 is under 10


def test_combined_filters_that_leave_fewer_than_5_show_nothing(fixture_app):
    filters = Filters(area="north_northamptonshire", org_type="cic")
    buckets = queries.section_buckets(filters)
    assert sum(counts(buckets["commitment"])) == 2
    row = distribution_rows(get_content(), buckets, queries.headline(filters).organisations_with_results)[0]
    assert row.organisations == "fewer than 5"
    assert set(row.band_texts) == {"fewer than 5"}
    assert row.band_counts == (None,) * 5
    assert row.middle == "fewer than 10"
    assert not row.enough and row.few


def test_group_filter(fixture_app):
    # Homelessness: C1, C2, C4, C6.
    assert sum(counts(queries.section_buckets(Filters(group="homelessness"))["commitment"])) == 4
    assert sum(counts(queries.section_buckets(Filters(group="drugs_alcohol", size_band="under_10"))["impact"])) == 7


def test_period_picks_the_latest_audit_in_the_period(fixture_app):
    old = quarter_of(OLD_DAYS)
    old_quarter = Filters(*period_range(f"{old[0]}-q{old[1]}", utcnow().date()))
    assert counts(queries.section_buckets(old_quarter)["commitment"]) == [0] * 9 + [1]  # C1's older audit, 90%
    assert headline_counts(old_quarter)[2:] == (1, 1)
    recent = utcnow() - timedelta(days=RECENT_DAYS)
    recent_buckets = queries.section_buckets(Filters(start=datetime(recent.year, recent.month, 1)))
    assert counts(recent_buckets["commitment"]) == ALL_BUCKETS


def test_quarters(fixture_app):
    organisations, buckets = queries.quarter_buckets(ALL)
    recent, old = quarter_of(RECENT_DAYS), quarter_of(OLD_DAYS)
    assert {quarter: cell.count for quarter, cell in organisations.items()} == {recent: 16, old: 1}
    assert counts(buckets[recent]["access"]) == ALL_BUCKETS
    assert counts(buckets[old]["access"]) == [0] * 9 + [1]


def test_gaps_count_latest_audits_only(fixture_app):
    gaps = queries.question_gaps(ALL)
    # C1's older audit said "dont_know" to named_lead: it must not count (that would make 3).
    assert [(gap.question_id, gap.not_started.count, gap.dont_know.count) for gap in gaps] == [
        ("local_partnerships", 1, 0),
        ("named_lead", 6, 2),
        ("trustees_discuss", 0, 5),
    ]
    rows = gap_rows(get_content(), gaps, queries.headline(ALL).organisations_with_results)
    # local_partnerships: only 1 organisation, at most 3 after the change, so never listed; trustees_discuss: 5,
    # so listed when its change is not negative.
    listed = [row.question_id for row in rows]
    assert "named_lead" in listed and set(listed) <= {"named_lead", "trustees_discuss"}
    rows.sort(key=lambda row: row.question_id != "named_lead")
    assert fits(rows[0].not_started, 6) and rows[0].dont_know == "fewer than 5"
    lead = rows[0]
    content = get_content()
    assert lead.question == content.questions["named_lead"].text
    assert lead.section == content.sections_by_id["commitment"].title
    assert lead.principle == content.config.principles[1]
    assert lead.topics and all(title for _, title in lead.topics)
    # Only the advice for organisations that have not started or do not know: never what is meant for those
    # already doing well ("strengthen", "sustain").
    kinds = {s.id: s.meta.kind for s in content.snippets}
    assert {kinds[snippet_id] for snippet_id, _ in lead.topics} <= {"get-started", "find-out"}
    for_gaps = [s for s in content.snippets if "named_lead" in s.meta.questions and s.meta.kind in kinds_for_gaps()]
    tags = {tag for s in for_gaps for tag in s.meta.core20plus5}
    assert lead.core20plus5 == tuple(content.config.core20plus5[tag] for tag in sorted(tags, key=list(tags).index))


def kinds_for_gaps() -> tuple[str, ...]:
    return ("get-started", "find-out")


def test_gaps_hidden_when_fewer_than_5_organisations(fixture_app):
    filters = Filters(area="west_northamptonshire")  # K1 to K3
    gaps = queries.question_gaps(filters)
    assert gaps and gap_rows(get_content(), gaps, queries.headline(filters).organisations_with_results) == []


def test_similar_organisations(fixture_app):
    k1 = queries.shared_organisations(queries.Scope(areas=frozenset({"west_northamptonshire"})))[0]
    # Same type (charity: C1-C4, K2) or same size (under 10: C1, C2, C5, K2, D1-D7), excluding K1 itself.
    population, buckets = queries.similar_buckets(k1.id, "charity", "under_10")
    assert population.count == 13
    assert sum(counts(buckets["commitment"])) == 13
    assert queries.similar_buckets(k1.id, None, None) == (Cell(), {})
