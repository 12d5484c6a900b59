"""The stored figures: built from the audits, kept right as organisations change, compared with a fresh count.

Every change to what an organisation counts for (registering, starting or submitting an audit, changing the
profile, deleting the organisation) adds the change in its rows, in the same transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Connection, Select, bindparam, delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from ..extensions import db
from ..models import Organisation, StoredFigure
from .figure_definition import stored_rows

KEY = ("scope", "span", "period", "measure", "item", "value")


def _count_everything(connection: Connection) -> None:
    # Room to add up every organisation in memory: with PostgreSQL's default 4 MB of working memory it sorts
    # every (row, scope) pair on disk instead, about 4 times slower at 100,000 audits.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SET LOCAL work_mem = '64MB'"))


def rebuild_stored_figures(connection: Connection) -> int:
    """Work out every stored figure again from the audits, in the connection's transaction. Returns the rows."""
    if connection.dialect.name == "postgresql":
        # Changes to organisations wait until the rebuild is committed, then add theirs on top of it.
        connection.execute(text("LOCK TABLE stored_figure IN EXCLUSIVE MODE"))
    _count_everything(connection)
    connection.execute(delete(StoredFigure))
    rows = insert(StoredFigure).from_select([*KEY, "count"], stored_rows())
    return connection.execute(rows.execution_options(preserve_rowcount=True)).rowcount


@cache
def _one_organisation() -> Select:
    # Built once: every change to an organisation runs it twice, and building it costs more than running it.
    return stored_rows(Organisation.id == bindparam("organisation_id"))


def figures_of(organisation_id: int | None = None) -> Counter[tuple]:
    """Stored figures worked out afresh, for everyone or for what one organisation adds:
    (scope, span, period, measure, item, value) -> count."""
    statement = stored_rows() if organisation_id is None else _one_organisation()
    rows = db.session.execute(statement, {"organisation_id": organisation_id})
    return Counter({tuple(row[:-1]): row[-1] for row in rows})


def _add(changes: Counter[tuple]) -> None:
    # One statement, rows in key order: two transactions touching the same rows lock them in the same order.
    rows = [dict(zip((*KEY, "count"), (*key, n), strict=True)) for key, n in sorted(changes.items()) if n]
    if rows:
        statement = (postgresql if db.engine.dialect.name == "postgresql" else sqlite).insert(StoredFigure)
        statement = statement.on_conflict_do_update(
            index_elements=KEY, set_={"count": StoredFigure.count + statement.excluded.count}
        )
        db.session.execute(statement, rows)


def lock_organisation(organisation_id: int) -> None:
    """Hold the organisation's row to the end of the transaction, so that two changes to it (a double-clicked
    Submit, two tabs) run one after the other, never both from the same "before". A write that changes nothing,
    as SQLite has no SELECT ... FOR UPDATE: its first write in a transaction takes the database's write lock."""
    unchanged = update(Organisation).where(Organisation.id == organisation_id).values(id=Organisation.id)
    db.session.execute(unchanged, execution_options={"synchronize_session": False})


@contextmanager
def stored_figures_kept(organisation_id: int) -> Iterator[None]:
    """Wrap any change to what one organisation counts for (its profile, its audits); the caller commits."""
    lock_organisation(organisation_id)
    before = figures_of(organisation_id)
    yield
    db.session.flush()
    changes = figures_of(organisation_id)
    changes.subtract(before)
    _add(changes)


def count_new_organisation(organisation_id: int) -> None:
    """Add a new organisation (registered, unseen by anyone else yet) to the stored figures; the caller commits."""
    db.session.flush()
    _add(figures_of(organisation_id))


def figure_differences() -> list[tuple[tuple, int, int]]:
    """(key, stored, worked out afresh) wherever a stored figure is wrong. Empty means all is well."""
    stored = Counter({tuple(row[:-1]): row[-1] for row in db.session.execute(select(StoredFigure.__table__))})
    _count_everything(db.session.connection())
    fresh = figures_of()
    keys = sorted(key for key in set(stored) | set(fresh) if stored[key] != fresh[key])
    return [(key, stored[key], fresh[key]) for key in keys]
