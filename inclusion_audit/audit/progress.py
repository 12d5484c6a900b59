"""Where an organisation has got to: status of each task on the task list."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Content, Profile, SectionDef, visible_questions

NOT_STARTED = "Not started"
IN_PROGRESS = "In progress"
COMPLETED = "Completed"


@dataclass(frozen=True)
class SectionProgress:
    section: SectionDef
    answered: int
    shown: int

    @property
    def status(self) -> str:
        if self.answered == 0:
            return NOT_STARTED
        return COMPLETED if self.answered >= self.shown else IN_PROGRESS

    @property
    def complete(self) -> bool:
        return self.status == COMPLETED


def section_progress(
    content: Content, profile: Profile, answers: dict[str, str], *, first_audit: bool = True
) -> list[SectionProgress]:
    progress = []
    for section in content.sections:
        shown = visible_questions(content, section.id, profile, answers, first_audit=first_audit)
        answered = sum(1 for question in shown if question.option(answers.get(question.id, "")) is not None)
        progress.append(SectionProgress(section=section, answered=answered, shown=len(shown)))
    return progress


def next_section_after(content: Content, section_id: str, progress: list[SectionProgress]) -> SectionDef | None:
    """The next section in order that is not complete yet, wrapping round; None if all are complete."""
    ids = [section.id for section in content.sections]
    start = ids.index(section_id) + 1
    for item in progress[start:] + progress[:start]:
        if not item.complete:
            return item.section
    return None
