"""Scoring against the fixture content, with every expected value worked out by hand."""

from __future__ import annotations

import pytest

from inclusion_audit.engine import Content, Profile, score, visible_questions
from inclusion_audit.engine.scoring import band_for, percent_of

SMALL_CHARITY = Profile(name="Small charity", org_type="charity", size_band="under_10")
VOLUNTEERS = Profile(name="Volunteer group", size_band="volunteer_only")


def results_by_id(content: Content, profile: Profile, answers: dict[str, object]) -> dict:
    results, _ = score(content, profile, answers)
    return {result.section_id: result for result in results}


def test_section_percent_points_and_band(content: Content) -> None:
    # early (1) + embedded (3) + partly (2) = 6 of 9 points = 66.7% -> 67, Developing.
    answers = {"named_lead": "early", "trustees_discuss": "embedded", "budget": "partly"}
    commitment = results_by_id(content, SMALL_CHARITY, answers)["commitment"]
    assert (commitment.points, commitment.max_points, commitment.percent) == (6, 9, 67)
    assert (commitment.band, commitment.band_label) == ("developing", "Developing")
    assert (commitment.answered, commitment.questions) == (3, 3)


def test_percent_rounds_halves_up() -> None:
    assert percent_of(15, 24) == 63  # 62.5
    assert percent_of(1, 6) == 17  # 16.67
    assert percent_of(1, 3) == 33  # 33.3
    assert percent_of(0, 9) == 0
    assert percent_of(9, 9) == 100


def test_band_boundaries(content: Content) -> None:
    bands = content.config.stages
    assert [band_for(bands, p).id for p in (0, 39, 40, 74, 75, 100)] == [
        "emerging",
        "emerging",
        "developing",
        "developing",
        "established",
        "established",
    ]
    assert band_for(bands, None) is None


def test_not_applicable_and_dont_know_are_left_out(content: Content) -> None:
    base = {"named_lead": "embedded", "budget": "early"}
    without = results_by_id(content, SMALL_CHARITY, base)["commitment"]
    with_na = results_by_id(content, SMALL_CHARITY, {**base, "trustees_discuss": "not_applicable"})["commitment"]
    with_dk = results_by_id(content, SMALL_CHARITY, {**base, "trustees_discuss": "dont_know"})["commitment"]
    assert without.percent == with_na.percent == with_dk.percent == 67  # 4 of 6
    assert (with_na.not_applicable, with_na.dont_know, with_na.answered) == (1, 0, 3)
    assert (with_dk.not_applicable, with_dk.dont_know, with_dk.answered) == (0, 1, 3)


def test_not_applicable_never_lowers_a_low_score(content: Content) -> None:
    base = {"named_lead": "not_started"}
    assert results_by_id(content, SMALL_CHARITY, base)["commitment"].percent == 0
    changed = results_by_id(content, SMALL_CHARITY, {**base, "budget": "not_applicable"})["commitment"]
    assert changed.percent == 0


def test_nothing_scorable_gives_no_percent(content: Content) -> None:
    answers = {"named_lead": "dont_know", "trustees_discuss": "not_applicable"}
    results, overall = score(content, SMALL_CHARITY, answers)
    commitment, communities = results
    assert (commitment.percent, commitment.band, commitment.band_label) == (None, None, None)
    assert (commitment.max_points, commitment.dont_know, commitment.not_applicable) == (0, 1, 1)
    assert communities.percent is None and communities.answered == 0
    assert overall.percent is None and overall.band is None


def test_overall_counts_every_scored_answer(content: Content) -> None:
    # commitment: embedded (3); communities: not_started (0) and yes (3): 6 of 9 = 67%.
    answers = {
        "named_lead": "embedded",
        "know_groups": "not_started",
        "monitoring": "yes",
        "trustees_discuss": "dont_know",
    }
    _, overall = score(content, SMALL_CHARITY, answers)
    assert (overall.percent, overall.band, overall.dont_know, overall.not_applicable) == (67, "developing", 1, 0)


def test_hidden_question_is_not_shown_and_its_answer_is_ignored(content: Content) -> None:
    answers = {"named_lead": "embedded", "budget": "not_started"}
    shown = [q.id for q in visible_questions(content, "commitment", VOLUNTEERS, answers)]
    assert shown == ["named_lead", "trustees_discuss"]
    commitment = results_by_id(content, VOLUNTEERS, answers)["commitment"]
    assert (commitment.percent, commitment.questions, commitment.answered) == (100, 2, 1)
    # For a larger organisation the same question is shown and its answer counts.
    assert results_by_id(content, SMALL_CHARITY, answers)["commitment"].percent == 50


