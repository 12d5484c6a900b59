"""The reference for the dashboard: the aggregate SQL its figures need, hand-written and run directly.

Same figures as `inclusion_audit.queries.dashboard` (checked in `check_same_figures`), written the way one would by
hand: a CTE for each organisation's latest submitted audit, then GROUP BYs. Run with `text()` on a plain
connection: no ORM, no Flask, no templates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Connection, DateTime, bindparam, text

from inclusion_audit.queries import Filters


@dataclass(frozen=True)
class RawFigures:
    headline: tuple[int, int, int, int]
    buckets: dict[str, list[int]]
    quarter_organisations: dict[tuple[int, int], int]
    quarter_buckets: dict[tuple[int, int], dict[str, list[int]]]
    gaps: list[tuple[str, int, int]]


def _where(filters: Filters, column: str) -> tuple[str, dict]:
    """Profile and period conditions on `organisation o` and the given date column (verified organisations only,
    as the coordinator figures count)."""
    clauses, params = ["o.verification = 'verified'"], {}
    for name in ("area", "org_type", "size_band"):
        if getattr(filters, name):
            clauses.append(f"o.{name} = :{name}")
            params[name] = getattr(filters, name)
    if filters.group:
        clauses.append(
            'EXISTS (SELECT 1 FROM organisation_group g WHERE g.organisation_id = o.id AND g."group" = :grp)'
        )
        params["grp"] = filters.group
    if filters.start:
        clauses.append(f"{column} >= :start")
        params["start"] = filters.start
    if filters.end:
        clauses.append(f"{column} < :end")
        params["end"] = filters.end
    return " AND ".join(clauses), params


def _run(connection: Connection, sql: str, params: dict):
    statement = text(sql)
    for name in ("start", "end"):
        if name in params:
            statement = statement.bindparams(bindparam(name, type_=DateTime))
    return connection.execute(statement, params).all()


def _year_quarter(dialect: str) -> tuple[str, str]:
    if dialect == "sqlite":
        return (
            "CAST(strftime('%Y', a.submitted_at) AS INTEGER)",
            "(CAST(strftime('%m', a.submitted_at) AS INTEGER) + 2) / 3",
        )
    return (
        "CAST(EXTRACT(YEAR FROM a.submitted_at) AS INTEGER)",
        "(CAST(EXTRACT(MONTH FROM a.submitted_at) AS INTEGER) + 2) / 3",
    )


BUCKET = "CASE WHEN s.percent >= 90 THEN 9 ELSE s.percent / 10 END"


ORG_AUDITS = "FROM audit a JOIN organisation o ON o.id = a.organisation_id"


def _latest(filters: Filters) -> tuple[str, dict]:
    submitted, params = _where(filters, "a.submitted_at")
    cte = (
        f"WITH latest AS (SELECT id FROM (SELECT a.id, row_number() OVER (PARTITION BY a.organisation_id"
        f" ORDER BY a.submitted_at DESC, a.id DESC) AS n {ORG_AUDITS} WHERE a.status = 'submitted' AND {submitted})"
        f" ranked WHERE n = 1)"
    )
    return cte, params


def raw_headline(connection: Connection, filters: Filters) -> tuple[int, ...]:
    submitted, params = _where(filters, "a.submitted_at")
    started, started_params = _where(filters, "a.started_at")
    registered, registered_params = _where(filters, "o.created_at")
    row = _run(
        connection,
        f"SELECT (SELECT count(*) FROM organisation o WHERE {registered}),"
        f" (SELECT count(*) {ORG_AUDITS} WHERE {started}),"
        f" (SELECT count(*) {ORG_AUDITS} WHERE a.status = 'submitted' AND {submitted}),"
        f" (SELECT count(DISTINCT a.organisation_id) {ORG_AUDITS} WHERE a.status = 'submitted' AND {submitted})",
        {**registered_params, **started_params, **params},
    )[0]
    return tuple(int(n) for n in row)


def raw_buckets(connection: Connection, filters: Filters) -> dict[str, list[int]]:
    latest, params = _latest(filters)
    buckets: dict[str, list[int]] = {}
    sql = f"{latest} SELECT s.section_id, {BUCKET}, count(*) FROM section_score s JOIN latest ON latest.id = s.audit_id"
    for section, bucket, count in _run(connection, f"{sql} WHERE s.percent IS NOT NULL GROUP BY 1, 2", params):
        buckets.setdefault(section, [0] * 10)[int(bucket)] = count
    return buckets


def _whole_quarters(filters: Filters) -> Filters:
    """The trends show only the quarters that lie wholly in the period."""
    if filters.start is None:
        return filters
    quarter = -(-(filters.start.year * 12 + filters.start.month - 1) // 3)
    return replace(filters, start=datetime(quarter // 4, 3 * (quarter % 4) + 1, 1))


def raw_quarters(connection: Connection, filters: Filters):
    submitted, params = _where(_whole_quarters(filters), "a.submitted_at")
    year, quarter = _year_quarter(connection.dialect.name)
    firsts = (
        f"WITH firsts AS (SELECT id, y, q FROM (SELECT a.id, {year} AS y, {quarter} AS q, row_number() OVER"
        f" (PARTITION BY a.organisation_id, {year}, {quarter} ORDER BY a.submitted_at DESC, a.id DESC) AS n"
        f" {ORG_AUDITS} WHERE a.status = 'submitted' AND {submitted}) ranked WHERE n = 1)"
    )
    counts = _run(connection, f"{firsts} SELECT y, q, count(*) FROM firsts GROUP BY 1, 2", params)
    organisations = {(int(y), int(q)): n for y, q, n in counts}
    buckets: dict[tuple[int, int], dict[str, list[int]]] = {}
    scores = "FROM section_score s JOIN firsts ON firsts.id = s.audit_id"
    sql = f"{firsts} SELECT y, q, s.section_id, {BUCKET}, count(*) {scores} WHERE s.percent IS NOT NULL"
    for y, q, section, bucket, count in _run(connection, f"{sql} GROUP BY 1, 2, 3, 4", params):
        buckets.setdefault((int(y), int(q)), {}).setdefault(section, [0] * 10)[int(bucket)] = count
    return organisations, buckets


def raw_gaps(connection: Connection, filters: Filters) -> list[tuple[str, int, int]]:
    latest, params = _latest(filters)
    rows = _run(
        connection,
        f"{latest} SELECT an.question_id, sum(CASE WHEN an.value = 'not_started' THEN 1 ELSE 0 END),"
        f" sum(CASE WHEN an.value = 'dont_know' THEN 1 ELSE 0 END) FROM answer an JOIN latest"
        f" ON latest.id = an.audit_id WHERE an.value IN ('not_started', 'dont_know') GROUP BY an.question_id"
        f" ORDER BY an.question_id",  # every question: the dashboard ranks them by their perturbed counts
        params,
    )
    return [(question, int(ns), int(dk)) for question, ns, dk in rows]


RAW = {
    "headline": raw_headline,
    "section_buckets": raw_buckets,
    "quarter_buckets": raw_quarters,
    "question_gaps": raw_gaps,
}


def raw_figures(connection: Connection, filters: Filters) -> RawFigures:
    organisations, buckets = raw_quarters(connection, filters)
    return RawFigures(
        raw_headline(connection, filters),
        raw_buckets(connection, filters),
        organisations,
        buckets,
        raw_gaps(connection, filters),
    )


def check_same_figures(raw: RawFigures, filters: Filters) -> None:
    """The reference must compute what the dashboard shows, or the comparison means nothing."""
    from inclusion_audit import queries

    def counts(buckets: dict) -> dict:  # the queries give cells (a count and a key sum): compare the counts
        return {key: [cell.count for cell in cells] for key, cells in buckets.items()}

    headline = queries.headline(filters)
    ours = tuple(cell.count for cell in vars(headline).values())
    problems = []
    if ours != raw.headline:
        problems.append(f"headline {ours} vs {raw.headline}")
    if counts(queries.section_buckets(filters)) != raw.buckets:
        problems.append("section histograms")
    organisations, buckets = queries.quarter_buckets(filters)
    quarters = {quarter: counts(by_section) for quarter, by_section in buckets.items()}
    if {q: c.count for q, c in organisations.items()} != raw.quarter_organisations or quarters != raw.quarter_buckets:
        problems.append("quarterly figures")
    gaps = [(gap.question_id, gap.not_started.count, gap.dont_know.count) for gap in queries.question_gaps(filters)]
    if gaps != raw.gaps:
        problems.append(f"question gaps {gaps[:3]} vs {raw.gaps[:3]}")
    if problems:
        raise AssertionError(f"raw SQL reference disagrees with the dashboard queries: {', '.join(problems)}")


def raw_stored_figures(connection: Connection) -> tuple:
    """A second reference, for the page's own overhead: the unfiltered view's figures read straight from the
    stored figures (the dashboard's real work), without the ORM, Flask or templates."""
    headline = _run(
        connection,
        "SELECT (SELECT count(*) FROM organisation), (SELECT count(*) FROM audit),"
        " (SELECT count(*) FROM audit WHERE status = 'submitted')",
        {},
    )
    sums = _run(
        connection,
        "SELECT measure, item, value, sum(count), sum(key_sum) FROM stored_figure WHERE scope = '' AND span = 'current'"
        " GROUP BY measure, item, value",
        {},
    )
    quarters = _run(
        connection,
        "SELECT period, measure, item, value, count, key_sum FROM stored_figure WHERE scope = '' AND span = 'quarter'"
        " AND measure IN ('results', 'score')",
        {},
    )
    return headline, sums, quarters
