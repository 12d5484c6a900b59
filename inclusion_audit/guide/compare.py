"""What changed between two submitted audits of the same organisation."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Content, Guide
from ..engine.scoring import answer_for


@dataclass(frozen=True)
class SectionChange:
    title: str
    before: int | None
    after: int | None
    # Each side's stage as it was scored then (stored with its guide), not as today's content would say.
    before_stage: str | None = None
    after_stage: str | None = None
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
    """Each section's score and stage before and after, following any renamed section ids."""
    earlier = {
        content.section_ids.get(section.result.section_id, section.result.section_id): section.result
        for section in before.sections
    }
    changes = []
    for section in after.sections:
        old = earlier.get(section.result.section_id)
        changes.append(
            SectionChange(
                section.result.title,
                old.percent if old else None,
                section.result.percent,
                old.band_label if old else None,
                section.result.band_label,
                section.result.section_id,
            )
        )
    return changes


def question_changes(content: Content, before: dict[str, str], after: dict[str, str]) -> list[QuestionChange]:
    """Questions whose scored answer went up or down. Unscored answers (not sure, not applicable) are not compared.
    Answers stored under a question's earlier id count as that question's."""
    before, after = content.current_answers(before), content.current_answers(after)
    changes = []
    for section in content.sections:
        for question in section.questions:
            old = question.option(answer_for(question, before) or "")
            new = question.option(answer_for(question, after) or "")
            if old is None or new is None or old.score is None or new.score is None or old.score == new.score:
                continue
            direction = 1 if new.score > old.score else -1
            changes.append(QuestionChange(section.title, question.text, old.label, new.label, direction))
    return changes
