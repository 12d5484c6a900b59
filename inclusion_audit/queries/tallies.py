"""The stored dashboard tallies: build them from the audits, keep them right as things change, read them.

Every change to what an organisation contributes (submitting an audit, changing the profile, deleting
the organisation) goes through `tallies_kept`, which works out the organisation's contribution before
and after the change and adds the difference, in the same transaction as the change itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Select, delete, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from ..extensions import db
from ..models import Answer, Audit, Organisation, OrganisationGroup, ResultTally, SectionScore, TallyBuild, utcnow
from .tally_cells import (
    ANSWER,
    GAP_VALUES,
    RESULTS,
    SCORE,
    Cell,
    ProfileKeys,
    Slots,
    SubmittedAudit,
    bucket_of,
    count_cells,
    scopes_of,
    slots_of,
)
from .tally_plan import Plan

__all__ = [
    "TALLY_VERSION",
    "rebuild_tallies",
    "tallies_kept",
    "tallies_ready",
    "tally_counts",
    "tally_counts_by_period",
    "tally_differences",
]

# Bump when `tally_cells` changes what is counted: the dashboard then reads the audits directly until
# `flask figures rebuild` has rebuilt the tallies the new way.
TALLY_VERSION = 1
_BATCH = 500  # audits per IN list (well inside every database's limit on bound parameters)


def tallies_ready() -> bool:
    return db.session.scalar(select(TallyBuild.version).where(TallyBuild.id == 1)) == TALLY_VERSION


def _only(column, ids: Sequence[int] | None) -> list:
    """A condition limiting `column` to `ids`; none at all when `ids` is None (everything)."""
    return [] if ids is None else [column.in_(ids)]


def _scopes(organisation_ids: Sequence[int] | None) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for organisation_id, group in db.session.execute(
        select(OrganisationGroup.organisation_id, OrganisationGroup.group).where(
            *_only(OrganisationGroup.organisation_id, organisation_ids)
        )
    ):
        groups.setdefault(organisation_id, []).append(group)
    rows = db.session.execute(
        select(Organisation.id, Organisation.area, Organisation.org_type, Organisation.size_band).where(
            *_only(Organisation.id, organisation_ids)
        )
    )
    return {row[0]: scopes_of(ProfileKeys(*row[1:], groups=tuple(sorted(groups.get(row[0], ()))))) for row in rows}


def _slots(organisation_ids: Sequence[int] | None) -> Slots:
    audits: dict[int, list[SubmittedAudit]] = {}
    for audit_id, organisation_id, when in db.session.execute(
        select(Audit.id, Audit.organisation_id, Audit.submitted_at).where(
            Audit.status == "submitted", *_only(Audit.organisation_id, organisation_ids)
        )
    ):
        audits.setdefault(organisation_id, []).append(SubmittedAudit(audit_id, when))
    return slots_of(audits)


def _stream(statement: Select):
    """Rows straight off the connection, a batch at a time (a rebuild reads millions)."""
    return db.session.connection().execute(statement.execution_options(yield_per=10_000))


def _facts(slots: Slots, whole_table: bool) -> Iterator[tuple[int, str, str, str]]:
    """(audit id, measure, item, value) for the audits with slots. For a rebuild, whole tables are read
    in one pass (rows of audits without a slot are skipped later); otherwise only those audits' rows."""
    yield from ((audit_id, RESULTS, "", "") for audit_id in slots)
    wanted = sorted(slots)
    chunks = [None] if whole_table else [wanted[i : i + _BATCH] for i in range(0, len(wanted), _BATCH)]
    for chunk in chunks:
        scores = select(SectionScore.audit_id, SectionScore.section_id, SectionScore.percent).where(
            SectionScore.percent.is_not(None), *_only(SectionScore.audit_id, chunk)
        )
        for audit_id, section_id, percent in _stream(scores):
            yield audit_id, SCORE, section_id, str(bucket_of(percent))
        answers = select(Answer.audit_id, Answer.question_id, Answer.value).where(
            Answer.value.in_(GAP_VALUES), *_only(Answer.audit_id, chunk)
        )
        for audit_id, question_id, value in _stream(answers):
            yield audit_id, ANSWER, question_id, value


def organisation_contributions(organisation_ids: Sequence[int] | None) -> Counter[Cell]:
    """What these organisations (None: all of them) add to the tallies, from the database as it is now."""
    slots = _slots(organisation_ids)
    return count_cells(_scopes(organisation_ids), slots, _facts(slots, whole_table=organisation_ids is None))


def _rows(counts: Counter[Cell]) -> list[dict]:
    """Non-zero counts as rows to insert, in key order."""
    return [dict(zip(Cell._fields, cell, strict=True), count=n) for cell, n in sorted(counts.items()) if n]


# Cell's fields, then the count, in the order the rows below are written.
_COPY = "COPY result_tally (scope, span, period, measure, item, value, count) FROM STDIN"
_INSERT = "INSERT INTO result_tally (scope, span, period, measure, item, value, count) VALUES (?, ?, ?, ?, ?, ?, ?)"


