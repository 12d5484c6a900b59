"""Kill the server mid-burst: every save that was acknowledged must still be there afterwards.

Runs the real app under gunicorn on loopback, with several threads saving answers at once, sends
SIGKILL to the whole server part-way through, starts it again and reads the answers back.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from http.client import HTTPException

import pytest
from sqlalchemy import create_engine, text

from inclusion_audit import create_app
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User
from inclusion_audit.passwords import hash_password
from tests.servers import GUNICORN, Browser, free_port, start_server

PASSWORD = "plain-river-lantern-42"
THREADS = 4
VALUES = ["not_started", "early", "partly", "embedded"]
# A generous limit, not a speed goal: on a busy machine (or beside other test workers) a fresh gunicorn takes
# a while to warm up, and the test only needs enough saves in flight when it is killed.
SAVING_SECONDS = 180

pytestmark = pytest.mark.slow


def prepare(database_url: str) -> tuple[str, list[str]]:
    """Tables and one member per thread; returns the first section's id and its question ids."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        db.create_all()
        for index in range(THREADS):
            organisation = Organisation(name=f"Org {index}")
            db.session.add(
                User(email=f"user{index}@example.org", password_hash=hash_password(PASSWORD), organisation=organisation)
            )
        db.session.commit()
        section = app.extensions["audit_content"].sections[0]
        db.engine.dispose()
    return section.id, [q.id for q in section.questions]


def stored_answers(database_url: str) -> dict[tuple[int, str], str]:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT u.email, a.question_id, a.value FROM answer a JOIN audit au ON au.id = a.audit_id "
                'JOIN "user" u ON u.organisation_id = au.organisation_id'
            )
        ).all()
    engine.dispose()
    return {(int(email[4]), question): value for email, question, value in rows}


def signed_in(port: int, index: int) -> Browser:
    browser = Browser(f"http://127.0.0.1:{port}")
    token = browser.form_fields("/sign-in")["csrf_token"]
    browser.request("/sign-in", {"email": f"user{index}@example.org", "password": PASSWORD, "csrf_token": token})
    return browser


def test_every_acknowledged_save_survives_a_kill(empty_database_url):
    database_url = empty_database_url
    if not GUNICORN.exists():
        pytest.skip("gunicorn is installed by `make setup`")
    section_id, questions = prepare(database_url)

    port = free_port()
    server = start_server(database_url, port)
    acknowledged: dict[tuple[int, str], str] = {}
    in_flight: dict[tuple[int, str], str] = {}
    count = {"acks": 0}
    lock = threading.Lock()
    stop = threading.Event()

    def worker(index: int) -> None:
        browser = signed_in(port, index)
        step = 0
        while not stop.is_set():
            question, value = questions[step % len(questions)], VALUES[step % 3 + (step // 7) % 2]
            step += 1
            try:
                fields = browser.form_fields(f"/audit/section/{section_id}")
                in_flight[(index, question)] = value
                status, _, location = browser.request(
                    f"/audit/section/{section_id}", {**fields, question: value, "action": "later"}
                )
            except (OSError, AssertionError, HTTPException):
                return  # the server has gone
            if status == 302 and location.endswith("/audit/"):
                with lock:
                    acknowledged[(index, question)] = value
                    count["acks"] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    deadline = time.time() + SAVING_SECONDS
    while count["acks"] < 80 and time.time() < deadline:
        time.sleep(0.05)
    os.killpg(server.pid, signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join(timeout=15)
    server.wait(timeout=10)
    assert count["acks"] >= 80, f"only {count['acks']} saves were acknowledged before the deadline"

    server = start_server(database_url, port)
    try:
        stored = stored_answers(database_url)
        for key, value in acknowledged.items():
            # The save in flight at the kill may also have landed; anything older must not show through.
            assert stored.get(key) in {value, in_flight.get(key)}, f"acknowledged save lost for {key}"
        status, html, _ = signed_in(port, 0).request(f"/audit/section/{section_id}")
        assert status == 200
        for (index, question), value in acknowledged.items():
            if index == 0 and value == in_flight.get((index, question)):
                assert re.search(rf'name="{question}"[^>]*value="{value}"[^>]*checked', html), question
        print(f"crash test: {count['acks']} saves acknowledged, {len(acknowledged)} latest values all found")
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
