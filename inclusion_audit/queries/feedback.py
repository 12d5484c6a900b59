"""Feedback about the service: stored as written, listed for admins."""

from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from ..models import Feedback

__all__ = ["FEEDBACK_RATINGS", "feedback_count", "feedback_page", "store_feedback"]

FEEDBACK_RATINGS = {
    "very_satisfied": "Very satisfied",
    "satisfied": "Satisfied",
    "neither": "Neither satisfied nor dissatisfied",
    "dissatisfied": "Dissatisfied",
    "very_dissatisfied": "Very dissatisfied",
}


def store_feedback(*, rating: str | None, text: str, page: str | None, reply_to: str | None) -> None:
    db.session.add(Feedback(rating=rating or None, text=text, page=page, reply_to=reply_to or None))
    db.session.commit()


def feedback_count() -> int:
    return db.session.scalar(select(func.count(Feedback.id))) or 0


def feedback_page(page: int, per_page: int) -> list[Feedback]:
    """One page of feedback, newest first."""
    return list(
        db.session.scalars(
            select(Feedback)
            .order_by(Feedback.at.desc(), Feedback.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
