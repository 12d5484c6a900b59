"""Saving one section's answers from its form, keeping colleagues' newer answers.

A page carries the section's save counter and the answers it showed when it was opened. If someone saved
the section since, only what this page changed is saved, unless both changed the same question: then
nothing is saved and the page says which answers clash.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_login import current_user

from .. import queries
from ..security import whole_number
from .section_form import NOTES_KEY, SectionForm, decode_answers, encode_answers


@dataclass(frozen=True)
class Saved:
    result: queries.SaveResult
    conflict: list[dict]


def notes_to_save(form: SectionForm) -> str | None:
    """The section's notes as typed, or None to leave them as they are: refused (too long, hidden characters), or
    not sent at all."""
    if form.notes.errors or not form.notes.raw_data:
        return None
    return form.notes.data or ""


def save_answers(organisation, section_id: str, questions, form: SectionForm, mine: dict[str, str]) -> Saved:
    """Save `mine` (answers taken from `form`) and the form's notes. Before the page is shown again,
    `describe_saved` makes its hidden fields describe what is saved now."""
    user = current_user._get_current_object()
    notes = notes_to_save(form)
    result = queries.save_section(organisation, user, section_id, mine, whole_number(form.revision.data), notes)
    conflict: list[dict] = []
    if not result.saved:
        theirs = queries.answers_of(result.audit)
        original = decode_answers(form.original.data)
        their_notes = queries.section_notes(result.audit).get(section_id, "")
        conflict = conflicts(questions, mine, theirs, original)
        conflict += notes_conflict(notes, their_notes, original.get(NOTES_KEY, ""))
        if not conflict:
            # Nobody else touched what this page changed: save just this page's own changes, and the answers
            # that are the same everywhere (saving those changes nothing but confirms one carried over).
            changed = {
                key: value for key, value in mine.items() if value != original.get(key) or value == theirs.get(key)
            }
            changed_notes = notes if notes != original.get(NOTES_KEY, "") else None
            result = queries.save_section(organisation, user, section_id, changed, result.revision, changed_notes)
    return Saved(result, conflict)


def describe_saved(form: SectionForm, saved: Saved, section_id: str, questions) -> None:
    """Point the page's hidden fields at what is saved now, so its next save is checked against that (only
    needed when the page is shown again: a save that moves on does not read it)."""
    now = queries.answers_of(saved.result.audit)
    shown = {q.id: now[q.id] for q in questions if q.id in now}
    shown[NOTES_KEY] = queries.section_state(saved.result.audit, section_id)[0]
    form.original.data = encode_answers(shown)
    form.revision.data = str(saved.result.revision)


def notes_conflict(mine: str | None, theirs: str, original: str) -> list[dict]:
    """The notes, when both this page and someone else changed them, differently."""
    if mine is None or mine in (original, theirs) or theirs == original:
        return []
    return [{"id": "notes", "text": "Notes", "saved": theirs or "No notes"}]


def answers_to_save(form: SectionForm) -> dict[str, str]:
    """Every answer on the form that is one of the answers offered; missing or refused ones are left out."""
    return {field.name: field.data for field in form.question_fields if field.data and not field.errors}


def conflicts(questions, mine: dict[str, str], theirs: dict[str, str], original: dict[str, str]) -> list[dict]:
    """Questions changed elsewhere since this page opened, where this page now says something different."""
    rows = []
    for question in questions:
        if question.id not in mine or mine[question.id] == original.get(question.id):
            continue  # this page did not change it, so whatever is saved now stands
        changed_elsewhere = theirs.get(question.id) != original.get(question.id)
        if changed_elsewhere and mine[question.id] != theirs.get(question.id):
            saved = question.option(theirs.get(question.id, ""))
            rows.append({"id": question.id, "text": question.text, "saved": saved.label if saved else "No answer"})
    return rows
