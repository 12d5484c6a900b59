"""Unexpected errors: logged with a traceback and a reference the user can quote, and the error page still
works after a database error."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from inclusion_audit import errors
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation


@pytest.fixture
def live_like(app, app_config, make_app):
    """An app that handles unexpected errors as production does, with views that fail in chosen ways."""
    made = make_app({**app_config, "HANDLE_UNEXPECTED_ERRORS": True, "PROPAGATE_EXCEPTIONS": False})
    seen = {}

    def crash():
        raise RuntimeError("something nobody expected")

    def database_crash():
        db.session.add(Organisation(name=None))  # NOT NULL: the flush fails and the session needs a rollback
        db.session.flush()

    def check_session(response):
        seen["session_usable"] = db.session.execute(select(1)).scalar() == 1
        return response

    made.add_url_rule("/test-crash", "test_crash", crash)
    made.add_url_rule("/test-database-crash", "test_database_crash", database_crash)
    made.after_request(check_session)
    return made, seen


def test_an_unexpected_error_is_logged_with_its_traceback_and_a_reference_shown_to_the_user(live_like, caplog):
    app, _ = live_like
    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/test-crash")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Sorry, there is a problem with the service" in html
    reference = response.headers["X-Request-Id"]
    assert len(reference) == 10 and reference in html
    logged = [record for record in caplog.records if reference in record.getMessage()]
    assert logged and logged[0].exc_info and "something nobody expected" in str(logged[0].exc_info[1])
    assert "/test-crash" in logged[0].getMessage()


def test_after_a_database_error_the_session_is_rolled_back_and_the_page_renders(live_like):
    app, seen = live_like
    response = app.test_client().get("/test-database-crash")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.get_data(as_text=True)
    assert seen["session_usable"], "the database session works again once the error page is shown"


def test_if_the_error_page_itself_fails_a_plain_page_still_gives_the_reference(live_like, monkeypatch, caplog):
    app, _ = live_like

    def broken(*args, **kwargs):
        raise RuntimeError("template trouble")

    monkeypatch.setattr(errors, "render_template", broken)
    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/test-crash")
    assert response.status_code == 500
    assert response.headers["X-Request-Id"] in response.get_data(as_text=True)
    assert any("error page itself failed" in record.getMessage() for record in caplog.records)


def test_every_response_carries_a_request_reference(client):
    first, second = client.get("/").headers["X-Request-Id"], client.get("/").headers["X-Request-Id"]
    assert first != second
