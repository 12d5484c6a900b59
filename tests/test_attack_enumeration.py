"""Attack round: telling which email addresses have accounts.

The page and the status are the same for every address, but asking for an account does more database work
for an address without an account (it stores the request: a delete, an insert and a commit) than for one with
an account (one read). Measured through the test client, 150 requests each, the median reply was 6 to 9 ms
slower for a new address on both databases (PostgreSQL 22.7 vs 28.9 ms, SQLite 24.0 vs 32.7 ms), enough to
tell the two apart by timing a few dozen requests. The test compares the statements each request runs."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from inclusion_audit.extensions import db


def _statements_for(app, client, url: str, data: dict) -> list[str]:
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement.split(None, 1)[0].upper())

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.post(url, data=data).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return [kind for kind in seen if kind != "SELECT"]


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/account/create", {"organisation_name": "Riverside Drop-in"}),
        ("/password/forgot", {}),
    ],
)
def test_a_known_and_an_unknown_address_cost_the_same_database_work(app, client, accounts, url, data):
    accounts.member(email="known@example.org")
    known = _statements_for(app, app.test_client(), url, {**data, "email": "known@example.org"})
    unknown = _statements_for(app, app.test_client(), url, {**data, "email": "unknown@example.org"})
    assert known == unknown, f"known address: {known}; unknown address: {unknown}"
