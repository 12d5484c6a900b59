"""The app as the benchmarks use it: a real database file, accounts made directly, and a bench-only reference page."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, render_template
from flask.testing import FlaskClient
from jinja2 import ChoiceLoader, DictLoader

from inclusion_audit import create_app
from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, User, utcnow
from inclusion_audit.passwords import hash_password

PASSWORD = "bench-lantern-harbour-42"
REFERENCE_PATH = "/bench/reference"
# The smallest page the service can serve: the base layout (header, navigation, footer) and a heading.
_REFERENCE_TEMPLATE = """{% extends "base.html" %}
{% block title %}Benchmark reference{% endblock %}
{% block main_column %}<h1 class="govuk-heading-l">Benchmark reference</h1>{% endblock %}
"""


def bench_app(database_url: str, **overrides: Any) -> Flask:
    """The test configuration (CSRF off, rate limits in memory) on `database_url`, plus the reference route."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": False, **overrides})
    loader = app.jinja_loader
    assert isinstance(loader, ChoiceLoader)  # noqa: S101
    loader.loaders.insert(0, DictLoader({"bench/reference.html": _REFERENCE_TEMPLATE}))
    app.add_url_rule(REFERENCE_PATH, "bench_reference", lambda: render_template("bench/reference.html"))
    return app


def add_member(app: Flask, email: str, *, profile: dict | None = None) -> int:
    """A member whose organisation has completed its profile. Returns the organisation id."""
    profile = dict(profile or {"org_type": "charity", "size_band": "under_10", "area": "west_northamptonshire"})
    groups = profile.pop("groups", ["homelessness"])
    with app.app_context():
        organisation = Organisation(name="Bench Community Project", profile_completed_at=utcnow(), **profile)
        organisation.groups = groups
        user = User(email=email, password_hash=hash_password(PASSWORD), role="member", organisation=organisation)
        db.session.add_all([organisation, user])
        db.session.commit()
        return organisation.id


def add_staff(app: Flask, email: str, role: str = "coordinator") -> None:
    with app.app_context():
        db.session.add(User(email=email, password_hash=hash_password(PASSWORD), role=role))
        db.session.commit()


def signed_in_client(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    if response.status_code != 302:
        raise RuntimeError(f"bench sign-in failed for {email}: {response.status_code}")
    return client


def hidden_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    if match is None:
        raise RuntimeError(f"no hidden field {name!r} on the page")
    return match.group(1).replace("&#34;", '"').replace("&quot;", '"')
