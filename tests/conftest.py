"""Shared fixtures: app, client, runner (as in the Flask tutorial), plus page and account helpers.

Set TEST_DATABASE_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) to run the suite
on PostgreSQL; by default each test gets a fresh SQLite database file. Under pytest-xdist each worker
on PostgreSQL uses its own database, named after that one with the worker's id added (`test_gw0`),
made when missing, because every test empties the tables of the database it runs on.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import create_engine, make_url, select, text

from inclusion_audit import create_app
from inclusion_audit.content_store import get_content
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User
from inclusion_audit.passwords import hash_password
from inclusion_audit.queries.areas import FIRST_SYSTEM_CODE, seed_first_system
from inclusion_audit.queries.stored_figures import count_new_organisation
from inclusion_audit.system_models import System

# The SMTP server fixtures (certificate_authority, mail_app) for any test that sends real mail.
pytest_plugins = ("tests.smtp",)

PASSWORD = "plain-river-lantern-42"
SERVICE_NAME = "Inclusion health self-audit"


# "gw0", "gw1"... under pytest-xdist; "main" in a run without workers.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def shared_database_url() -> str | None:
    """The PostgreSQL database this process's tests share (emptied before each test), or None on SQLite."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base or not base.startswith("postgresql"):
        return None
    if WORKER == "main":
        return base
    url = make_url(base)
    name = f"{url.database}_{WORKER}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name})
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def empty_sqlite_file(tmp_path_factory) -> Path:
    """An SQLite database with every table and no rows but the first system and its areas (as the migrations
    seed them), made once per process: each test starts from a copy, which costs a file copy instead of
    creating the schema again."""
    path = tmp_path_factory.mktemp("schema") / "empty.db"
    schema_app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with schema_app.app_context():
        db.create_all()
        seed_first_system(get_content())
        db.engine.dispose()
    return path


@pytest.fixture
def app_config(request, tmp_path, shared_database_url) -> dict:
    if shared_database_url:
        return {"SQLALCHEMY_DATABASE_URI": shared_database_url}
    database = tmp_path / "test.db"
    shutil.copyfile(request.getfixturevalue("empty_sqlite_file"), database)
    return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}"}


_schema_ready: set[str] = set()


