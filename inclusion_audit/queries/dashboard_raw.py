"""Dashboard counts worked out from the audits themselves, in the same shape as the stored tallies.

Used for views the tallies do not cover (two or more profile filters, unusual periods, tallies not
built yet) and for the odd days at the edge of a period. Everything is a GROUP BY in the database.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Integer, Subquery, cast, extract, func, select

from ..extensions import db
from ..models import Answer, Audit, SectionScore
from .latest import Filters, submitted_matching
from .tally_cells import ANSWER, GAP_VALUES, RESULTS, SCORE, bucket_of

Counts = Counter[tuple[str, str, str]]  # (measure, item, value) -> organisations


def raw_counts(latest: Subquery, measures: tuple[str, ...]) -> Counts:
    """Counts over the audits in `latest` (a subquery with an audit_id column)."""
    counts: Counts = Counter()
    if RESULTS in measures:
        counts[RESULTS, "", ""] = db.session.scalar(select(func.count()).select_from(latest)) or 0
    if SCORE in measures:
        # Grouped by the exact percent (at most 101 values a section) and put in buckets here: a bucket
        # expression in SQL cannot be grouped on portably, and a subquery for it made SQLite bucket every score.
        rows = db.session.execute(
            select(SectionScore.section_id, SectionScore.percent, func.count())
            .join(latest, latest.c.audit_id == SectionScore.audit_id)
            .where(SectionScore.percent.is_not(None))
            .group_by(SectionScore.section_id, SectionScore.percent)
        )
        for section_id, percent, n in rows:
            counts[SCORE, section_id, str(bucket_of(percent))] += n
    if ANSWER in measures:
        rows = db.session.execute(
            select(Answer.question_id, Answer.value, func.count())
            .join(latest, latest.c.audit_id == Answer.audit_id)
            .where(Answer.value.in_(GAP_VALUES))
            .group_by(Answer.question_id, Answer.value)
        )
        counts.update({(ANSWER, question_id, value): n for question_id, value, n in rows})
    return counts


def raw_quarter_counts(filters: Filters) -> dict[int, Counts]:
    """Per quarter number: results and score counts over each organisation's latest audit in that quarter."""
    year = cast(extract("year", Audit.submitted_at), Integer)
    quarter = (cast(extract("month", Audit.submitted_at), Integer) + 2) // 3
    newest = (Audit.submitted_at.desc(), Audit.id.desc())
    ranked = select(
        Audit.id.label("audit_id"),
        year.label("year"),
        quarter.label("quarter"),
        func.row_number().over(partition_by=(Audit.organisation_id, year, quarter), order_by=newest).label("rank"),
    )
    ranked = submitted_matching(ranked, filters).subquery("ranked")
    firsts = select(ranked.c.audit_id, ranked.c.year, ranked.c.quarter).where(ranked.c.rank == 1).subquery("firsts")
    result: dict[int, Counts] = {}
    for y, q, n in db.session.execute(
        select(firsts.c.year, firsts.c.quarter, func.count()).group_by(firsts.c.year, firsts.c.quarter)
    ):
        result.setdefault(int(y) * 4 + int(q) - 1, Counter())[RESULTS, "", ""] = n
    rows = db.session.execute(
        select(firsts.c.year, firsts.c.quarter, SectionScore.section_id, SectionScore.percent, func.count())
        .join(SectionScore, SectionScore.audit_id == firsts.c.audit_id)
        .where(SectionScore.percent.is_not(None))
        .group_by(firsts.c.year, firsts.c.quarter, SectionScore.section_id, SectionScore.percent)
    )
    for y, q, section_id, percent, n in rows:
        result[int(y) * 4 + int(q) - 1][SCORE, section_id, str(bucket_of(percent))] += n
    return result