def test_show_when_depends_on_earlier_answer(content: Content) -> None:
    answers = {"missing_people": "embedded"}
    assert [q.id for q in visible_questions(content, "communities", SMALL_CHARITY, answers)] == [
        "know_groups",
        "monitoring",
    ]
    assert results_by_id(content, SMALL_CHARITY, answers)["communities"].percent is None
    answers["know_groups"] = "early"
    shown = [q.id for q in visible_questions(content, "communities", SMALL_CHARITY, answers)]
    assert shown == ["know_groups", "monitoring", "missing_people"]
    assert results_by_id(content, SMALL_CHARITY, answers)["communities"].percent == 67  # 1 + 3 of 6


def test_custom_options_score_and_unscored_option(content: Content) -> None:
    assert results_by_id(content, SMALL_CHARITY, {"monitoring": "yes"})["communities"].percent == 100
    unsure = results_by_id(content, SMALL_CHARITY, {"monitoring": "unsure"})["communities"]
    assert (unsure.percent, unsure.answered, unsure.dont_know) == (None, 1, 0)
    # A standard-scale value is not an answer to a question with its own options.
    assert results_by_id(content, SMALL_CHARITY, {"monitoring": "embedded"})["communities"].answered == 0


@pytest.mark.parametrize(
    "junk",
    [
        {"no_such_question": "embedded"},
        {"named_lead": "fully"},
        {"named_lead": 3, "trustees_discuss": None, "budget": ["early"]},
        {7: "early"},
    ],
)
def test_junk_answers_are_ignored(content: Content, junk: dict) -> None:
    results, overall = score(content, SMALL_CHARITY, junk)
    assert all(r.percent is None and r.answered == 0 for r in results)
    assert overall.percent is None


def test_unknown_section_has_no_visible_questions(content: Content) -> None:
    assert visible_questions(content, "nowhere", SMALL_CHARITY, {}) == []


def test_too_few_scored_answers_give_not_enough_answers(builder) -> None:
    builder.config["scoring"]["min_scored_share"] = 0.5
    content = builder.load()
    # Commitment asks 3 questions of a charity with staff: 1 scored of 3 is under half.
    one = results_by_id(content, SMALL_CHARITY, {"named_lead": "embedded", "trustees_discuss": "dont_know"})
    assert (one["commitment"].percent, one["commitment"].band, one["commitment"].scored) == (None, None, 1)
    two = results_by_id(content, SMALL_CHARITY, {"named_lead": "embedded", "budget": "early"})
    assert two["commitment"].percent == 67  # 2 of 3 is enough


def test_does_not_apply_cannot_turn_a_few_strong_answers_into_a_high_score(builder) -> None:
    builder.config["scoring"]["min_scored_share"] = 0.5
    content = builder.load()
    # Only trustees_discuss offers "does not apply"; it leaves the question out of the share as well.
    answers = {"named_lead": "embedded", "trustees_discuss": "not_applicable", "budget": "dont_know"}
    commitment = results_by_id(content, SMALL_CHARITY, answers)["commitment"]
    assert (commitment.percent, commitment.not_applicable, commitment.dont_know) == (100, 1, 1)  # 1 of 2 applicable
    # A question that does not word "does not apply" never accepts it.
    assert results_by_id(content, SMALL_CHARITY, {"named_lead": "not_applicable"})["commitment"].answered == 0


def test_review_questions_are_not_scored_on_a_first_audit(builder) -> None:
    builder.sections["01-commitment"]["questions"][1]["review"] = True
    content = builder.load()
    answers = {"named_lead": "embedded", "trustees_discuss": "not_started", "budget": "embedded"}
    first, _ = score(content, SMALL_CHARITY, answers, first_audit=True)
    later, _ = score(content, SMALL_CHARITY, answers, first_audit=False)
    assert (first[0].percent, first[0].not_scored_first_audit, first[0].answered) == (100, 1, 3)
    assert (later[0].percent, later[0].not_scored_first_audit) == (67, 0)


def test_answers_stored_under_an_old_id_are_read(builder) -> None:
    builder.sections["01-commitment"]["questions"][0]["renamed_from"] = ["leader_named"]
    content = builder.load()
    assert results_by_id(content, SMALL_CHARITY, {"leader_named": "embedded"})["commitment"].answered == 1
    # The current id wins when both are present.
    both = {"leader_named": "embedded", "named_lead": "not_started", "budget": "not_started"}
    assert results_by_id(content, SMALL_CHARITY, both)["commitment"].points == 0


def test_the_anonymous_by_design_answer_scores_at_the_top(builder) -> None:
    monitoring = builder.sections["02-communities"]["questions"][1]
    monitoring["options"].insert(2, {"value": "anonymous", "label": "No records, on purpose", "score": 3})
    content = builder.load()
    assert results_by_id(content, SMALL_CHARITY, {"monitoring": "anonymous"})["communities"].percent == 100
