"""Double clicks and simultaneous tabs: every one of several identical requests sent at the same moment
ends where the first one did, with no error and nothing counted twice."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from inclusion_audit.extensions import db
from inclusion_audit.models import Audit, OrganisationGroup
from tests.audit.helpers import complete_audit, example
from tests.conftest import Accounts

TOGETHER = 8


@pytest.fixture
def unlimited(app, app_config, make_app):
    return make_app({**app_config, "RATELIMIT_ENABLED": False})


def signed_in_clients(app, count: int) -> list:
    clients = []
    for _ in range(count):
        client = app.test_client()
        Accounts(app, client).sign_in("member@example.org")
        clients.append(client)
    return clients


def all_at_once(clients, method: str, path: str, data: dict | None = None) -> list:
    """Send the same request from every client at the same instant; return (status, location) or the error."""
    barrier = threading.Barrier(len(clients))
    results: list = [None] * len(clients)

    def send(index: int) -> None:
        barrier.wait()
        try:
            response = clients[index].open(path, method=method, data=data)
            results[index] = (response.status_code, response.headers.get("Location"))
        except Exception as error:  # noqa: BLE001  (a crash is exactly what this test looks for)
            results[index] = repr(error)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_identical_profile_saves_at_the_same_moment_all_succeed(unlimited):
    app = unlimited
    Accounts(app, app.test_client()).member()
    profile = example("starting-out")["profile"]
    data = {key: profile[key] for key in ("name", "org_type", "size_band", "area")}
    data["groups"] = ["homelessness", "sex_workers"]
    data["works_with_families"] = "no"
    results = all_at_once(signed_in_clients(app, TOGETHER), "POST", "/audit/profile", data)
    assert results == [(302, "/audit/")] * TOGETHER, results
    with app.app_context():
        groups = db.session.scalars(select(OrganisationGroup.group).order_by(OrganisationGroup.group)).all()
    assert groups == ["homelessness", "sex_workers"]


def test_submitting_the_same_audit_from_several_tabs_at_once_gives_one_submission(unlimited):
    app = unlimited
    Accounts(app, app.test_client()).member()
    clients = signed_in_clients(app, TOGETHER)
    complete_audit(clients[0], app, "starting-out", submit=False)
    results = all_at_once(clients, "POST", "/audit/submit")
    with app.app_context():
        audits = db.session.scalars(select(Audit)).all()
        assert len(audits) == 1 and audits[0].is_submitted
        expected = (302, f"/audits/{audits[0].id}/results?submitted=1")
    assert results == [expected] * TOGETHER, results


def test_starting_a_new_audit_twice_at_once_starts_one(unlimited):
    app = unlimited
    Accounts(app, app.test_client()).member()
    clients = signed_in_clients(app, 4)
    complete_audit(clients[0], app, "starting-out")
    results = all_at_once(clients, "POST", "/audit/new")
    assert results == [(302, "/audit/")] * 4, results
    with app.app_context():
        in_progress = db.session.scalar(select(func.count()).select_from(Audit).where(Audit.status == "in_progress"))
    assert in_progress == 1
