"""Guides stay short enough to act on: the issue's word and page targets, measured on the real PDF."""

from __future__ import annotations

import datetime
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inclusion_audit.engine import Content, Profile, build_guide
from inclusion_audit.engine.answers_file import load_example
from inclusion_audit.guide.pdf import guide_figures
from tests.engine.real_content import EXAMPLES, real_content

DAY = datetime.date(2026, 12, 1)
MAX_PAGES = 16


def figures_for(content: Content, profile: Profile, answers: dict[str, str], first_audit: bool = True):
    return guide_figures(build_guide(content, profile, answers, first_audit=first_audit), generated_on=DAY)


def test_the_starting_out_guide_is_at_most_2500_words_and_12_pages() -> None:
    content = real_content()
    example = load_example(content, EXAMPLES / "starting-out.yml")
    figures = figures_for(content, example.profile, example.answers, example.first_audit)
    assert figures.words <= 2_500
    assert figures.pages <= 12
    assert figures.words > 1_000, "the count covers the guidance itself, not just headings"


@pytest.mark.parametrize("name", sorted(path.stem for path in EXAMPLES.glob("*.yml")))
def test_every_example_guide_is_at_most_16_pages(name: str) -> None:
    content = real_content()
    example = load_example(content, EXAMPLES / f"{name}.yml")
    assert figures_for(content, example.profile, example.answers, example.first_audit).pages <= MAX_PAGES


def every_group(content: Content, size_band: str, area: str) -> Profile:
    lists = content.config.profile
    return Profile(
        name="Riverside Community Trust, Drop-in and Outreach Project for the Whole County",
        org_type="charity",
        size_band=size_band,
        area=area,
        groups=tuple(lists.groups),
        works_with_families=True,
        other_groups="Care leavers, veterans and survivors of domestic abuse",
    )


def wordiest_answers(content: Content, profile: Profile) -> dict[str, str]:
    """For each question, the answer whose guidance is longest (guidance follows each answer on its own)."""
    answers = {}
    for question in content.questions.values():

        def words(value: str, question_id: str = question.id) -> int:
            guide = build_guide(content, profile, {question_id: value})
            return sum(len(s.body_markdown.split()) for sec in guide.sections for s in sec.snippets)

        answers[question.id] = max(question.values, key=words)
    return answers


def test_no_guide_is_over_16_pages_even_with_every_group_and_the_longest_answers() -> None:
    content = real_content()
    lists = content.config.profile
    for size_band, area in itertools.product(("volunteer_only", "over_50"), lists.areas):
        profile = every_group(content, size_band, area)
        patterns = {
            "wordiest": wordiest_answers(content, profile),
            **{value: dict.fromkeys(content.questions, value) for value in ("not_started", "partly", "dont_know")},
        }
        for name, answers in patterns.items():
            pages = figures_for(content, profile, answers).pages
            assert pages <= MAX_PAGES, f"{size_band}, {area}, {name} answers: {pages} pages"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_answers_with_every_group_stay_within_16_pages(data: st.DataObject) -> None:
    content = real_content()
    lists = content.config.profile
    profile = every_group(
        content, data.draw(st.sampled_from(sorted(lists.size_bands))), data.draw(st.sampled_from(sorted(lists.areas)))
    )
    answers = {q.id: data.draw(st.sampled_from(q.values)) for q in content.questions.values()}
    assert figures_for(content, profile, answers, first_audit=data.draw(st.booleans())).pages <= MAX_PAGES