def _reset_database(app) -> None:
    """A clean database for each test: on SQLite app_config copied in a new, empty file; a shared
    PostgreSQL database gets the tables once per process and is emptied before every later test."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("postgresql"):
        return
    if url not in _schema_ready:
        db.drop_all()
        db.create_all()
        _schema_ready.add(url)
    else:
        tables = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    seed_first_system(get_content())


@pytest.fixture
def app(app_config):
    app = create_app(app_config)
    with app.app_context():
        _reset_database(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def make_app():
    """Makes extra apps (other settings, same database) and closes their database pools afterwards."""
    made = []

    def make(config):
        extra = create_app(config)
        made.append(extra)
        return extra

    yield make
    for extra in made:
        with extra.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def empty_database_url(tmp_path, shared_database_url):
    """A brand-new, empty database of the kind the suite runs on (its own, not the shared one)."""
    base = shared_database_url
    if base is None:
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    name = f"scratch_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@dataclass
class Page:
    status: int
    soup: BeautifulSoup
    text: str

    def h1(self) -> str:
        return " ".join(self.soup.find("h1").get_text().split())

    def errors(self) -> list[str]:
        summary = self.soup.select(".govuk-error-summary__list a")
        return [" ".join(link.get_text().split()) for link in summary]

    def value_of(self, name: str) -> str | None:
        field = self.soup.find("input", attrs={"name": name})
        return field.get("value") if field else None

    def checked(self, name: str) -> list[str]:
        return [box["value"] for box in self.soup.find_all("input", attrs={"name": name, "checked": True})]


def parse(response) -> Page:
    text = response.get_data(as_text=True)
    return Page(response.status_code, BeautifulSoup(text, "html.parser"), text)


def check_page_hygiene(page: Page) -> None:
    """Things every HTML page must get right: one h1, a title that starts with it, no duplicate ids."""
    headings = page.soup.find_all("h1")
    assert len(headings) == 1, f"expected one <h1>, found {len(headings)}"
    title = " ".join(page.soup.title.get_text().split())
    expected = re.sub(r"^Error: ", "", title)
    assert expected.startswith(page.h1()), f"title {title!r} does not start with h1 {page.h1()!r}"
    assert title.endswith(f"– {SERVICE_NAME}")
    assert page.soup.html.get("lang") == "en-GB"
    ids = [tag["id"] for tag in page.soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    if page.soup.select(".govuk-error-summary"):
        assert title.startswith("Error: ")
    for region in page.soup.select(".app-table-scroll"):
        # A focusable scrolling region needs a name: its table's caption.
        label = region.find(id=region.get("aria-labelledby"))
        assert label is not None and label.find_parent("caption") is not None, f"unnamed table region: {region}"


def get_page(client, url: str, status: int = 200) -> Page:
    response = client.get(url)
    assert response.status_code == status, f"GET {url} gave {response.status_code}"
    page = parse(response)
    if response.mimetype == "text/html":
        check_page_hygiene(page)
    return page


def post_page(client, url: str, data: dict, status: int = 200) -> Page:
    response = client.post(url, data=data)
    assert response.status_code == status, f"POST {url} gave {response.status_code}"
    page = parse(response)
    if status == 200:
        check_page_hygiene(page)
    return page


def last_email(app, to: str):
    """The newest message sent to `to` (tests keep sent mail in memory; nothing else does)."""
    messages = [message for message in app.extensions.get("outbox", []) if message.to == to]
    assert messages, f"no email was sent to {to}"
    return messages[-1]


def link_in(message, marker: str) -> str:
    """The path of the first link in an email that contains `marker`, e.g. '/invitation/'."""
    link = next(word for word in message.body.split() if marker in word)
    assert link.startswith("http://localhost/"), f"emailed links use BASE_URL, not the request's host: {link}"
    return link[link.index(marker) :]


class Accounts:
    """Makes users directly in the database and signs them in through the real sign-in page."""

    def __init__(self, app, client) -> None:
        self.app = app
        self.client = client

    def member(self, email: str = "member@example.org", organisation: str = "Riverside Drop-in", **profile) -> int:
        with self.app.app_context():
            org = Organisation(name=organisation, **profile)
            # The first member registered the organisation, which makes them its admin.
            user = User(
                email=email, password_hash=hash_password(PASSWORD), role="member", organisation=org, team_role="admin"
            )
            db.session.add_all([org, user])
            db.session.flush()
            count_new_organisation(org.id)  # as registering does
            db.session.commit()
            return user.id

    def colleague(self, email: str, of: str = "member@example.org", team_role: str = "member") -> int:
        """Another member of the organisation that `of` belongs to (as if they had accepted an invitation)."""
        with self.app.app_context():
            first = db.session.scalar(select(User).where(User.email == of))
            user = User(
                email=email,
                password_hash=hash_password(PASSWORD),
                role="member",
                organisation_id=first.organisation_id,
                team_role=team_role,
            )
            db.session.add(user)
            db.session.commit()
            return user.id

    def staff(
        self, email: str = "coordinator@example.org", role: str = "coordinator", system: str | None = None
    ) -> int:
        """A coordinator of the first system (or of `system`, a code), or a service-wide admin (unless `system`)."""
        with self.app.app_context():
            code = system or (FIRST_SYSTEM_CODE if role == "coordinator" else None)
            system_id = db.session.scalar(select(System.id).where(System.code == code)) if code else None
            user = User(email=email, password_hash=hash_password(PASSWORD), role=role, system_id=system_id)
            db.session.add(user)
            db.session.commit()
            return user.id

    def sign_in(self, email: str, password: str = PASSWORD):
        response = self.client.post("/sign-in", data={"email": email, "password": password})
        assert response.status_code == 302, "sign-in failed"
        return response

    def sign_out(self):
        return self.client.post("/sign-out")


@pytest.fixture
def accounts(app, client) -> Accounts:
    return Accounts(app, client)


@pytest.fixture
def member_client(accounts):
    accounts.member()
    accounts.sign_in("member@example.org")
    return accounts.client


@pytest.fixture
def coordinator_client(accounts):
    accounts.staff()
    accounts.sign_in("coordinator@example.org")
    return accounts.client


def pytest_collection_modifyitems(config, items):
    # Under pytest-xdist, start the longest tests first (the ones marked slow, and the browser tests, which
    # share one worker), so the run does not end with one worker busy on them and the others idle.
    if WORKER != "main":
        items.sort(key=lambda item: not (item.get_closest_marker("slow") or item.get_closest_marker("browser")))
