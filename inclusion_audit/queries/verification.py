"""Verifying organisations: the coordinator's queue, their decisions, and what an organisation is told.

A decision changes which coordinator figures the organisation counts in, so it is made inside
`stored_figures_kept`, in the same transaction as the decision's log row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import Organisation, User, Verification, VerificationDecision
from .scope import Scope
from .stored_figures import stored_figures_kept

__all__ = [
    "QueuedOrganisation",
    "decide_verification",
    "latest_decision",
    "queued_organisation",
    "verification_queue",
]


@dataclass(frozen=True)
class QueuedOrganisation:
    id: int
    name: str
    area: str | None
    org_type: str | None
    size_band: str | None
    groups: tuple[str, ...]
    email_domain: str  # of whoever registered it (its first member); "" once nobody is left
    registration_number: str | None
    registered_at: datetime
    verification: str


def _queued(organisation: Organisation) -> QueuedOrganisation:
    first = min(organisation.members, key=lambda user: (user.created_at, user.id), default=None)
    return QueuedOrganisation(
        organisation.id,
        organisation.name,
        organisation.area,
        organisation.org_type,
        organisation.size_band,
        tuple(organisation.groups),
        first.email.rpartition("@")[2] if first else "",
        organisation.registration_number,
        organisation.created_at,
        organisation.verification,
    )


def verification_queue(scope: Scope) -> list[QueuedOrganisation]:
    """Organisations in the scope's areas waiting to be verified, oldest first. One that has not said its area
    yet is in no system, so only a service-wide admin sees it."""
    waiting = select(Organisation).where(
        Organisation.verification == Verification.UNVERIFIED.value, *scope.named_condition()
    )
    return [_queued(o) for o in db.session.scalars(waiting.order_by(Organisation.created_at, Organisation.id))]


def queued_organisation(organisation_id: int, scope: Scope) -> QueuedOrganisation | None:
    """One organisation the coordinator may decide about (waiting or not), or None."""
    found = select(Organisation).where(Organisation.id == organisation_id, *scope.named_condition())
    organisation = db.session.scalar(found)
    return None if organisation is None else _queued(organisation)


def decide_verification(organisation_id: int, coordinator: User, decision: Verification, reason: str) -> Organisation:
    """Verify or reject an organisation, log the decision, and count it (or stop counting it) in the figures."""
    if decision not in (Verification.VERIFIED, Verification.REJECTED):
        raise ValueError(f"not a decision: {decision}")
    with stored_figures_kept(organisation_id):
        organisation = db.session.get(Organisation, organisation_id)
        db.session.refresh(organisation)
        organisation.verification = decision.value
        db.session.add(
            VerificationDecision(
                organisation_id=organisation_id,
                decided_by_id=coordinator.id,
                decided_by_email=coordinator.email,
                decision=decision.value,
                reason=reason.strip(),
            )
        )
    db.session.commit()
    return organisation


def latest_decision(organisation_id: int) -> VerificationDecision | None:
    newest = (VerificationDecision.at.desc(), VerificationDecision.id.desc())
    statement = select(VerificationDecision).where(VerificationDecision.organisation_id == organisation_id)
    return db.session.scalar(statement.order_by(*newest).limit(1))
