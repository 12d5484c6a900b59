"""The stored figures: built from the audits, kept right as organisations change, compared with a fresh count.

Every change to what an organisation counts for (registering, starting or submitting an audit, changing the
profile, deleting the organisation) adds the change in its rows, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Connection, Select, bindparam, delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from ..content_store import get_content
from ..disclosure import Cell
from ..extensions import db
from ..models import Organisation, StoredFigure
from .figure_definition import stored_rows

KEY = ("scope", "span", "period", "measure", "item", "value")
Figures = dict[tuple, Cell]  # KEY -> how many organisations, and their record keys added up


def _difference(after: Figures, before: Figures) -> Figures:
    keys = set(after) | set(before)
    return {key: after.get(key, Cell()) - before.get(key, Cell()) for key in keys}


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
    rows = insert(StoredFigure).from_select([*KEY, "count", "key_sum"], stored_rows())
    return connection.execute(rows.execution_options(preserve_rowcount=True)).rowcount


@cache
def _one_organisation(content_version: str) -> Select:
    # Built once per content version (its training needs follow the content's tags): every change to an
    # organisation runs it twice, and building it costs more than running it.
    return stored_rows(Organisation.id == bindparam("organisation_id"))


def figures_of(organisation_id: int | None = None) -> Figures:
    """Stored figures worked out afresh, for everyone or for what one organisation adds:
    (scope, span, period, measure, item, value) -> Cell."""
    statement = stored_rows() if organisation_id is None else _one_organisation(get_content().version)
    rows = db.session.execute(statement, {"organisation_id": organisation_id})
    return {tuple(row[:-2]): Cell(row[-2], int(row[-1])) for row in rows}


def _add(changes: Figures) -> None:
    # One statement, rows in key order: two transactions touching the same rows lock them in the same order.
    names = (*KEY, "count", "key_sum")
    rows = [dict(zip(names, (*key, c.count, c.keys), strict=True)) for key, c in sorted(changes.items()) if c]
    if rows:
        statement = (postgresql if db.engine.dialect.name == "postgresql" else sqlite).insert(StoredFigure)
        adds = {name: getattr(StoredFigure, name) + getattr(statement.excluded, name) for name in names[-2:]}
        statement = statement.on_conflict_do_update(index_elements=KEY, set_=adds)
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
    _add(_difference(figures_of(organisation_id), before))


def count_new_organisation(organisation_id: int) -> None:
    """Add a new organisation (registered, unseen by anyone else yet) to the stored figures; the caller commits."""
    db.session.flush()
    _add(figures_of(organisation_id))


def figure_differences() -> list[tuple[tuple, Cell, Cell]]:
    """(key, stored, worked out afresh) wherever a stored figure is wrong. Empty means all is well."""
    rows = db.session.execute(select(StoredFigure.__table__))
    stored = {tuple(row[:-2]): Cell(row[-2], row[-1]) for row in rows if row[-2] or row[-1]}
    _count_everything(db.session.connection())
    fresh = figures_of()
    keys = sorted(key for key in set(stored) | set(fresh) if stored.get(key, Cell()) != fresh.get(key, Cell()))
    return [(key, stored.get(key, Cell()), fresh.get(key, Cell())) for key in keys]
