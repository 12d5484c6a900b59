"""The SQL aggregates against figures worked out by hand from tests/coordinator/fixture.py."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from inclusion_audit.coordinator.stats import quartiles

from inclusion_audit import queries
from inclusion_audit.content_store import get_content
from inclusion_audit.coordinator.figures import distribution_rows, gap_rows, headline_rows
from inclusion_audit.coordinator.filters import period_range
from inclusion_audit.models import utcnow
from inclusion_audit.queries import Filters
from inclusion_audit.queries import dashboard as dashboard_queries

from .fixture import OLD_DAYS, RECENT_DAYS, build, quarter_of

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


def test_headline_counts_every_organisation_and_audit(fixture_app):
    # 16 organisations with results, 1 in progress, 1 without a profile; C1 has two submitted audits.
    assert queries.headline(ALL) == queries.Headline(18, 18, 17, 16)
    assert headline_rows(queries.headline(ALL)) == [
        ("Organisations registered", "20"),
        ("Audits started", "20"),
        ("Audits submitted", "15"),
        ("Organisations with a submitted audit", "15"),
    ]


def test_headline_with_a_type_filter(fixture_app):
    # Charities: C1-C4, K1, K2 and the unsubmitted Corby charity; C1 started and submitted twice.
    assert queries.headline(Filters(org_type="charity")) == queries.Headline(7, 8, 7, 6)


def test_distribution_uses_each_organisations_latest_audit(fixture_app):
    buckets = queries.section_buckets(ALL)
    assert set(buckets) == {section.id for section in get_content().sections}
    assert all(counts == ALL_BUCKETS for counts in buckets.values())


def test_quartiles_by_hand(fixture_app):
    # N=16. Lower: 4th score falls in bucket 40-49 (3 below, 1 in it) -> 40 + 10 * 1/1 = 50.
    # Median: 8th in bucket 60-69 (6 below, 5 in it) -> 60 + 10 * 2/5 = 64.
    # Upper: 12th in bucket 70-79 (11 below, 4 in it) -> 70 + 10 * 1/4 = 72.5, rounded half up to 73.
    spread = quartiles(ALL_BUCKETS)
    assert (spread.lower, spread.median, spread.upper) == (50, 64, 73)


def test_distribution_rows_round_and_suppress(fixture_app):
    rows = distribution_rows(get_content(), queries.section_buckets(ALL))
    first = rows[0]
    # Bands of 20 points. 0-19: 10 -> 1; 20-39: 25, 30 -> 2; 40-59: 45, 50, 55 -> 3; 60-79: 9; 80-100: 95 -> 1.
    assert first.organisations == "15"
    assert first.band_texts == ("fewer than 5", "fewer than 5", "fewer than 5", "10", "fewer than 5")
    assert first.band_counts == (None, None, None, 10, None)
    assert first.statistic_texts() == ("50%", "64%", "73%")


def test_an_area_on_its_own(fixture_app):
    buckets = queries.section_buckets(Filters(area="north_northamptonshire"))
    assert buckets["commitment"] == [0, 1, 1, 0, 1, 1, 1, 0, 0, 1]
    row = distribution_rows(get_content(), buckets)[0]
    # N=6: lower 1.5th -> 20 + 10 * 0.5 = 25; median 3rd -> 40 + 10 = 50; upper 4.5th -> 60 + 5 = 65.
    assert row.organisations == "5"
    assert row.statistic_texts() == ("25%", "50%", "65%")


def test_combined_filters_that_leave_fewer_than_5_show_nothing(fixture_app):
    buckets = queries.section_buckets(Filters(area="north_northamptonshire", org_type="charity"))
    assert sum(buckets["commitment"]) == 4
    row = distribution_rows(get_content(), buckets)[0]
    assert row.organisations == "fewer than 5"
    assert set(row.band_texts) == {"fewer than 5"}
    assert row.band_counts == (None,) * 5
    assert row.statistic_texts() == ("fewer than 5",) * 3
    assert not row.enough


def test_group_filter(fixture_app):
    # Homelessness: C1, C2, C4, C6.
    assert sum(queries.section_buckets(Filters(group="homelessness"))["commitment"]) == 4
    assert sum(queries.section_buckets(Filters(group="drugs_alcohol", size_band="under_10"))["impact"]) == 7


def test_period_picks_the_latest_audit_in_the_period(fixture_app):
    old = quarter_of(OLD_DAYS)
    old_quarter = Filters(*period_range(f"{old[0]}-q{old[1]}", utcnow().date()))
    assert queries.section_buckets(old_quarter)["commitment"] == [0] * 9 + [1]  # C1's older audit, 90%
    headline = queries.headline(old_quarter)
    assert (headline.audits_submitted, headline.organisations_with_results) == (1, 1)
    recent = utcnow() - timedelta(days=RECENT_DAYS)
    assert queries.section_buckets(Filters(start=datetime(recent.year, recent.month, 1)))["commitment"] == ALL_BUCKETS


def test_quarters(fixture_app):
    organisations, buckets = queries.quarter_buckets(ALL)
    recent, old = quarter_of(RECENT_DAYS), quarter_of(OLD_DAYS)
    assert organisations == {recent: 16, old: 1}
    assert buckets[recent]["access"] == ALL_BUCKETS
    assert buckets[old]["access"] == [0] * 9 + [1]


def test_gaps_count_latest_audits_only(fixture_app):
    gaps = queries.question_gaps(ALL)
    # C1's older audit said "dont_know" to named_lead: it must not count (that would make 3).
    assert gaps == [
        queries.QuestionGap("named_lead", 6, 2),
        queries.QuestionGap("trustees_discuss", 0, 5),
        queries.QuestionGap("local_partnerships", 1, 0),
    ]
    rows = gap_rows(get_content(), gaps, 16)
    assert [(r.question_id, r.not_started, r.dont_know) for r in rows] == [
        ("named_lead", "5", "fewer than 5"),
        ("trustees_discuss", "0", "5"),
    ]  # local_partnerships: only 1 organisation, so not listed at all
    lead = rows[0]
    content = get_content()
    assert lead.question == content.questions["named_lead"].text
    assert lead.section == content.sections_by_id["commitment"].title
    assert lead.principle == content.config.principles[1]
    assert lead.topics and all(title for _, title in lead.topics)
    tags = {tag for s in content.snippets if "named_lead" in s.meta.questions for tag in s.meta.core20plus5}
    assert lead.core20plus5 == tuple(content.config.core20plus5[tag] for tag in sorted(tags, key=list(tags).index))


def test_gaps_hidden_when_fewer_than_5_organisations(fixture_app):
    gaps = queries.question_gaps(Filters(area="west_northamptonshire"))
    assert gaps and gap_rows(get_content(), gaps, 3) == []


def test_similar_organisations(fixture_app):
    k1 = queries.shared_organisations("west_northamptonshire")[0]
    # Same type (charity: C1-C4, K2) or same size (under 10: C1, C2, C5, K2, D1-D7), excluding K1 itself.
    count, buckets = queries.similar_buckets(k1.id, "charity", "under_10")
    assert count == 13
    assert sum(buckets["commitment"]) == 13
    assert queries.similar_buckets(k1.id, None, None) == (0, {})
