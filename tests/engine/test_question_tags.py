"""Every question carries its tags (principle, theme, training topic, Core20PLUS5 areas), and a tag that
config.yml does not list stops the content loading with the file and field named, as `flask content check` shows."""

from __future__ import annotations

import pytest

from inclusion_audit.engine import ContentError, load_content

from .content_builder import ContentBuilder


def problems_with(builder: ContentBuilder) -> tuple[str, ...]:
    with pytest.raises(ContentError) as caught:
        builder.load()
    return caught.value.problems


def first_tags(builder: ContentBuilder) -> dict:
    return builder.sections["01-commitment"]["questions"][0]["tags"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("theme", "gardening", 'questions[0].tags.theme: unknown theme "gardening" (not in config.yml themes)'),
        ("training", "juggling", 'questions[0].tags.training: unknown training topic "juggling"'),
        ("core20plus5", ["plus_groups", "dentistry"], "questions[0].tags.core20plus5[1]: unknown Core20PLUS5 tag"),
        ("principle", 5, "questions[0].tags.principle: 5 is not a principle in config.yml"),
    ],
)
def test_an_unknown_tag_is_an_error_naming_the_file_and_field(builder, field, value, message):
    first_tags(builder)[field] = value
    problems = problems_with(builder)
    assert any(p.startswith("sections/01-commitment.yml: ") and message in p for p in problems), problems


def test_every_tag_must_be_declared(builder):
    del first_tags(builder)["training"]
    del builder.sections["02-communities"]["questions"][0]["tags"]
    problems = " ".join(problems_with(builder))
    assert "sections/01-commitment.yml" in problems and "training" in problems
    assert "sections/02-communities.yml" in problems and "tags" in problems


def test_the_real_content_tags_every_question_with_listed_tags():
    content = load_content("content")
    config = content.config
    assert len(content.questions) == 33
    for question in content.questions.values():
        tags = question.tags
        assert tags is not None, question.id
        assert tags.principle in config.principles
        assert tags.theme in config.themes and tags.training in config.training_topics, question.id
        assert set(tags.core20plus5) <= set(config.core20plus5), question.id
    # Each theme and training topic listed is used, so a coordinator's grouping has no empty entries.
    assert {q.tags.theme for q in content.questions.values()} == set(config.themes)
    assert {q.tags.training for q in content.questions.values()} == set(config.training_topics)
    assert content.questions["health_promotion"].tags.core20plus5 == [
        "respiratory",
        "early_cancer_diagnosis",
        "hypertension",
        "smoking_cessation",
    ]


def test_content_check_reports_the_tags(runner):
    output = runner.invoke(args=["content", "check"]).output
    assert "Question tags: 33 of 33 questions tagged; 13 of 13 themes, 17 of 17 training topics" in output
