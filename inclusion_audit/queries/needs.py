"""Training needs: how many organisations need each training topic, counted in SQL from their latest audits.

An organisation needs a topic when, in its latest audit in the view, at least one of the topic's questions is
answered at one of that question's two lowest answer levels ("Not started" or "Planning or early steps"; "No one
yet" or "A few of us" on the knowledge scale). One that answered "Not sure" to a topic question but at neither
low level is counted apart, as unsure. Each organisation counts once per topic however many questions it has
there. Raw cells come back: the caller passes them through `disclosure` before showing them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select

from ..disclosure import Cell
from ..engine import Content
from ..extensions import db
from ..models import Answer, Organisation
from .figure_definition import counted
from .latest import Filters, latest_submitted_audits

__all__ = ["NEED", "UNSURE", "TopicCells", "low_values", "topic_cells"]

NEED, UNSURE = "need", "unsure"
NOT_SURE = "dont_know"  # the value every scale gives "Not sure"
LOW_LEVELS = 2  # the two lowest answer levels of a question's scale


@dataclass(frozen=True)
class TopicCells:
    need: Cell  # organisations with at least one of the topic's questions at a low level
    unsure: Cell  # organisations with none at a low level but at least one "Not sure"


def low_values(content: Content, question_id: str) -> tuple[str, ...]:
    """The values of the question's two lowest-scoring answers (its scale's first two levels)."""
    scored = sorted(
        (o.score, i, o.value) for i, o in enumerate(content.questions[question_id].options) if o.score is not None
    )
    return tuple(value for _, _, value in scored[:LOW_LEVELS])


def _answer_kinds(content: Content) -> tuple[ColumnElement, ColumnElement]:
    """SQL for an answer's training topic and whether it counts as a need or as unsure (else NULL). Renamed
    questions' old ids are included, so an audit from before the rename counts like a new one."""
    topics: dict[str, str] = {}
    lows: dict[tuple[str, ...], list[str]] = {}  # questions grouped by their low values (nearly always one group)
    unsure: list[str] = []
    for stored, question_id in content.question_ids.items():
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


def topic_cells(content: Content, filters: Filters) -> dict[str, TopicCells]:
    """Topic id -> its cells, for the verified organisations matching the filters (latest audit in the period).
    Topics no organisation needs or is unsure of are left out; the caller lists every topic."""
    topic, kind = _answer_kinds(content)
    latest = latest_submitted_audits(filters, counted())
    need = func.max(case((kind == NEED, 1), else_=0)).label("need")
    per_organisation = (
        select(Organisation.id, Organisation.record_key, topic.label("topic"), need)
        .select_from(latest)
        .join(Organisation, Organisation.id == latest.c.organisation_id)
        .join(Answer, Answer.audit_id == latest.c.audit_id)
        .where(kind.is_not(None), topic.is_not(None))
        .group_by(Organisation.id, Organisation.record_key, topic)
        .subquery("per_organisation")
    )
    p = per_organisation.c
    rows = db.session.execute(select(p.topic, p.need, func.count(), func.sum(p.record_key)).group_by(p.topic, p.need))
    cells: dict[str, dict[str, Cell]] = {}
    for topic, is_need, count, keys in rows:
        cells.setdefault(topic, {})[NEED if is_need else UNSURE] = Cell(int(count), int(keys or 0))
    return {topic: TopicCells(c.get(NEED, Cell()), c.get(UNSURE, Cell())) for topic, c in cells.items()}
