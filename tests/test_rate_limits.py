"""Rate limits on every check of a password, per account as well as per address, and limits that keep
working (in memory, with a warning) when Redis is down."""

from __future__ import annotations

import logging
import socket

import pytest

from tests.audit.helpers import complete_audit
from tests.conftest import PASSWORD, Accounts


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_guessing_the_current_password_to_change_it_is_limited(member_client):
    data = {"current_password": "wrong-guess-123", "new_password": "x" * 12, "confirm_password": "x" * 12}
    statuses = [member_client.post("/account/password", data=data).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_guessing_the_password_to_delete_the_organisation_is_limited_per_account(app, member_client):
    data = {"confirm": "y", "password": "wrong-guess-123"}
    statuses = [
        member_client.post("/audit/delete", data=data, environ_base={"REMOTE_ADDR": f"10.1.0.{n}"}).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]


def test_reset_requests_for_one_address_are_limited_whatever_the_client_address(app, accounts):
    accounts.member()
    statuses = [
        app.test_client()
        .post("/password/forgot", data={"email": "member@example.org"}, environ_base={"REMOTE_ADDR": f"10.2.0.{n}"})
        .status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    assert len([m for m in app.extensions["outbox"] if m.to == "member@example.org"]) == 5


@pytest.fixture
def redis_down(app, app_config, make_app):
    return make_app({**app_config, "RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:{_closed_port()}/0"})


def test_when_redis_is_down_limited_pages_still_work_and_limits_apply_from_memory(redis_down, caplog):
    app = redis_down
    Accounts(app, app.test_client()).member()
    member = app.test_client()
    with caplog.at_level(logging.WARNING):
        Accounts(app, member).sign_in("member@example.org")
        audit_id = complete_audit(member, app, "starting-out")
        checks = {
            "registration": app.test_client().post(
                "/account/create", data={"organisation_name": "X", "email": "x@ex.org"}
            ),
            "reset": app.test_client().post("/password/forgot", data={"email": "member@example.org"}),
            "invitation": member.post("/audit/team", data={"email": "colleague@example.org"}),
            "pdf": member.get(f"/audits/{audit_id}/guide.pdf"),
        }
    assert {name: response.status_code for name, response in checks.items()} == {
        "registration": 200,
        "reset": 200,
        "invitation": 302,
        "pdf": 200,
    }
    assert any("falling back to in-memory" in record.getMessage() for record in caplog.records)
    # Limits still hold, counted in this process's memory.
    guesser = app.test_client()
    data = {"email": "member@example.org", "password": "wrong-password-1"}
    statuses = [guesser.post("/sign-in", data=data).status_code for _ in range(6)]
    assert statuses[-1] == 429
    assert guesser.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD}).status_code == 429
