"""What counts as a training need, from the content: which answers to which questions say an organisation needs
a training topic, and which say it is unsure. SQL expressions over `Answer`, for the stored figures.

An organisation needs a topic when, in its latest audit, at least one of the topic's questions is answered at one
of that question's two lowest answer levels ("Not started" or "Planning or early steps"; "No one yet" or "A few of
us" on the knowledge scale). One that answered "Not sure" to a topic question but none at those levels is unsure.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, case

from ..engine import Content
from ..models import Answer

NEED, UNSURE = "need", "unsure"
NOT_SURE = "dont_know"  # the value every scale gives "Not sure"
LOW_LEVELS = 2  # the two lowest answer levels of a question's scale


def low_values(content: Content, question_id: str) -> tuple[str, ...]:
    """The values of the question's two lowest-scoring answers (its scale's first two levels)."""
    options = content.questions[question_id].options
    scored = sorted((o.score, i, o.value) for i, o in enumerate(options) if o.score is not None)
    return tuple(value for _, _, value in scored[:LOW_LEVELS])


def answer_kinds(content: Content) -> tuple[ColumnElement, ColumnElement]:
    """SQL for an answer's training topic (else NULL), and whether it counts as a need or as unsure (else NULL).
    Renamed questions' old ids are included, so an audit from before the rename counts like a new one."""
    topics: dict[str, str] = {}
    lows: dict[tuple[str, ...], list[str]] = {}  # questions grouped by their low values (nearly always one group)
    unsure: list[str] = []
    for stored, question_id in sorted(content.question_ids.items()):
        question = content.questions[question_id]
        if question.tags is None:
            continue
        topics[stored] = question.tags.training
        lows.setdefault(low_values(content, question_id), []).append(stored)
        if NOT_SURE in question.values:
            unsure.append(stored)
    kind = case(
        *((Answer.question_id.in_(ids) & Answer.value.in_(values), NEED) for values, ids in lows.items()),
        ((Answer.question_id.in_(unsure) & (Answer.value == NOT_SURE)), UNSURE),
        else_=None,
    )
    return case(topics, value=Answer.question_id, else_=None), kind
