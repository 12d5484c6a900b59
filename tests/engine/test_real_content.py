"""The real content meets the coverage and size requirements in the content spec."""

from __future__ import annotations

import pytest

from inclusion_audit.engine import Content, Profile, build_guide, load_content

from .real_content import CONTENT_ROOT, guide_snippet_ids, require_real_content

EMPTY_PROFILE = Profile(name="")


@pytest.fixture(scope="module")
def content() -> Content:
    return require_real_content()


def triggered(content: Content, answers: dict[str, str], profile: Profile = EMPTY_PROFILE) -> set[str]:
    """Snippets shown with these answers that are not shown with no answers and an empty profile."""
    baseline = guide_snippet_ids(build_guide(content, EMPTY_PROFILE, {}))
    return guide_snippet_ids(build_guide(content, profile, answers)) - baseline


def test_real_content_reloads_to_the_same_version(content: Content) -> None:
    # Not timed: on a shared machine a time limit here fails for reasons that have nothing to do with the content.
    assert load_content(CONTENT_ROOT).version == content.version


def test_sizes_match_the_spec(content: Content) -> None:
    assert 28 <= len(content.questions) <= 40
    for section in content.sections:
        assert 6 <= len(section.questions) <= 8, f"{section.path} has {len(section.questions)} questions"
    assert len(content.snippets) >= 60


def test_every_question_has_a_snippet_for_low_middle_and_high_answers(content: Content) -> None:
    missing = []
    for question in content.questions.values():
        for option in question.options:
            if option.score is not None and not triggered(content, {question.id: option.value}):
                missing.append(f"{question.id} = {option.value} (score {option.score})")
    assert not missing, "answers that trigger no snippet:\n" + "\n".join(missing)


def test_every_dont_know_triggers_a_find_out_snippet(content: Content) -> None:
    kinds = {snippet.id: snippet.meta.kind for snippet in content.snippets}
    missing = [
        question.id
        for question in content.questions.values()
        if question.option("dont_know") is not None
        and not any(kinds[s] == "find-out" for s in triggered(content, {question.id: "dont_know"}))
    ]
    assert not missing, f"dont_know triggers no find-out snippet for: {missing}"


@pytest.mark.parametrize(
    "group",
    [
        "homelessness",
        "drugs_alcohol",
        "migrants_refugees",
        "gypsy_roma_traveller",
        "sex_workers",
        "justice",
        "modern_slavery",
        "other_excluded",
    ],
)
def test_each_group_has_a_module_shown_for_that_group_alone(content: Content, group: str) -> None:
    assert group in content.config.profile.groups
    guide = build_guide(content, Profile(name="", groups=(group,)), {})
    assert any(module.group == group for module in guide.group_modules)


def test_config_groups_are_the_ones_tested(content: Content) -> None:
    # If config.yml gains a group, the parametrised test above must list it too.
    assert len(content.config.profile.groups) == 8


def test_every_snippet_can_appear(content: Content) -> None:
    """No snippet is dead: each shows for a single answer, or for a group with every answer the same."""
    shown = guide_snippet_ids(build_guide(content, EMPTY_PROFILE, {}))
    for question in content.questions.values():
        for value in question.values:
            shown |= guide_snippet_ids(build_guide(content, EMPTY_PROFILE, {question.id: value}))
    scale = [option.value for option in content.config.answer_scale]
    for group in content.config.profile.groups:
        profile = Profile(name="", groups=(group,))
        for value in scale:
            shown |= guide_snippet_ids(build_guide(content, profile, dict.fromkeys(content.questions, value)))
    never = sorted({s.id for s in content.snippets} - shown)
    assert not never, f"snippets that no simple answer set shows: {never}"
