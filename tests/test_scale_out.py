"""Several app instances behind a load balancer, with one PostgreSQL and one Redis (docs/deploy.md).

Two gunicorn instances on two loopback ports share the database and Redis: a sign-in made on one works on
the other, a rate limit counts requests to both, and the dashboard's stored figures stay right when the same
audits are submitted through both at once.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading

import pytest
from sqlalchemy import create_engine, func, select, text

from inclusion_audit import create_app
from inclusion_audit.content_store import get_content
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit
from tests.audit.helpers import example
from tests.servers import GUNICORN, ROOT, Browser, free_port, start_server, stop_server

pytestmark = pytest.mark.slow

PASSWORD = "plain-river-lantern-42"
ORGANISATIONS = 6
REDIS_DB = 14


def _redis():
    import redis

    try:
        server = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB, socket_connect_timeout=1)
        server.ping()
    except redis.RedisError:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but Redis at 127.0.0.1:6379 does not answer")
        pytest.skip("no Redis server at 127.0.0.1:6379")
    return server


def prepare(database_url: str) -> None:
    """The schema by migration (as a deployment does), and organisations whose audits are ready to submit."""
    from flask_migrate import upgrade

    from inclusion_audit import queries

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        upgrade()
        # As a release does (docs/deploy.md): migrate, then make sure the stored figures are built.
        assert app.test_cli_runner().invoke(args=["figures", "rebuild"]).exit_code == 0
        content, answers = get_content(), example("starting-out")["answers"]
        profile = example("starting-out")["profile"]
        for index in range(ORGANISATIONS):
            # As registration does, so the new organisation is in the stored figures from the start.
            user = queries.create_member(f"Org {index}", f"user{index}@example.org", PASSWORD)
            organisation = user.organisation
            queries.update_profile(
                organisation,
                name=organisation.name,
                org_type=profile["org_type"],
                size_band=profile["size_band"],
                area=profile["area"],
                local_area=profile.get("local_area"),
                works_with_families=profile.get("works_with_families", False),
                groups=profile.get("groups", []),
            )
            for section in content.sections:
                mine = {q.id: answers[q.id] for q in section.questions if q.id in answers}
                queries.save_section(organisation, user, section.id, mine, 0)
        db.engine.dispose()


def signed_in(port: int, index: int) -> Browser:
    browser = Browser(f"http://127.0.0.1:{port}")
    token = browser.form_fields("/sign-in")["csrf_token"]
    status, _, _ = browser.request(
        "/sign-in", {"email": f"user{index}@example.org", "password": PASSWORD, "csrf_token": token}
    )
    assert status == 302
    return browser


def test_two_instances_share_sessions_rate_limits_and_keep_the_figures_right(empty_database_url):
    if not empty_database_url.startswith("postgresql"):
        pytest.skip("runs in the PostgreSQL suite (make test-postgres): instances share one PostgreSQL")
    if not GUNICORN.exists():
        pytest.skip("gunicorn is installed by `make setup`")
    redis_server = _redis()
    redis_server.flushdb()
    prepare(empty_database_url)
    settings = {"RATELIMIT_STORAGE_URI": f"redis://127.0.0.1:6379/{REDIS_DB}", "ACCOUNT_LIMIT": "4 per minute"}
    ports = [free_port(), free_port()]
    servers = [start_server(empty_database_url, port, **settings) for port in ports]
    try:
        # A sign-in made on one instance works on the other (same secret key, cookie for the same host).
        browser = signed_in(ports[0], 0)
        browser.base = f"http://127.0.0.1:{ports[1]}"
        status, html, _ = browser.request("/audit/")
        assert status == 200 and "Org 0" in html

        # Wrong passwords for one account, alternating between the instances: the limit counts both.
        statuses = []
        for attempt in range(5):
            guesser = Browser(f"http://127.0.0.1:{ports[attempt % 2]}")
            token = guesser.form_fields("/sign-in")["csrf_token"]
            data = {"email": "someone@example.org", "password": "wrong-password-1", "csrf_token": token}
            statuses.append(guesser.request("/sign-in", data)[0])
        assert statuses == [200, 200, 200, 200, 429]
        assert redis_server.keys("*"), "the limiter's counters live in Redis"

        # Each organisation's audit submitted twice at the same moment, once through each instance.
        browsers = [(signed_in(ports[0], i), signed_in(ports[1], i)) for i in range(ORGANISATIONS)]
        forms = [(a.form_fields("/audit/check"), b.form_fields("/audit/check")) for a, b in browsers]
        barrier = threading.Barrier(2 * ORGANISATIONS)
        results: list = []

        def submit(browser: Browser, fields: dict) -> None:
            barrier.wait()
            status, _, location = browser.request("/audit/submit", fields)
            results.append((status, re.search(r"/audits/\d+/results", location)))

        threads = [
            threading.Thread(target=submit, args=(browser, fields))
            for pair, field_pair in zip(browsers, forms, strict=True)
            for browser, fields in zip(pair, field_pair, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert [status for status, _ in results] == [302] * (2 * ORGANISATIONS)
        assert all(on_results for _, on_results in results), "every request ends on the results page"
    finally:
        for server in servers:
            stop_server(server)
        redis_server.flushdb()

    engine = create_engine(empty_database_url)
    with engine.connect() as connection:
        submitted = connection.execute(select(func.count()).select_from(Audit).where(Audit.status == "submitted"))
        assert submitted.scalar() == ORGANISATIONS, "each audit was submitted once"
        assert connection.execute(text("SELECT count(*) FROM audit")).scalar() == ORGANISATIONS
    engine.dispose()
    check = subprocess.run(  # noqa: S603  (our own interpreter and app)
        [sys.executable, "-m", "flask", "--app", "wsgi", "figures", "check"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": empty_database_url, "FLASK_CONFIG": "development"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Every stored figure matches" in check.stdout
