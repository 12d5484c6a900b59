"""The 'About your organisation' page."""

import pytest
from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation
from tests.conftest import PASSWORD, get_page, post_page

GOOD = {
    "name": "Riverside Drop-in",
    "org_type": "charity",
    "size_band": "under_10",
    "area": "northampton",
    "groups": ["homelessness", "migrants_refugees"],
}


def organisation(app) -> Organisation:
    with app.app_context():
        org = db.session.scalar(select(Organisation))
        org.groups  # load before the session closes  # noqa: B018
        return org


def test_profile_choices_come_from_the_content_config(member_client):
    page = get_page(member_client, "/audit/profile")
    assert page.h1() == "About your organisation"
    radios = [r["value"] for r in page.soup.select("input[name=size_band]")]
    assert radios == ["volunteer_only", "under_10", "from_10_to_49", "over_50"]
    groups = [c["value"] for c in page.soup.select("input[name=groups]")]
    assert groups[:2] == ["homelessness", "drugs_alcohol"]
    assert groups[-1] == "none"
    assert len(groups) == 9


def test_saving_the_profile_stores_it_and_shows_it_again(app, member_client):
    response = member_client.post("/audit/profile", data=GOOD)
    assert response.status_code == 302
    assert response.headers["Location"] == "/audit/"
    org = organisation(app)
    assert (org.org_type, org.size_band, org.area) == ("charity", "under_10", "northampton")
    assert org.groups == ["homelessness", "migrants_refugees"]
    assert org.profile_completed_at is not None
    page = get_page(member_client, "/audit/profile")
    assert page.checked("groups") == ["homelessness", "migrants_refugees"]
    assert page.checked("area") == ["northampton"]


def test_changing_groups_removes_unticked_ones(app, member_client):
    member_client.post("/audit/profile", data=GOOD)
    member_client.post("/audit/profile", data={**GOOD, "groups": ["sex_workers"]})
    assert organisation(app).groups == ["sex_workers"]


def test_none_of_these_is_saved_as_no_groups_and_shown_again(app, member_client):
    member_client.post("/audit/profile", data={**GOOD, "groups": ["none"]})
    assert organisation(app).groups == []
    assert get_page(member_client, "/audit/profile").checked("groups") == ["none"]


def test_missing_answers_are_all_reported_and_the_answers_given_are_saved(app, member_client):
    page = post_page(member_client, "/audit/profile", {"name": "New name", "area": GOOD["area"]})
    assert page.errors() == [
        "Select the type of organisation you are",
        "Select how many paid staff you have",
        "Select the groups you work with, or select 'None of these'",
    ]
    assert page.value_of("name") == "New name"
    assert "We saved the answers you gave." in page.text
    org = organisation(app)
    assert (org.name, org.area) == ("New name", GOOD["area"])
    assert org.profile_completed_at is None, "the profile is not complete until every answer is given"
    again = get_page(member_client, "/audit/profile")
    assert again.checked("area") == [GOOD["area"]] and again.checked("org_type") == []


def test_profile_changes_posted_after_the_sign_in_lapsed_are_saved_after_signing_in(app, accounts, client):
    accounts.member()
    accounts.sign_in("member@example.org")
    app.config["SESSION_IDLE_MINUTES"] = 1
    with client.session_transaction() as session:
        session["seen_at"] -= 120
    response = client.post("/audit/profile", data={**GOOD, "name": "Renamed while away"})
    assert response.headers["Location"].startswith("/sign-in?next=")
    assert organisation(app).name == "Riverside Drop-in"
    signed_in = client.post(response.headers["Location"], data={"email": "member@example.org", "password": PASSWORD})
    assert signed_in.headers["Location"] == "/audit/profile"
    page = client.get("/audit/profile", follow_redirects=True).get_data(as_text=True)
    assert "We saved the details you entered before you were signed out" in page
    org = organisation(app)
    assert org.name == "Renamed while away" and org.groups == GOOD["groups"] and org.profile_completed_at


def test_none_with_a_group_is_refused(member_client):
    page = post_page(member_client, "/audit/profile", {**GOOD, "groups": ["none", "justice"]})
    assert page.errors() == ["Select the groups you work with, or select 'None of these', not both"]
    assert page.checked("groups") == ["justice", "none"]


def test_values_not_offered_are_refused(app, member_client):
    page = post_page(member_client, "/audit/profile", {**GOOD, "area": "atlantis", "groups": ["pirates"]})
    assert len(page.errors()) == 2
    assert organisation(app).area is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Two\r\nlines", "Organisation name must be on one line"),
        ("Tab\tname", "Organisation name must be on one line"),
        ("Reversed \u202egnirts", "text direction"),
        ("\u200b\u200d", "hidden characters"),
        ("\u200d\u3164", "must include letters or numbers"),
    ],
)
def test_names_with_line_breaks_or_hidden_characters_are_refused(app, member_client, name, message):
    page = post_page(member_client, "/audit/profile", {**GOOD, "name": name})
    assert any(message in error for error in page.errors()), page.errors()
    assert organisation(app).name == "Riverside Drop-in"
