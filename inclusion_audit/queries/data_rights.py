"""An organisation's own data: a full copy to download, and deleting all of it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from ..extensions import db
from ..models import (
    AccessLog,
    Answer,
    Audit,
    Certificate,
    Invitation,
    Organisation,
    SectionScore,
    TeamEvent,
    User,
    utcnow,
)
from ..plan_models import PlanAction
from ..reminder_models import ReminderOptOut
from .audits import section_notes
from .plan import owner_label, plan_actions
from .stored_figures import stored_figures_kept

__all__ = ["delete_organisation", "organisation_data"]


def _when(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def organisation_data(organisation: Organisation) -> dict[str, Any]:
    """Everything held about the organisation, as plain JSON-ready data (its own rows only, so loading them is fine)."""
    audits = db.session.scalars(
        select(Audit).where(Audit.organisation_id == organisation.id).order_by(Audit.started_at, Audit.id)
    ).all()
    members = db.session.scalars(select(User).where(User.organisation_id == organisation.id).order_by(User.id)).all()
    views = db.session.execute(
        select(AccessLog.at, AccessLog.action)
        .where(AccessLog.organisation_id == organisation.id)
        .order_by(AccessLog.at, AccessLog.id)
    )
    return {
        "exported_at": _when(utcnow()),
        "organisation": {
            "id": organisation.id,
            "name": organisation.name,
            "org_type": organisation.org_type,
            "size_band": organisation.size_band,
            "area": organisation.area,
            "groups": organisation.groups,
            "created_at": _when(organisation.created_at),
            "profile_completed_at": _when(organisation.profile_completed_at),
            "share_named": organisation.share_named,
            "sharing_changed_at": _when(organisation.sharing_changed_at),
            "share_contact": organisation.share_contact,
        },
        "members": [
            {
                "email": m.email,
                "role": m.role,
                "team_role": m.team_role,
                "joined": _when(m.created_at),
                "last_signed_in": _when(m.last_login_at),
                "reminders_not_wanted": sorted(
                    db.session.scalars(select(ReminderOptOut.kind).where(ReminderOptOut.user_id == m.id))
                ),
            }
            for m in members
        ],
        "invitations": [
            {
                "email": invitation.email,
                "sent": _when(invitation.created_at),
                "expires": _when(invitation.expires_at),
                "accepted": _when(invitation.accepted_at),
                "cancelled": _when(invitation.cancelled_at),
            }
            for invitation in db.session.scalars(
                select(Invitation).where(Invitation.organisation_id == organisation.id).order_by(Invitation.id)
            )
        ],
        "team_changes": [
            {"at": _when(e.at), "by": e.actor_email, "action": e.action, "who": e.subject_email}
            for e in db.session.scalars(
                select(TeamEvent).where(TeamEvent.organisation_id == organisation.id).order_by(TeamEvent.id)
            )
        ],
        "audits": [_audit_data(audit) for audit in audits],
        # When coordinators opened the shared results, and when sharing was changed.
        "access_log": [{"at": _when(at), "action": action} for at, action in views],
    }


def _audit_data(audit: Audit) -> dict[str, Any]:
    answers = db.session.execute(
        select(Answer.question_id, Answer.value).where(Answer.audit_id == audit.id).order_by(Answer.question_id)
    )
    scores = db.session.scalars(
        select(SectionScore).where(SectionScore.audit_id == audit.id).order_by(SectionScore.section_id)
    )
    return {
        "id": audit.id,
        "status": audit.status,
        "started_at": _when(audit.started_at),
        "submitted_at": _when(audit.submitted_at),
        "content_version": audit.content_version,
        "answers": {question_id: value for question_id, value in answers},
        "notes": section_notes(audit),
        "results": {
            "overall_percent": audit.overall_percent,
            "sections": [
                {
                    "section_id": s.section_id,
                    "percent": s.percent,
                    "band": s.band,
                    "answered": s.answered,
                    "dont_know": s.dont_know,
                    "not_applicable": s.not_applicable,
                }
                for s in scores
            ],
        },
        "guide": audit.guide_snapshot,
        "action_plan": [_action_data(action) for action in plan_actions(audit)],
        "certificates": [
            {"code": c.code, "issued_at": _when(c.issued_at), "organisation_name": c.organisation_name}
            for c in db.session.scalars(select(Certificate).where(Certificate.audit_id == audit.id))
        ],
    }


def _action_data(action: PlanAction) -> dict[str, Any]:
    return {
        "text": action.text,
        "from": action.origin,
        "section_id": action.section_id,
        "responsible": owner_label(action) or None,
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "status": action.status,
        "why_dropped": action.dropped_reason,
        "note": action.note,
        "done_at": _when(action.done_at),
        "updated_at": _when(action.updated_at),
    }


def delete_organisation(organisation_id: int) -> None:
    """Delete the organisation and everything hanging off it, in one transaction.

    The database's ON DELETE CASCADE rules remove members, audits, answers and scores (SQLite needs
    `PRAGMA foreign_keys=ON`, set in database.py). Log entries written by its members go too, since they
    carry their email addresses; entries about coordinators' views stay, with the organisation blanked.
    """
    member_ids = select(User.id).where(User.organisation_id == organisation_id)
    no_sync = {"synchronize_session": False}  # every loaded object is dropped below instead
    db.session.execute(delete(AccessLog).where(AccessLog.user_id.in_(member_ids)), execution_options=no_sync)
    with stored_figures_kept(organisation_id):  # its results leave the dashboard's totals too
        db.session.execute(delete(Organisation).where(Organisation.id == organisation_id), execution_options=no_sync)
    db.session.commit()
    db.session.expunge_all()  # objects loaded before the delete describe rows that no longer exist
