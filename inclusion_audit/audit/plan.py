"""The action plan: the guide's top actions and any others, each with who is responsible, a due date and a status.

Every member can see and change it; it lives on between audits and carries its unfinished actions forward.
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from .. import queries
from ..content_store import get_content
from ..forms_base import StripWhitespaceForm
from ..models import Audit, utcnow
from ..plan_files import DOCX_MIMETYPE, PlanFile, plan_csv, plan_docx
from ..plan_models import ActionOrigin, ActionStatus, PlanAction
from ..security import role_required
from .blueprint import bp
from .plan_forms import NOBODY, NOT_ONE_SECTION, SOMEONE_ELSE, ActionForm, AddFromGuideForm, OwnActionForm, owner_value


def _plan_audit_or_none() -> Audit | None:
    return queries.latest_submitted(current_user.organisation)


def _plan_audit_or_404() -> Audit:
    audit = _plan_audit_or_none()
    if audit is None:
        abort(404)
    queries.ensure_plan(audit, get_content())
    return audit


def _members():
    return sorted(current_user.organisation.members, key=lambda member: member.email)


@bp.route("/plan")
@role_required("member")
def plan():
    """The organisation's current action plan, with its progress."""
    organisation = current_user.organisation
    audit = _plan_audit_or_none()
    if audit is None:
        return render_template("audit/plan_not_yet.html", organisation=organisation)
    today = utcnow().date()
    actions = queries.ensure_plan(audit, get_content())
    return render_template(
        "audit/plan.html",
        organisation=organisation,
        audit=audit,
        rows=queries.plan_rows(audit, today),
        progress=queries.plan_progress(actions, today),
        more_from_guide=bool(queries.guide_actions_to_add(audit)),
        certificate=queries.certificate_ready(audit),
    )


def _action_or_404(action_id: int) -> PlanAction:
    action = queries.plan_action(current_user.organisation, action_id)
    if action is None:
        abort(404)
    return action


def _initial_owner(action: PlanAction) -> str:
    if action.owner is not None:
        return owner_value(action.owner)
    return SOMEONE_ELSE if action.owner_name else NOBODY


@bp.route("/plan/actions/<id:action_id>", methods=["GET", "POST"])
@role_required("member")
def change_action(action_id: int):
    """Change who is responsible for an action, when it is due, where it has got to, and its note."""
    action = _action_or_404(action_id)
    if request.method == "POST":
        form = ActionForm(_members(), utcnow().date())
    else:
        form = ActionForm(
            _members(),
            utcnow().date(),
            owner=_initial_owner(action),
            owner_name=action.owner_name or "",
            due_on=action.due_on,
            status=action.status,
            dropped_reason=action.dropped_reason or "",
            note=action.note,
        )
    if form.validate_on_submit():
        owner = form.owner_user()
        queries.update_action(
            action,
            current_user._get_current_object(),
            owner=owner,
            owner_name=form.owner_name.data if form.owner.data == SOMEONE_ELSE else None,
            due_on=form.due_on.data,
            status=ActionStatus(form.status.data),
            dropped_reason=form.dropped_reason.data,
            note=form.note.data or "",
        )
        flash(f"Saved: {action.text}", "success")
        return redirect(url_for("audit.plan") + f"#action-{action.id}")
    return render_template(
        "audit/plan_action.html",
        form=form,
        action=action,
        can_remove=action.origin != ActionOrigin.TOP,
        remove_form=StripWhitespaceForm(),
    )


@bp.route("/plan/actions/<id:action_id>/remove", methods=["POST"])
@role_required("member")
def remove_action(action_id: int):
    """Take an added action out of the plan (the guide's top actions can be dropped instead, with a reason)."""
    if not StripWhitespaceForm().validate_on_submit():
        abort(400)
    action = _action_or_404(action_id)
    if action.origin == ActionOrigin.TOP:
        abort(400)
    text = action.text
    queries.delete_action(action)
    flash(f"Removed from your plan: {text}", "success")
    return redirect(url_for("audit.plan"))


@bp.route("/plan/add-from-guide", methods=["GET", "POST"])
@role_required("member")
def add_from_guide():
    """Add other actions that the guide suggests."""
    audit = _plan_audit_or_404()
    available = queries.guide_actions_to_add(audit)
    form = AddFromGuideForm()
    form.actions.choices = [SelectChoice(item.snippet_id, item.text) for item in available]
    if form.validate_on_submit():
        user = current_user._get_current_object()
        added = [queries.add_guide_action(audit, snippet_id, user) for snippet_id in form.actions.data]
        count = sum(1 for action in added if action is not None)
        flash(f"{count} action{'' if count == 1 else 's'} added to your plan.", "success")
        return redirect(url_for("audit.plan"))
    return render_template("audit/plan_add_from_guide.html", form=form, available=available)


@bp.route("/plan/add", methods=["GET", "POST"])
@role_required("member")
def add_own_action():
    """Add an action of the organisation's own."""
    audit = _plan_audit_or_404()
    sections = [(section.id, section.title) for section in get_content().sections]
    form = OwnActionForm(sections)
    if form.validate_on_submit():
        section_id = None if form.section.data == NOT_ONE_SECTION else form.section.data
        action = queries.add_own_action(audit, form.text.data, section_id, current_user._get_current_object())
        flash("Action added. Now say who is responsible for it and when it is due.", "success")
        return redirect(url_for("audit.change_action", action_id=action.id))
    return render_template("audit/plan_add.html", form=form)


def _plan_file(audit: Audit) -> PlanFile:
    today = utcnow().date()
    return PlanFile(
        organisation=current_user.organisation.name,
        submitted_on=audit.submitted_at.date(),
        made_on=today,
        summary=queries.plan_progress(queries.plan_actions(audit), today).summary,
        rows=queries.plan_rows(audit, today),
    )


def _download(body: bytes, mimetype: str, extension: str) -> Response:
    response = Response(body, mimetype=mimetype)
    filename = f"action-plan-{utcnow().date().isoformat()}.{extension}"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/plan/action-plan.docx")
@role_required("member")
def plan_word():
    """The plan as a Word document to edit, print or share."""
    return _download(plan_docx(_plan_file(_plan_audit_or_404())), DOCX_MIMETYPE, "docx")


@bp.route("/plan/action-plan.csv")
@role_required("member")
def plan_spreadsheet():
    """The plan as a CSV file for a spreadsheet."""
    return _download(plan_csv(_plan_file(_plan_audit_or_404())), "text/csv", "csv")
