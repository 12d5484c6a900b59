"""Items for the task list and rows for check your answers (offered to templates by the blueprint)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask import url_for
from markupsafe import Markup

from ..engine import QuestionDef
from ..engine.schema import Option, ProfileLists
from ..govuk import Item, cell, content, table
from ..models import Organisation
from ..queries import LastAction
from .progress import COMPLETED, IN_PROGRESS, NOT_STARTED, TO_CHECK, SectionProgress

_STATUSES = {
    COMPLETED: {"text": COMPLETED},
    IN_PROGRESS: {"tag": {"text": IN_PROGRESS, "classes": "govuk-tag--light-blue"}},
    TO_CHECK: {"tag": {"text": TO_CHECK, "classes": "govuk-tag--yellow"}},
    NOT_STARTED: {"tag": {"text": NOT_STARTED, "classes": "govuk-tag--blue"}},
}


def _section_hint(item: SectionProgress) -> str | None:
    """How much of a section is left: answers to check, questions to answer, or nothing to add."""
    parts = []
    if item.to_check:
        parts.append(f"{item.to_check} answer{'' if item.to_check == 1 else 's'} from your last audit to check")
    if item.status in (IN_PROGRESS, TO_CHECK) and item.answered < item.shown:
        parts.append(f"{item.answered} of {item.shown} questions answered")
    return "; ".join(parts) or None


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
        hint = _section_hint(item)
        items.append(
            {
                "title": {"text": section.title},
                "hint": {"text": hint} if hint else None,
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


def answers_list(
    section_id: str,
    answers: Sequence[tuple[QuestionDef, Option | None]],
    checks: Mapping[str, str] | None = None,
    notes: str = "",
) -> Item:
    """govukSummaryList rows for one section: each answer, then the section's notes, with links to change them
    that come back here. `checks` says which answers were filled in for the organisation and need checking."""
    checks = checks or {}
    page = url_for("audit.section", section_id=section_id, source="check")
    rows = []
    for question, option in answers:
        action = {
            "href": f"{page}#{question.id}",
            "text": "Change" if option else "Answer",
            "visuallyHiddenText": question.text,
        }
        value: Item = {"text": option.label if option else "Not answered yet"}
        if option and question.id in checks:
            value = {
                "html": Markup('{}<br><span class="govuk-hint">{}</span>').format(option.label, checks[question.id])
            }
        rows.append({"key": {"text": question.text}, "value": value, "actions": {"items": [action]}})
    rows.append(
        {
            "key": {"text": "Notes"},
            "value": {"text": notes, "classes": "app-preserve-lines"} if notes else {"text": "No notes"},
            "actions": {
                "items": [
                    {"href": f"{page}#notes", "text": "Change" if notes else "Add", "visuallyHiddenText": "notes"}
                ]
            },
        }
    )
    return {"rows": rows, "classes": "govuk-!-margin-bottom-9"}


def _change(key: str, field_id: str) -> Item:
    href = url_for("audit.profile", source="check") + f"#{field_id}"
    return {"items": [{"href": href, "text": "Change", "visuallyHiddenText": key.lower()}]}


def profile_list(organisation: Organisation, lists: ProfileLists) -> Item:
    """govukSummaryList rows for 'About your organisation', each with a Change link that comes back here."""
    area = organisation.area or ""
    local = lists.local_areas.get(area, {}).get(organisation.local_area or "")
    groups = [lists.groups.get(group, group) for group in organisation.groups]
    families = (
        None if organisation.works_with_families is None else ("Yes" if organisation.works_with_families else "No")
    )
    pairs = [
        ("Organisation name", organisation.name, "name"),
        ("Type of organisation", lists.org_types.get(organisation.org_type or ""), "org_type"),
        ("Paid staff", lists.size_bands.get(organisation.size_band or ""), "size_band"),
        ("Where you mainly work", lists.areas.get(area), "area"),
        *(
            [("Part of the area", local or "Across the whole area, or not sure", "local_area")]
            if lists.local_areas.get(area)
            else []
        ),
        ("Groups you work with", Markup("<br>").join(groups) if groups else "None of these", "groups"),
        ("Other excluded groups", organisation.other_groups or "None given", "other_groups"),
        ("Works with families, children or pregnant women", families, "works_with_families"),
    ]
    rows = [
        {"key": {"text": key}, "value": content(value or "Not answered yet"), "actions": _change(key, field_id)}
        for key, value, field_id in pairs
    ]
    return {"rows": rows, "classes": "govuk-!-margin-bottom-9"}


def last_actions_table(actions: Sequence[LastAction]) -> Item:
    """The last audit's actions beside its review question: with their status where a plan was made."""
    with_status = any(action.status for action in actions)
    head = [{"text": "Action"}, *([{"text": "Status"}] if with_status else [])]
    rows = [[cell(action.text), *([cell(action.status or "")] if with_status else [])] for action in actions]
    caption = "Your action plan from your last audit" if with_status else "The top actions from your last audit"
    return table(caption, head, rows, row_headers=False)


TEMPLATE_GLOBALS = (task_items, answers_list, profile_list, last_actions_table)
