"""What one organisation adds to the stored dashboard counts."""

from __future__ import annotations

from datetime import datetime

from inclusion_audit.queries.tally_cells import (
    ANSWER,
    CURRENT,
    QUARTER,
    RESULTS,
    SCORE,
    YEAR,
    Cell,
    ProfileKeys,
    SubmittedAudit,
    bucket_of,
    contributing,
    count_cells,
    month_number,
    quarter_number,
    scope_for,
    scopes_of,
    slots_of,
)

JAN, FEB, MAY = datetime(2026, 1, 10), datetime(2026, 2, 20), datetime(2026, 5, 1)
LAST_DEC = datetime(2025, 12, 30)


def test_buckets_match_the_bands_coordinators_see():
    assert [bucket_of(p) for p in (0, 9, 10, 19, 89, 90, 99, 100)] == [0, 0, 1, 1, 8, 9, 9, 9]


def test_scopes_are_everyone_and_each_single_profile_answer():
    profile = ProfileKeys("north_northamptonshire", "charity", None, ("homelessness", "justice"))
    assert scopes_of(profile) == [
        "",
        "area=north_northamptonshire",
        "org_type=charity",
        "group=homelessness",
        "group=justice",
    ]
    assert scopes_of(ProfileKeys(None, None, None, ())) == [""]


def test_two_profile_filters_have_no_stored_scope():
    assert scope_for(None, None, None, None) == ""
    assert scope_for("north_northamptonshire", None, None, None) == "area=north_northamptonshire"
    assert scope_for(None, None, None, "justice") == "group=justice"
    assert scope_for("north_northamptonshire", None, None, "justice") is None


def test_one_audit_counts_as_current_and_for_its_quarter_and_year():
    audit = SubmittedAudit(1, JAN)
    assert sorted(contributing([audit])) == sorted(
        [(CURRENT, month_number(JAN), audit), (QUARTER, quarter_number(JAN), audit), (YEAR, 2026, audit)]
    )


def test_a_later_audit_replaces_an_earlier_one_in_the_same_quarter_and_year():
    older, newer, later = SubmittedAudit(1, JAN), SubmittedAudit(2, FEB), SubmittedAudit(3, MAY)
    chosen = {(span, period): audit.id for span, period, audit in contributing([later, older, newer])}
    assert chosen == {
        (CURRENT, month_number(MAY)): 3,
        (QUARTER, quarter_number(JAN)): 2,  # January and February share a quarter: February's counts
        (QUARTER, quarter_number(MAY)): 3,
        (YEAR, 2026): 3,
    }


def test_audits_submitted_in_the_same_second_are_ordered_by_id():
    first, second = SubmittedAudit(7, JAN), SubmittedAudit(8, JAN)
    assert {audit.id for _, _, audit in contributing([second, first])} == {8}


def test_counting_puts_each_fact_in_every_slot_and_scope():
    slots = slots_of({10: [SubmittedAudit(1, LAST_DEC), SubmittedAudit(2, JAN)], 20: [SubmittedAudit(3, JAN)]})
    scopes = {10: ["", "area=north_northamptonshire"], 20: [""]}
    facts = [
        (1, RESULTS, "", ""),
        (2, RESULTS, "", ""),
        (3, RESULTS, "", ""),
        (2, SCORE, "access", "4"),
        (3, SCORE, "access", "4"),
        (2, ANSWER, "named_lead", "dont_know"),
        (99, RESULTS, "", ""),  # an audit that does not count (not submitted, say) is skipped
    ]
    counts = count_cells(scopes, slots, facts)
    january = month_number(JAN)
    assert counts[Cell("", CURRENT, january, RESULTS, "", "")] == 2
    assert counts[Cell("area=north_northamptonshire", CURRENT, january, RESULTS, "", "")] == 1
    assert counts[Cell("", CURRENT, january, SCORE, "access", "4")] == 2
    assert counts[Cell("area=north_northamptonshire", YEAR, 2026, ANSWER, "named_lead", "dont_know")] == 1
    # The December audit is no one's current audit, but it is the latest of its quarter and year.
    assert counts[Cell("area=north_northamptonshire", QUARTER, quarter_number(LAST_DEC), RESULTS, "", "")] == 1
    assert counts[Cell("", YEAR, 2025, RESULTS, "", "")] == 1
    assert counts[Cell("", CURRENT, month_number(LAST_DEC), RESULTS, "", "")] == 0
    # Organisation 10 (2 scopes): audit 1 has 1 fact in 2 slots (its quarter and year); audit 2 has 3 facts
    # in 3 slots. Organisation 20 (1 scope): audit 3 has 2 facts in 3 slots.
    assert sum(counts.values()) == 1 * 2 * 2 + 3 * 3 * 2 + 2 * 3 * 1
