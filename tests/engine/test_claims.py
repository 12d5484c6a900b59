"""The contradiction proof: a rule that can show a snippet for answers its text does not assume is caught."""

from __future__ import annotations

from inclusion_audit.engine.claims import contradictions

from .content_builder import ContentBuilder


def test_the_fixture_content_cannot_contradict_its_answers(builder: ContentBuilder) -> None:
    assert contradictions(builder.load()) == []


def test_praise_for_two_answers_shown_when_only_one_is_high_is_a_contradiction(builder: ContentBuilder) -> None:
    # The old sustain pattern: shown when either is high, but praising both.
    builder.snippet("commitment-sustain")["when"] = 'named_lead == "embedded" or trustees_discuss == "embedded"'
    problems = contradictions(builder.load())
    assert any(
        p.startswith("snippets/commitment/commitment-sustain.md: claims.trustees_discuss: the rule also holds when")
        and 'named_lead = "embedded"' in p
        for p in problems
    ), problems


def test_a_strengthen_rule_that_also_holds_for_a_low_answer_is_reported(builder: ContentBuilder) -> None:
    # Its claim is fine, but the rule lets it show beside lead-get-started for an "early" answer.
    lead = builder.snippet("lead-strengthen")
    lead["when"] = 'named_lead in ["early", "partly"]'
    problems = contradictions(builder.load())
    assert any(
        'lead-strengthen.md: claims.named_lead: the rule also holds when named_lead is "early"' in p for p in problems
    )


def test_a_claim_about_a_question_the_rule_never_checks_cannot_be_proved(builder: ContentBuilder) -> None:
    builder.snippet("lead-get-started")["claims"]["trustees_discuss"] = ["not_started"]
    problems = contradictions(builder.load())
    assert (
        "snippets/commitment/lead-get-started.md: claims.trustees_discuss: the rule never checks this question, "
        "so it cannot assume an answer" in problems
    )


def test_a_group_module_must_only_show_for_its_group(builder: ContentBuilder) -> None:
    builder.snippet("migrants-module")["when"] = '"migrants_refugees" in groups or size_band == "under_10"'
    problems = contradictions(builder.load())
    assert any(p.startswith("snippets/groups/migrants-module.md: group: shown when") for p in problems), problems
    builder.snippet("migrants-module")["when"] = "true"
    assert 'snippets/groups/migrants-module.md: when: the rule must check that "migrants_refugees" is in groups' in (
        contradictions(builder.load())
    )


def test_a_tailored_variant_is_still_proved(builder: ContentBuilder) -> None:
    # Rules may narrow by size, area or families; the claim about the answer must still hold.
    builder.snippet("lead-get-started")["when"] = (
        'named_lead in ["not_started", "early"] and size_band == "volunteer_only" and works_with_families != true'
    )
    assert contradictions(builder.load()) == []


def test_overlapping_claims_of_get_started_and_sustain_guidance_are_reported(builder: ContentBuilder) -> None:
    from dataclasses import replace

    from inclusion_audit.engine.claims import _clashes

    content = builder.load()
    # The loader refuses such claims, so build the clash directly: get-started assuming a top answer.
    snippets = tuple(
        replace(s, meta=s.meta.model_copy(update={"claims": {"named_lead": ["early", "embedded"]}}))
        if s.id == "lead-get-started"
        else s
        for s in content.snippets
    )
    clashing = replace(content, snippets=snippets)
    assert _clashes(clashing) == [
        "snippets/commitment/lead-get-started.md: claims.named_lead: can appear with "
        'snippets/commitment/commitment-sustain.md (sustain) when named_lead is "embedded"'
    ]
    assert _clashes(content) == []
