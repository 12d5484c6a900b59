"""Property tests on the real content: any answers and any profile give a sane, stable guide."""

from __future__ import annotations

from collections import Counter
from typing import Any

import rule_engine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusion_audit.engine import Content, Guide, Profile, build_guide, resolve_answers, score, visible_questions
from inclusion_audit.engine.rules import profile_values, result_values

from .real_content import guide_snippet_ids, has_sections, real_content, require_real_content

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    if not has_sections():
        return Profile(name="")
    lists = real_content().config.profile

    def maybe(keys: dict[str, str]) -> st.SearchStrategy[str | None]:
        return st.one_of(st.none(), st.sampled_from(sorted(keys))) if keys else st.none()

    area = draw(maybe(lists.areas))
    return Profile(
        name=draw(st.text(max_size=20)),
        org_type=draw(maybe(lists.org_types)),
        size_band=draw(maybe(lists.size_bands)),
        area=area,
        local_area=draw(maybe(lists.local_areas.get(area or "", {}))),
        groups=tuple(draw(st.lists(st.sampled_from(sorted(lists.groups)), unique=True))),
        works_with_families=draw(st.sampled_from([None, True, False])),
    )


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, str]:
    """Each question independently missing or given one of its own values."""
    if not has_sections():
        return {}
    questions = real_content().questions.values()
    optional = {q.id: st.sampled_from(q.values) for q in questions}
    return draw(st.fixed_dictionaries({}, optional=optional))


def independent_facts(content: Content, profile: Profile, answers: dict[str, str]) -> dict[str, Any]:
    """Rule values worked out from the public scoring API, to check the guide's choice of snippets."""
    shown = {q.id for s in content.sections for q in visible_questions(content, s.id, profile, answers)}
    facts: dict[str, Any] = {qid: (answers.get(qid) if qid in shown else None) for qid in content.questions}
    results, overall = score(content, profile, answers)
    return {**facts, **profile_values(profile), **result_values(results, overall), "first_audit": True}


def rule_holds(rule: rule_engine.Rule, facts: dict[str, Any]) -> bool:
    try:
        return bool(rule.matches(facts))
    except rule_engine.errors.EvaluationError:
        return False


@SETTINGS
@given(profile=profiles(), answers=answer_sets())
def test_percents_are_in_range_and_bands_match(profile: Profile, answers: dict[str, str]) -> None:
    content = require_real_content()
    results, overall = score(content, profile, answers)
    for result in [*results, overall]:
        assert result.percent is None or 0 <= result.percent <= 100
        assert (result.percent is None) == (result.band is None) == (result.band_label is None)
    for result in results:
        assert 0 <= result.points <= result.max_points
        assert result.answered <= result.questions


@SETTINGS
@given(profile=profiles(), answers=answer_sets())
def test_guide_is_non_empty_deterministic_and_has_a_short_action_plan(
    profile: Profile, answers: dict[str, str]
) -> None:
    content = require_real_content()
    guide = build_guide(content, profile, answers)
    assert [section.result.section_id for section in guide.sections] == [section.id for section in content.sections]
    # Coverage means any scored or "Not sure" answer to a shown question brings some guidance with it.
    counted = resolve_answers(content, profile, answers).values
    if any(value != "not_applicable" for value in counted.values()):
        assert guide_snippet_ids(guide)
    assert guide == build_guide(content, profile, dict(reversed(list(answers.items()))))
    ids = [action.snippet_id for action in guide.actions]
    assert len(ids) <= 5 and len(set(ids)) == len(ids)
    assert [action.rank for action in guide.actions] == list(range(1, len(ids) + 1))
    assert Guide.from_dict(guide.to_dict()) == guide


@SETTINGS
@given(profile=profiles(), answers=answer_sets())
def test_guide_shows_exactly_the_snippets_whose_rule_holds(profile: Profile, answers: dict[str, str]) -> None:
    content = require_real_content()
    facts = independent_facts(content, profile, answers)
    expected = {snippet.id for snippet in content.snippets if rule_holds(snippet.when_rule, facts)}
    guide = build_guide(content, profile, answers)
    assert guide_snippet_ids(guide) == expected
    assert {action.snippet_id for action in guide.actions} <= expected


@SETTINGS
@given(profile=profiles(), answers=answer_sets(), first_audit=st.booleans())
def test_no_guide_contradicts_the_answers_it_was_built_from(
    profile: Profile, answers: dict[str, str], first_audit: bool
) -> None:
    """Every snippet shown holds its claims, no question gets both first steps and praise, groups are served."""
    content = require_real_content()
    guide = build_guide(content, profile, answers, first_audit=first_audit)
    values = resolve_answers(content, profile, answers).values
    claims = {snippet.id: snippet.meta.claims for snippet in content.snippets}
    shown = [snippet for section in guide.sections for snippet in section.snippets]
    for snippet in shown:
        for question_id, allowed in claims[snippet.id].items():
            assert values.get(question_id) in allowed, f"{snippet.id} claims {question_id} in {allowed}"
    low = {q for snippet in shown if snippet.kind == "get-started" for q in snippet.questions}
    high = {q for snippet in shown if snippet.kind in ("strengthen", "sustain") for q in snippet.questions}
    assert not low & high
    assert {module.group for module in guide.group_modules} <= set(profile.groups)
    chapters = Counter(action.section_id or "groups" for action in guide.actions)
    assert not chapters or max(chapters.values()) <= 2


@SETTINGS
@given(profile=profiles(), answers=answer_sets(), data=st.data())
def test_not_sure_in_place_of_no_answer_never_changes_a_score(
    profile: Profile, answers: dict[str, str], data: st.DataObject
) -> None:
    """ "Not sure" cannot be used to lift a result: it counts neither for nor against, nor towards enough answers."""
    content = require_real_content()
    unanswered = [qid for qid in content.questions if qid not in answers]
    if not unanswered:
        return
    question_id = data.draw(st.sampled_from(unanswered))
    before, overall_before = score(content, profile, answers)
    after, overall_after = score(content, profile, {**answers, question_id: "dont_know"})
    for old, new in [*zip(before, after, strict=True), (overall_before, overall_after)]:
        assert new.percent == old.percent


@SETTINGS
@given(profile=profiles(), answers=answer_sets())
def test_a_score_needs_at_least_half_the_questions_that_apply(profile: Profile, answers: dict[str, str]) -> None:
    content = require_real_content()
    results, _ = score(content, profile, answers)
    for result in results:
        applicable = result.questions - result.not_applicable - result.not_scored_first_audit
        assert (result.percent is not None) == (result.scored > 0 and 2 * result.scored >= applicable)
