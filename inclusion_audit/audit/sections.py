"""Question pages: one page per section, saved to the database on every submit."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..engine import visible_questions
from ..security import role_required
from . import bp
from .pending import keep_answers_if_signed_out, pop_pending_answers
from .progress import next_section_after, section_progress
from .section_form import (
    SAVE_AND_CONTINUE,
    SAVE_FOR_LATER,
    build_section_form,
    decode_answers,
    encode_answers,
    option_hints,
)


def _from_check() -> bool:
    return request.args.get("source") == "check"


@bp.route("/section/<section_id>", methods=["GET", "POST"])
@keep_answers_if_signed_out
@role_required("member")
def section(section_id: str):
    """Ask one section's questions; 'Save and continue' needs every answer, 'Save and come back later' does not."""
    content = get_content()
    section_def = content.sections_by_id.get(section_id)
    if section_def is None:
        abort(404)
    organisation = current_user.organisation
    audit = queries.current_audit(organisation)
    if audit is None and queries.latest_submitted(organisation) is not None:
        flash("Your last audit has been submitted. Start a new audit to change your answers.")
        return redirect(url_for("audit.task_list"))
    profile = queries.profile_of(organisation)
    saved = queries.answers_of(audit)

    pending = pop_pending_answers(section_id) if request.method == "GET" else None
    formdata = pending if pending is not None else (request.form if request.method == "POST" else None)
    posted = {key: value for key, value in (formdata or {}).items() if key in content.questions}
    first_audit = queries.is_first_audit(audit)
    questions = visible_questions(content, section_id, profile, {**saved, **posted}, first_audit=first_audit)
    require_all = formdata is not None and formdata.get("action") == SAVE_AND_CONTINUE
    form = build_section_form(questions, require_all=require_all, formdata=formdata)
    if formdata is None:
        for question in questions:
            form[question.id].data = saved.get(question.id)
        form.revision.data = str(queries.section_revision(audit, section_id))
        form.original.data = encode_answers({q.id: saved[q.id] for q in questions if q.id in saved})

    conflict: list[dict] = []
    if formdata is not None and form.validate():
        mine = {field.name: field.data for field in form.question_fields if field.data}
        user = current_user._get_current_object()
        result = queries.save_section(organisation, user, section_id, mine, _int(form.revision.data))
        if not result.saved:
            theirs = queries.answers_of(result.audit)
            original = decode_answers(form.original.data)
            conflict = _conflicts(questions, mine, theirs, original)
            if not conflict:
                # Nobody else touched what this page changed: save just this page's own changes.
                changed = {key: value for key, value in mine.items() if value != original.get(key)}
                result = queries.save_section(organisation, user, section_id, changed, result.revision)
            form.original.data = encode_answers({q.id: theirs[q.id] for q in questions if q.id in theirs})
            form.revision.data = str(result.revision)
        if result.saved:
            return _after_save(content, section_id, result.audit, profile, formdata.get("action"))
    return render_template(
        "audit/section.html",
        section=section_def,
        questions=questions,
        form=form,
        hints={question.id: option_hints(question) for question in questions},
        conflict=conflict,
        restored=pending is not None,
        from_check=_from_check(),
        number=[s.id for s in content.sections].index(section_id) + 1,
        total=len(content.sections),
    )


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else -1


def _after_save(content, section_id: str, audit, profile, action: str | None):
    if action == SAVE_FOR_LATER:
        flash("Your answers have been saved. You can come back to them at any time.", "success")
        return redirect(url_for("audit.task_list"))
    answers = queries.answers_of(audit)
    first_audit = queries.is_first_audit(audit)
    shown = visible_questions(content, section_id, profile, answers, first_audit=first_audit)
    if any(question.id not in answers for question in shown):
        # An answer on this page revealed a follow-up question: show the page again with it.
        flash("Your answers have been saved. Based on them, there is another question on this page.", "success")
        return redirect(
            url_for("audit.section", section_id=section_id, **({"source": "check"} if _from_check() else {}))
        )
    if _from_check():
        return redirect(url_for("audit.check_answers"))
    progress = section_progress(content, profile, answers, first_audit=first_audit)
    following = next_section_after(content, section_id, progress)
    if following is None:
        return redirect(url_for("audit.check_answers"))
    return redirect(url_for("audit.section", section_id=following.id))


def _conflicts(questions, mine: dict[str, str], theirs: dict[str, str], original: dict[str, str]) -> list[dict]:
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
