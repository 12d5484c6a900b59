"""Question pages: one page per section, saved to the database on every submit."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..engine import visible_questions
from ..models import NOTES_LIMIT
from ..pending_answers import form_options, keep_answers_if_signed_out, pop_pending_answers
from ..security import role_required
from .blueprint import bp
from .progress import answer_checks, next_section_after, section_progress
from .section_form import (
    NOTES_KEY,
    SAVE_AND_CONTINUE,
    SAVE_FOR_LATER,
    build_section_form,
    encode_answers,
    radios_for,
)
from .section_save import answers_to_save, describe_saved, notes_to_save, save_answers


def _from_check() -> bool:
    return request.args.get("source") == "check"


@bp.route("/section/<section_id>", methods=["GET", "POST"])
@keep_answers_if_signed_out
@role_required("member")
def section(section_id: str):
    """Ask one section's questions. Every answer given is saved; 'Save and continue' also needs the rest."""
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
    # Answers saved under a question's earlier id (before a declared rename) show under today's id.
    values, carried_ids = queries.answers_and_carried(audit)
    saved = content.current_answers(values)

    pending = pop_pending_answers(request.path) if request.method == "GET" else None
    formdata = pending if pending is not None else (request.form if request.method == "POST" else None)
    posted = {key: value for key, value in (formdata or {}).items() if key in content.questions}
    first_audit = queries.is_first_audit(audit)
    questions = visible_questions(content, section_id, profile, {**saved, **posted}, first_audit=first_audit)
    require_all = pending is None and formdata is not None and formdata.get("action") == SAVE_AND_CONTINUE
    form = build_section_form(questions, require_all=require_all, formdata=formdata, **form_options(pending))
    if formdata is None:
        for question in questions:
            form[question.id].data = saved.get(question.id)
        notes, revision = queries.section_state(audit, section_id)
        form.notes.data = notes
        form.revision.data = str(revision)
        shown = {q.id: saved[q.id] for q in questions if q.id in saved}
        form.original.data = encode_answers({**shown, NOTES_KEY: form.notes.data})

    conflict: list[dict] = []
    partly_saved = 0
    if formdata is not None:
        complete = form.validate()
        mine = answers_to_save(form)
        if complete or mine or notes_to_save(form):
            saved_now = save_answers(organisation, section_id, questions, form, mine)
            conflict = saved_now.conflict
            if saved_now.result.saved and pending is not None:
                flash(f"We saved the {_count(len(mine))} you entered before you were signed out.", "success")
                return redirect(url_for("audit.section", section_id=section_id))
            if saved_now.result.saved and complete:
                audit_now = saved_now.result.audit
                return _after_save(content, section_id, audit_now, profile, formdata.get("action"), first_audit)
            partly_saved = len(mine) if saved_now.result.saved else 0
            describe_saved(form, saved_now, section_id, questions)
    # A save confirms carried answers: after one, read them again.
    carried = answer_checks(content, carried_ids if formdata is None else queries.carried_answers(audit), questions)
    return render_template(
        "audit/section.html",
        section=section_def,
        questions=questions,
        form=form,
        radios=radios_for(questions, carried),
        conflict=conflict,
        restored=pending is not None,
        partly_saved=_count(partly_saved) if partly_saved else None,
        from_check=_from_check(),
        plan_note=_plan_note(audit, questions),
        carried=carried,
        notes_limit=NOTES_LIMIT,
        last_actions=queries.last_actions(audit) if any(question.review for question in questions) else [],
        number=[s.id for s in content.sections].index(section_id) + 1,
        total=len(content.sections),
    )


def _plan_note(audit, questions) -> dict | None:
    """For a question answered from the last action plan: which question, and what the plan shows."""
    flagged = next((question for question in questions if question.prefill_from_plan), None)
    if flagged is None or audit is None or audit.previous_audit_id is None:
        return None
    actions = queries.plan_actions(queries.get_audit(audit.previous_audit_id, audit.organisation_id))
    if not actions:
        return None
    return {"id": flagged.id, "text": flagged.text, "summary": queries.review_summary(actions)}


def _count(answers: int) -> str:
    return f"{answers} answer{'' if answers == 1 else 's'}"


def _after_save(content, section_id: str, audit, profile, action: str | None, first_audit: bool):
    if action == SAVE_FOR_LATER:
        flash("Your answers have been saved. You can come back to them at any time.", "success")
        return redirect(url_for("audit.task_list"))
    values, carried_ids = queries.answers_and_carried(audit)
    answers = content.current_answers(values)
    shown = visible_questions(content, section_id, profile, answers, first_audit=first_audit)
    if any(question.id not in answers for question in shown):
        # An answer on this page revealed a follow-up question: show the page again with it.
        flash("Your answers have been saved. Based on them, there is another question on this page.", "success")
        return redirect(
            url_for("audit.section", section_id=section_id, **({"source": "check"} if _from_check() else {}))
        )
    if _from_check():
        return redirect(url_for("audit.check_answers"))
    carried = content.current_answers(dict.fromkeys(carried_ids, ""))
    progress = section_progress(content, profile, answers, first_audit=first_audit, carried=carried)
    following = next_section_after(content, section_id, progress)
    if following is None:
        return redirect(url_for("audit.check_answers"))
    return redirect(url_for("audit.section", section_id=following.id))
