"""Where an organisation has got to: status of each task on the task list."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .. import queries
from ..engine import Content, Profile, QuestionDef, SectionDef, visible_questions
from ..models import Audit, Organisation

NOT_STARTED = "Not started"
IN_PROGRESS = "In progress"
TO_CHECK = "Check your answers"
COMPLETED = "Completed"
# Said of an answer filled in for the organisation that it has not saved in this audit yet.
CARRIED_NOTE = "From your last audit — check this still applies"
PLAN_NOTE = "Filled in from your last action plan — check this is right"


@dataclass(frozen=True)
class SectionProgress:
    section: SectionDef
    answered: int
    shown: int
    # Answers carried over from the last audit that nobody has confirmed or changed yet.
    to_check: int = 0

    @property
    def status(self) -> str:
        if self.answered == 0:
            return NOT_STARTED
        if self.to_check:
            return TO_CHECK
        return COMPLETED if self.answered >= self.shown else IN_PROGRESS

    @property
    def complete(self) -> bool:
        return self.status == COMPLETED


def section_progress(
    content: Content,
    profile: Profile,
    answers: dict[str, str],
    *,
    first_audit: bool = True,
    carried: Collection[str] = (),
) -> list[SectionProgress]:
    """Each section's progress; `carried` holds the ids of answers from the last audit still to be checked."""
    progress = []
    for section in content.sections:
        shown = visible_questions(content, section.id, profile, answers, first_audit=first_audit)
        given = [question for question in shown if question.option(answers.get(question.id, "")) is not None]
        progress.append(
            SectionProgress(
                section=section,
                answered=len(given),
                shown=len(shown),
                to_check=sum(1 for question in given if question.id in carried),
            )
        )
    return progress


def audit_progress(content: Content, organisation: Organisation, audit: Audit | None) -> list[SectionProgress]:
    """The progress of the organisation's audit as it is saved now (answers under today's question ids)."""
    answers = content.current_answers(queries.answers_of(audit))
    carried = content.current_answers(dict.fromkeys(queries.carried_answers(audit), ""))
    profile = queries.profile_of(organisation)
    return section_progress(content, profile, answers, first_audit=queries.is_first_audit(audit), carried=carried)


def answer_checks(content: Content, carried_ids: set[str], questions: Iterable[QuestionDef]) -> dict[str, str]:
    """What to say of each of these questions whose answer was filled in for the organisation and is unchecked
    (`carried_ids`: the audit's carried answers, `queries.carried_answers`)."""
    carried = content.current_answers(dict.fromkeys(carried_ids, ""))
    return {
        question.id: PLAN_NOTE if question.prefill_from_plan else CARRIED_NOTE
        for question in questions
        if question.id in carried
    }


def next_section_after(content: Content, section_id: str, progress: list[SectionProgress]) -> SectionDef | None:
    """The next section in order that is not complete yet, wrapping round; None if all are complete."""
    ids = [section.id for section in content.sections]
    start = ids.index(section_id) + 1
    for item in progress[start:] + progress[:start]:
        if not item.complete:
            return item.section
    return None