def _insert_all(counts: Counter[Cell]) -> int:
    """Insert a rebuild's rows (100,000 or more) as plain tuples on the session's own connection and
    transaction: COPY on PostgreSQL (row-by-row inserts cost about 80 microseconds a row there), the
    driver's executemany on SQLite (it runs in C). Returns the number of rows."""
    rows = ((*cell, n) for cell, n in counts.items() if n)
    driver = db.session.connection().connection.driver_connection
    if db.engine.dialect.name == "postgresql":
        with driver.cursor() as cursor, cursor.copy(_COPY) as copy:
            for row in rows:
                copy.write_row(row)
    else:
        driver.cursor().executemany(_INSERT, rows)
    return sum(1 for n in counts.values() if n)


def _add(changes: Counter[Cell]) -> None:
    """Add each change to its stored count (creating rows as needed), in key order so that two
    transactions touching the same rows take their locks in the same order and cannot deadlock."""
    rows = _rows(changes)
    if not rows:
        return
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(ResultTally)
    statement = statement.on_conflict_do_update(
        index_elements=list(Cell._fields), set_={"count": ResultTally.count + statement.excluded.count}
    )
    db.session.execute(statement, rows)


def lock_organisation(organisation_id: int) -> None:
    """Hold the organisation's row until the transaction ends, so that two changes to one organisation
    (a double-clicked Submit, two colleagues at once) run one after the other and never both start from
    the same "before". A write that changes nothing, rather than SELECT ... FOR UPDATE, because SQLite has
    no row locks: its first write in a transaction takes the database's write lock instead."""
    db.session.execute(
        update(Organisation).where(Organisation.id == organisation_id).values(id=Organisation.id),
        execution_options={"synchronize_session": False},
    )


@contextmanager
def tallies_kept(organisation_id: int) -> Iterator[None]:
    """Wrap any change to one organisation's profile or submitted audits; the caller commits."""
    lock_organisation(organisation_id)
    if not tallies_ready():
        yield
        return
    before = organisation_contributions([organisation_id])
    yield
    db.session.flush()
    changes = organisation_contributions([organisation_id])
    changes.subtract(before)
    _add(changes)


def rebuild_tallies() -> int:
    """Work out every tally from the audits again, in one transaction. Returns the number of rows."""
    if db.engine.dialect.name == "postgresql":
        # Submissions wait until the rebuild is committed, then add their changes on top of it.
        db.session.execute(text("LOCK TABLE result_tally IN EXCLUSIVE MODE"))
    db.session.execute(delete(ResultTally))
    db.session.execute(delete(TallyBuild))
    rows = _insert_all(organisation_contributions(None))
    db.session.add(TallyBuild(id=1, version=TALLY_VERSION, built_at=utcnow()))
    db.session.commit()
    return rows


def tally_differences() -> list[tuple[Cell, int, int]]:
    """(cell, stored, worked out afresh) wherever the stored tallies are wrong. Empty means all is well."""
    stored = {
        Cell(*row[:6]): row[6]
        for row in db.session.execute(select(*(getattr(ResultTally, f) for f in Cell._fields), ResultTally.count))
        if row[6]
    }
    fresh = organisation_contributions(None)
    cells = sorted(set(stored) | {cell for cell, n in fresh.items() if n})
    return [(cell, stored.get(cell, 0), fresh[cell]) for cell in cells if stored.get(cell, 0) != fresh[cell]]


def _in_plan(statement: Select, scope: str, plan: Plan, measures: tuple[str, ...]) -> Select:
    statement = statement.where(
        ResultTally.scope == scope, ResultTally.span == plan.span, ResultTally.measure.in_(measures)
    )
    if plan.first is not None:
        statement = statement.where(ResultTally.period >= plan.first)
    if plan.last is not None:
        statement = statement.where(ResultTally.period <= plan.last)
    return statement


def tally_counts(scope: str, plan: Plan, measures: tuple[str, ...]) -> Counter[tuple[str, str, str]]:
    """(measure, item, value) -> count, added up over the plan's periods."""
    key = (ResultTally.measure, ResultTally.item, ResultTally.value)
    statement = _in_plan(select(*key, func.sum(ResultTally.count)), scope, plan, measures).group_by(*key)
    return Counter({(m, i, v): int(n) for m, i, v, n in db.session.execute(statement) if n})


def tally_counts_by_period(scope: str, plan: Plan, measures: tuple[str, ...]) -> dict[int, Counter]:
    """Period number -> (measure, item, value) -> count."""
    columns = (ResultTally.period, ResultTally.measure, ResultTally.item, ResultTally.value, ResultTally.count)
    result: dict[int, Counter] = {}
    for period, measure, item, value, n in db.session.execute(_in_plan(select(*columns), scope, plan, measures)):
        if n:
            result.setdefault(period, Counter())[measure, item, value] += n
    return result
