"""What changed between two submitted audits of the same organisation."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Content, Guide


@dataclass(frozen=True)
class SectionChange:
    title: str
    before: int | None
    after: int | None
    section_id: str = ""

    @property
    def change(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class QuestionChange:
    section_title: str
    text: str
    before: str
    after: str
    direction: int  # +1 better, -1 worse


def section_changes(content: Content, before: Guide, after: Guide) -> list[SectionChange]:
    """Each section's score before and after, following any renamed section ids."""
    earlier = {
        content.section_ids.get(section.result.section_id, section.result.section_id): section.result.percent
        for section in before.sections
    }
    return [
        SectionChange(
            section.result.title,
            earlier.get(section.result.section_id),
            section.result.percent,
            section.result.section_id,
        )
        for section in after.sections
    ]


def question_changes(content: Content, before: dict[str, str], after: dict[str, str]) -> list[QuestionChange]:
    """Questions whose scored answer went up or down. Unscored answers (not sure, not applicable) are not compared.
    Answers stored under a question's earlier id count as that question's."""
    before, after = content.current_answers(before), content.current_answers(after)
    changes = []
    for section in content.sections:
        for question in section.questions:
            old, new = question.option(before.get(question.id, "")), question.option(after.get(question.id, ""))
            if old is None or new is None or old.score is None or new.score is None or old.score == new.score:
                continue
            direction = 1 if new.score > old.score else -1
            changes.append(QuestionChange(section.title, question.text, old.label, new.label, direction))
    return changes
