"""The tags every question carries (principle, theme, training topic, Core20PLUS5 areas), checked against the
lists in config.yml, so a coordinator's grouping of needs never meets a tag nobody defined."""

from __future__ import annotations

from .content import Content
from .schema import Config, QuestionTags


def tag_problems(config: Config, tags: QuestionTags) -> list[tuple[str, str]]:
    """(field under `tags`, message) for each tag not listed in config.yml."""
    problems = []
    if tags.principle not in config.principles:
        problems.append(("principle", f"{tags.principle} is not a principle in config.yml"))
    if tags.theme not in config.themes:
        problems.append(("theme", f'unknown theme "{tags.theme}" (not in config.yml themes)'))
    if tags.training not in config.training_topics:
        problems.append(("training", f'unknown training topic "{tags.training}" (not in config.yml training_topics)'))
    for index, area in enumerate(tags.core20plus5):
        if area not in config.core20plus5:
            problems.append((f"core20plus5[{index}]", f'unknown Core20PLUS5 tag "{area}" (not in config.yml)'))
    return problems


def tag_summary(content: Content) -> str:
    """One line for `flask content check`: how many tags the questions use, of those config.yml lists."""
    tags = [question.tags for question in content.questions.values() if question.tags is not None]
    themes = {t.theme for t in tags}
    topics = {t.training for t in tags}
    areas = {area for t in tags for area in t.core20plus5}
    config = content.config
    return (
        f"Question tags: {len(tags)} of {len(content.questions)} questions tagged; "
        f"{len(themes)} of {len(config.themes)} themes, {len(topics)} of {len(config.training_topics)} training "
        f"topics and {len(areas)} of {len(config.core20plus5)} Core20PLUS5 areas in use"
    )
