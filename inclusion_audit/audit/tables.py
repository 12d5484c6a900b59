"""Items for the task list and rows for check your answers (offered to templates by the blueprint)."""

from __future__ import annotations

from collections.abc import Sequence

from flask import url_for

from ..engine import QuestionDef
from ..engine.schema import Option
from ..govuk import Item
from .progress import COMPLETED, IN_PROGRESS, NOT_STARTED, SectionProgress

_STATUSES = {
    COMPLETED: {"text": COMPLETED},
    IN_PROGRESS: {"tag": {"text": IN_PROGRESS, "classes": "govuk-tag--light-blue"}},
    NOT_STARTED: {"tag": {"text": NOT_STARTED, "classes": "govuk-tag--blue"}},
}


def task_items(progress: Sequence[SectionProgress], profile_done: bool, ready: bool) -> list[Item]:
    """govukTaskList items: the profile, each section, then check and submit (open once everything is done)."""
    items: list[Item] = [
        {
            "title": {"text": "About your organisation"},
            "href": url_for("audit.profile"),
            "status": _STATUSES[COMPLETED if profile_done else NOT_STARTED],
        }
    ]
    for item in progress:
        section = item.section
        answered = f"{item.answered} of {item.shown} questions answered"
        items.append(
            {
                "title": {"text": section.title},
                "hint": {"text": answered} if item.status == IN_PROGRESS else None,
                "href": url_for("audit.section", section_id=section.id),
                "status": _STATUSES[item.status],
            }
        )
    locked = {"text": "Cannot start yet", "classes": "govuk-task-list__status--cannot-start-yet"}
    check = {"text": NOT_STARTED} if ready else locked
    items.append(
        {
            "title": {"text": "Check your answers and submit"},
            "href": url_for("audit.check_answers") if ready else None,
            "status": check,
        }
    )
    return items


def answers_list(section_id: str, answers: Sequence[tuple[QuestionDef, Option | None]]) -> Item:
    """govukSummaryList rows for one section: each answer, with a link to change it that comes back here."""
    rows = []
    for question, option in answers:
        href = url_for("audit.section", section_id=section_id, source="check") + f"#{question.id}"
        action = {"href": href, "text": "Change" if option else "Answer", "visuallyHiddenText": question.text}
        rows.append(
            {
                "key": {"text": question.text},
                "value": {"text": option.label if option else "Not answered yet"},
                "actions": {"items": [action]},
            }
        )
    return {"rows": rows, "classes": "govuk-!-margin-bottom-9"}


TEMPLATE_GLOBALS = (task_items, answers_list)
