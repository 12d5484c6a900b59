"""Hostile input on every form: never a server error, and a refused form changes nothing.

Hypothesis sends long strings, control characters, odd Unicode, wrong types, duplicated and
missing fields, unknown option values and tampered hidden fields to each form endpoint.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from inclusion_audit.content_store import get_content
from inclusion_audit.extensions import db
from inclusion_audit.models import Answer, Audit, Organisation, OrganisationGroup, User
from tests.conftest import PASSWORD, Accounts

HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=5000),
    st.sampled_from(
        ["", " ", "\x00", "\u202e", "😊", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "../..", "-1"]
    ),
    # Numbers the database cannot hold, and digits int() accepts but nobody types.
    st.sampled_from(["99999999999999999999999999", "2147483648", "9" * 400, "²", "٣", "1e9", "\r\nX: y"]),
    st.integers().map(str),
)
VALUES = st.one_of(HOSTILE_TEXT, st.lists(HOSTILE_TEXT, min_size=2, max_size=3))


def form_data(field_names: list[str]) -> st.SearchStrategy[dict]:
    """Any subset of the real fields (plus unknown ones), each with hostile or duplicated values."""
    known = st.dictionaries(st.sampled_from(field_names), VALUES, max_size=len(field_names))
    unknown = st.dictionaries(st.text(min_size=1, max_size=12), HOSTILE_TEXT, max_size=2)
    return st.tuples(known, unknown).map(lambda pair: {**pair[1], **pair[0]})


def snapshot() -> tuple:
    return (
        sorted(db.session.execute(select(Answer.audit_id, Answer.question_id, Answer.value)).all()),
        sorted(db.session.execute(select(Organisation.id, Organisation.name, Organisation.area)).all()),
        sorted(db.session.execute(select(OrganisationGroup.organisation_id, OrganisationGroup.group)).all()),
        sorted(db.session.execute(select(User.id, User.email, User.password_hash)).all()),
        sorted(db.session.execute(select(Audit.id, Audit.status)).all()),
    )


@pytest.fixture
def fuzz_client(app_config, app, make_app):
    fuzz_app = make_app({**app_config, "RATELIMIT_ENABLED": False})
    client = fuzz_app.test_client()
    accounts = Accounts(fuzz_app, client)
    accounts.member()
    accounts.sign_in("member@example.org")
    with fuzz_app.app_context():
        content = get_content()
        first = content.sections[0]
        # Some saved answers that hostile input must never disturb.
        answers = {q.id: "partly" for q in first.questions[:3]}
        client.post(f"/audit/section/{first.id}", data={**answers, "action": "later", "revision": "0"})
    return fuzz_app, client


SIGNED_IN_FORMS = {
    "/audit/profile": ["name", "org_type", "size_band", "area", "groups", "csrf_token"],
    "/account/password": ["current_password", "new_password", "confirm_password"],
    "/audit/team": ["email"],
}


def _section_fields(app) -> tuple[str, list[str]]:
    with app.app_context():
        section = get_content().sections[0]
        return section.id, [q.id for q in section.questions] + ["action", "revision", "original"]


def _check(app, client, url: str, data: dict) -> None:
    with app.app_context():
        before = snapshot()
    response = client.post(url, data=data)
    assert response.status_code < 500, f"{url} gave {response.status_code} for {data!r:.300}"
    if response.status_code != 302:
        with app.app_context():
            db.session.expire_all()
            after = snapshot()
            if url.startswith("/audit/section/") or url == "/audit/profile":
                _only_valid_answers_were_saved(before, after, data)
            else:
                assert after == before, f"{url} refused the form but changed stored data"


def _posted(data: dict, name: str):
    value = data.get(name)
    return value[0] if isinstance(value, list) and value else value


def _only_valid_answers_were_saved(before: tuple, after: tuple, data: dict) -> None:
    """A refused question or profile page still saves the answers that were valid, and nothing else."""
    content = get_content()
    answers_before, answers_after = set(before[0]), set(after[0])
    for _, question_id, value in answers_after - answers_before:
        assert value == _posted(data, question_id), f"{question_id} saved a value that was not posted"
        assert value in content.questions[question_id].values, f"{question_id} saved {value!r}, not an answer"
    lists = content.config.profile
    for (_, name, area), (_, old_name, old_area) in zip(after[1], before[1], strict=True):
        assert name == old_name or name == (_posted(data, "name") or "").strip()
        assert area == old_area or area in lists.areas
    assert {group for _, group in after[2]} <= set(lists.groups)
    assert after[3] == before[3], "accounts never change from these pages"
    assert {audit for audit in after[4]} >= {audit for audit in before[4]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_question_page_survives_hostile_input(fuzz_client, data):
    app, client = fuzz_client
    section_id, fields = _section_fields(app)
    _check(app, client, f"/audit/section/{section_id}", data.draw(form_data(fields)))


@pytest.mark.parametrize("url", sorted(SIGNED_IN_FORMS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_signed_in_forms_survive_hostile_input(fuzz_client, url, data):
    app, client = fuzz_client
    _check(app, client, url, data.draw(form_data(SIGNED_IN_FORMS[url])))


ANONYMOUS_FORMS = {
    "/account/create": ["organisation_name", "email"],
    "/account/confirm/tampered-token-value": ["password", "confirm_password"],
    "/sign-in": ["email", "password"],
    "/password/forgot": ["email"],
    "/feedback?from=/audit/": ["rating", "text", "reply_to"],
    "/invitation/tampered.token.value": ["password", "confirm_password"],
    "/password/reset/tampered.token.value": ["password", "confirm_password"],
}


@pytest.mark.parametrize("url", sorted(ANONYMOUS_FORMS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_public_forms_survive_hostile_input(fuzz_client, url, data):
    app, _ = fuzz_client
    _check(app, app.test_client(), url, data.draw(form_data(ANONYMOUS_FORMS[url])))


def test_valid_sign_in_still_works_after_fuzzing_setup(fuzz_client):
    app, _ = fuzz_client
    assert (
        app.test_client().post("/sign-in", data={"email": "member@example.org", "password": PASSWORD}).status_code
        == 302
    )
