"""Where each organisation is in the audit's cycle: the coordinator's pipeline page and the board report.

One row per organisation matching the filters' profile answers (the period does not apply: the pipeline is
where organisations stand today). Raw: the coordinator package adds the rows up into cells and passes them
through disclosure control, and only names organisations that share by name.

The steps are one of three, whatever else is true: no audit yet; an audit started and not submitted (a first
audit or a repeat); otherwise submitted. "Due for re-audit" uses the reminders' rule (`reaudits_due`): the
latest submitted audit is older than the cut-off and no new audit has started. "Action plan in use" uses the
dashboard's rule (`plan_figures.IN_USE`) on the latest submitted audit's plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import exists, func, select
from sqlalchemy.orm import aliased

from ..extensions import db
from ..models import Audit, AuditStatus, Organisation, Verification
from ..plan_models import PlanAction
from .latest import Filters, latest_submitted_audits, profile_matches
from .plan_figures import IN_USE

__all__ = ["PipelineEntry", "Step", "pipeline_entries"]


class Step(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


@dataclass(frozen=True)
class PipelineEntry:
    organisation_id: int
    name: str
    record_key: int
    verified: bool
    waiting: bool  # not verified nor rejected yet: in its area's verification queue
    share_named: bool
    area: str | None
    step: Step
    reaudit_due: bool
    plan_in_use: bool
    open_audit_id: int | None  # the audit started and not submitted, if there is one
    latest_audit_id: int | None  # the latest submitted audit, if there is one
    last_submitted_at: datetime | None


def pipeline_entries(filters: Filters, reaudit_before: datetime, *, organisation_id: int | None = None):
    """Every organisation matching the filters' profile answers (or just `organisation_id`), verified or not,
    with its step. `reaudit_before`: a latest audit submitted before this is due to be repeated."""
    latest = latest_submitted_audits(Filters())
    submitted = aliased(Audit)
    open_audits = (
        select(Audit.organisation_id, func.max(Audit.id).label("audit_id"))
        .where(Audit.status == AuditStatus.IN_PROGRESS)
        .group_by(Audit.organisation_id)
        .subquery("open_audits")
    )
    plan_in_use = exists().where(PlanAction.audit_id == latest.c.audit_id, IN_USE)
    only = [Organisation.id == organisation_id] if organisation_id is not None else []
    stmt = (
        select(
            Organisation.id,
            Organisation.name,
            Organisation.record_key,
            Organisation.verification,
            Organisation.share_named,
            Organisation.area,
            open_audits.c.audit_id,
            latest.c.audit_id,
            submitted.submitted_at,
            plan_in_use,
        )
        .outerjoin(latest, latest.c.organisation_id == Organisation.id)
        .outerjoin(submitted, submitted.id == latest.c.audit_id)
        .outerjoin(open_audits, open_audits.c.organisation_id == Organisation.id)
        .where(*profile_matches(filters), *only)
        .order_by(Organisation.name, Organisation.id)
    )
    entries = []
    for row in db.session.execute(stmt):
        open_id, latest_id, submitted_at = row[6], row[7], row[8]
        if open_id is not None:
            step = Step.IN_PROGRESS
        elif latest_id is not None:
            step = Step.SUBMITTED
        else:
            step = Step.NOT_STARTED
        entries.append(
            PipelineEntry(
                organisation_id=row[0],
                name=row[1],
                record_key=row[2],
                verified=row[3] == Verification.VERIFIED.value,
                waiting=row[3] == Verification.UNVERIFIED.value,
                share_named=bool(row[4]),
                area=row[5],
                step=step,
                reaudit_due=step == Step.SUBMITTED and submitted_at < reaudit_before,
                plan_in_use=bool(row[9]) if latest_id is not None else False,
                open_audit_id=open_id,
                latest_audit_id=latest_id,
                last_submitted_at=submitted_at,
            )
        )
    return entries
