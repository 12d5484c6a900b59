"""Certificates of completion: issued for a submitted audit with an action plan, checked by their code."""

from __future__ import annotations

import secrets

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Audit, Certificate
from ..plan_models import PlanAction

__all__ = ["MINIMUM_ACTIONS", "certificate_by_code", "certificate_ready", "issue_certificate", "normalise_code"]

MINIMUM_ACTIONS = 3
# Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is hard to get wrong.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_LENGTH = 3, 4  # 12 characters, 60 random bits: "7KQ2-M9XD-4TRB"
MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1", " ": "", "-": ""})


def _new_code() -> str:
    characters = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(characters[i : i + GROUP_LENGTH] for i in range(0, len(characters), GROUP_LENGTH))


def normalise_code(text: str) -> str | None:
    """A code as typed (any case, with or without hyphens, O for 0) in its printed form; None if it cannot be one."""
    characters = text.upper().translate(MISREAD)
    if len(characters) != GROUPS * GROUP_LENGTH or any(char not in ALPHABET for char in characters):
        return None
    return "-".join(characters[i : i + GROUP_LENGTH] for i in range(0, len(characters), GROUP_LENGTH))


def certificate_ready(audit: Audit) -> bool:
    """A submitted audit whose plan has at least MINIMUM_ACTIONS actions."""
    if not audit.is_submitted:
        return False
    actions = db.session.scalar(select(func.count(PlanAction.id)).where(PlanAction.audit_id == audit.id)) or 0
    return actions >= MINIMUM_ACTIONS


def issue_certificate(audit: Audit) -> Certificate:
    """The audit's certificate, issued now if it has none yet (one per audit: downloading again gives the same)."""
    existing = db.session.scalar(select(Certificate).where(Certificate.audit_id == audit.id))
    if existing is not None:
        return existing
    certificate = Certificate(
        organisation_id=audit.organisation_id,
        audit_id=audit.id,
        code=_new_code(),
        organisation_name=audit.organisation.name,
    )
    db.session.add(certificate)
    try:
        db.session.commit()
    except IntegrityError:  # issued by a simultaneous request (or, vanishingly rarely, the same code drawn)
        db.session.rollback()
        return issue_certificate(audit)
    return certificate


def certificate_by_code(code: str) -> Certificate | None:
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return db.session.scalar(select(Certificate).where(Certificate.code == normalised))
