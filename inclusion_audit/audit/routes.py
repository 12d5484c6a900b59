"""The task list, check your answers, submit, and starting a new audit."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import queries
from ..content_store import get_content
from ..engine import visible_questions
from ..forms_base import StripWhitespaceForm
from ..models import utcnow
from ..security import role_required
from .blueprint import bp
from .progress import answer_checks, audit_progress
from .sharing import SubmitForm, save_choice, sharing_label


def _progress_for(audit):
    return audit_progress(get_content(), current_user.organisation, audit)


@bp.route("/")
@role_required("member")
def task_list():
    """The organisation's audit: profile, five sections, then check and submit."""
    organisation = current_user.organisation
    audit = queries.current_audit(organisation)
    submitted = [a for a in queries.audits_of(organisation) if a.is_submitted]
    progress = _progress_for(audit)
    profile_done = organisation.profile_completed_at is not None
    plan_audit = queries.latest_submitted(organisation)
    return render_template(
        "audit/task_list.html",
        organisation=organisation,
        audit=audit,
        submitted=list(reversed(submitted)),
        plan=queries.plan_progress(queries.plan_actions(plan_audit), utcnow().date()) if plan_audit else None,
        profile_done=profile_done,
        progress=progress,
        # With a submitted audit and none in progress, the questions are read-only until a new audit starts.
        editable=audit is not None or not submitted,
        ready=profile_done and all(item.complete for item in progress),
        start_form=StripWhitespaceForm(),
        rejection=queries.latest_decision(organisation.id) if organisation.verification == "rejected" else None,
    )


@bp.route("/check")
@role_required("member")
def check_answers():
    """Every answer, with Change links that come back here."""
    organisation = current_user.organisation
    audit = queries.current_audit(organisation)
    if audit is None:
        return redirect(url_for("audit.task_list"))
    progress = _progress_for(audit)
    answers = queries.answers_of(audit)
    content = get_content()
    profile = queries.profile_of(organisation)
    rows = {
        item.section.id: [
            (question, question.option(answers.get(question.id, "")))
            for question in visible_questions(
                content, item.section.id, profile, answers, first_audit=queries.is_first_audit(audit)
            )
        ]
        for item in progress
    }
    return render_template(
        "audit/check.html",
        organisation=organisation,
        progress=progress,
        rows=rows,
        checks=answer_checks(content, queries.carried_answers(audit), content.questions.values()),
        notes=queries.section_notes(audit),
        profile_lists=queries.profile_lists(content),
        to_check=any(item.to_check for item in progress),
        ready=organisation.profile_completed_at is not None and all(item.complete for item in progress),
        form=SubmitForm(organisation),
        choice_label=sharing_label(organisation),
        admins=queries.team_admins(organisation),
    )


@bp.route("/submit", methods=["POST"])
@role_required("member")
def submit():
    """Lock the audit and work out its results and guide."""
    organisation = current_user.organisation
    audit = queries.current_audit(organisation)
    form = SubmitForm(organisation)
    if not form.validate_on_submit():
        abort(400)
    if audit is None:
        # Submitted a moment ago (a double click, another tab): show what that submission gave.
        latest = queries.latest_submitted(organisation)
        if latest is None:
            return redirect(url_for("audit.task_list"))
        return redirect(url_for("guide.results", audit_id=latest.id, submitted=1))
    progress = _progress_for(audit)
    if organisation.profile_completed_at is None or not all(item.complete for item in progress):
        if any(item.to_check for item in progress):
            flash("Some answers from your last audit have not been checked. Check every section before you submit.")
        else:
            flash("Some questions still need an answer. Complete every section before you submit.")
        return redirect(url_for("audit.check_answers"))
    if current_user.is_team_admin:
        save_choice(organisation, form.sharing.data)
    queries.submit_audit(audit, current_user._get_current_object(), get_content())
    queries.ensure_plan(audit, get_content())
    return redirect(url_for("guide.results", audit_id=audit.id, submitted=1))


@bp.route("/new", methods=["POST"])
@role_required("member")
def start_new():
    """Start a new audit, copying the last submitted answers as a starting point."""
    if not StripWhitespaceForm().validate_on_submit():
        abort(400)
    user = current_user._get_current_object()
    audit = queries.start_new_audit(current_user.organisation, user, get_content())
    queries.prefill_from_plan(audit, get_content(), user)
    flash(
        "A new audit has started with your last answers filled in. Check each section: "
        "save the answers that still apply and change any that do not.",
        "success",
    )
    return redirect(url_for("audit.task_list"))
