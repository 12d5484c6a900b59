"""The 'About your organisation' page."""

from sqlalchemy import select

from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation
from tests.conftest import PASSWORD, get_page, post_page

GOOD = {
    "name": "Riverside Drop-in",
    "org_type": "charity",
    "size_band": "under_10",
    "area": "west_northamptonshire",
    "local_area": "northampton",
    "groups": ["homelessness", "migrants_refugees"],
    "works_with_families": "no",
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
    assert (org.org_type, org.size_band, org.area) == ("charity", "under_10", "west_northamptonshire")
    assert (org.local_area, org.works_with_families, org.other_groups) == ("northampton", False, None)
    assert org.groups == ["homelessness", "migrants_refugees"]
    assert org.profile_completed_at is not None
    page = get_page(member_client, "/audit/profile")
    assert page.checked("groups") == ["homelessness", "migrants_refugees"]
    assert page.checked("area") == ["west_northamptonshire"]
    assert page.checked("local_area") == ["northampton"]
    assert page.checked("works_with_families") == ["no"]


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
        "Select yes if you work with families, children or pregnant women",
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
    page = post_page(
        member_client, "/audit/profile", {**GOOD, "area": "atlantis", "groups": ["pirates"], "local_area": ""}
    )
    assert len(page.errors()) == 2
    assert organisation(app).area is None


def test_areas_are_the_two_unitary_councils_with_optional_local_areas(member_client):
    page = get_page(member_client, "/audit/profile")
    assert [r["value"] for r in page.soup.select("input[name=area]")] == [
        "north_northamptonshire",
        "west_northamptonshire",
    ]
    local = [" ".join(label.get_text().split()) for label in page.soup.select("label[for^=local_area]")]
    assert local[0] == "Corby (North Northamptonshire)"
    assert local[-1] == "Across the whole area, or not sure"


def test_a_local_area_must_be_in_the_chosen_area(app, member_client):
    page = post_page(member_client, "/audit/profile", {**GOOD, "local_area": "corby"})
    assert page.errors() == ["Select a part of West Northamptonshire, or 'Across the whole area, or not sure'"]
    assert organisation(app).local_area is None, "the answer that did not fit is not saved (the others are)"


def test_the_whole_area_is_saved_as_no_local_area(app, member_client):
    member_client.post("/audit/profile", data={**GOOD, "local_area": "whole_area"})
    assert organisation(app).local_area is None
    assert get_page(member_client, "/audit/profile").checked("local_area") == ["whole_area"]


def test_other_groups_can_be_named_when_other_groups_is_ticked(app, member_client):
    named = {**GOOD, "groups": ["other_excluded"], "other_groups": "  Care leavers  ", "works_with_families": "yes"}
    member_client.post("/audit/profile", data=named)
    org = organisation(app)
    assert (org.other_groups, org.works_with_families) == ("Care leavers", True)
    page = post_page(member_client, "/audit/profile", {**GOOD, "other_groups": "Veterans"})
    assert page.errors() == [
        "Select 'Other socially excluded groups (you can name them)' above, or leave the other groups empty"
    ]
    assert page.value_of("other_groups") == "Veterans"
