"""The whole audit through the Flask client: check answers, submit, results, guide, re-audit, team."""

from sqlalchemy import func, select

from inclusion_audit.extensions import db
from inclusion_audit.models import Answer, Audit, SectionScore
from tests.audit.helpers import complete_audit, example, fill_profile, questions_of, save_section, section_ids
from tests.conftest import PASSWORD, get_page, post_page


def test_check_answers_lists_every_answer_with_change_links_that_come_back(app, member_client):
    complete_audit(member_client, app, submit=False)
    page = get_page(member_client, "/audit/check")
    first = section_ids(app)[0]
    question = questions_of(app, first)[0]
    links = [a["href"] for a in page.soup.select(".govuk-summary-list__actions a") if "/audit/section/" in a["href"]]
    answers = [link for link in links if not link.endswith("#notes")]
    assert len(answers) == sum(len(questions_of(app, s)) for s in section_ids(app))
    assert len(links) - len(answers) == len(section_ids(app)), "a link to each section's notes"
    assert f"/audit/section/{first}?source=check#{question}" in links
    change = get_page(member_client, f"/audit/section/{first}?source=check")
    assert change.soup.select_one(".govuk-back-link")["href"] == "/audit/check"
    data = {q: example("starting-out")["answers"][q] for q in questions_of(app, first)}
    data.update({question: "embedded", "action": "continue", "revision": change.value_of("revision")})
    data["original"] = change.value_of("original")
    response = member_client.post(f"/audit/section/{first}?source=check", data=data)
    assert response.headers["Location"] == "/audit/check"


def test_submit_locks_the_audit_and_records_results_and_content_version(app, member_client):
    audit_id = complete_audit(member_client, app)
    with app.app_context():
        audit = db.session.get(Audit, audit_id)
        from inclusion_audit.content_store import get_content

        assert audit.status == "submitted"
        assert audit.content_version == get_content().version
        assert audit.guide_snapshot["content_version"] == audit.content_version
        scores = db.session.scalars(select(SectionScore).where(SectionScore.audit_id == audit_id)).all()
        assert len(scores) == len(section_ids(app))
        assert all(score.band == "emerging" for score in scores)


def test_results_page_shows_each_section_chart_table_and_five_actions(app, member_client):
    audit_id = complete_audit(member_client, app)
    page = get_page(member_client, f"/audits/{audit_id}/results?submitted=1")
    assert page.h1() == "Your results"
    assert "Audit submitted" in page.soup.select_one(".govuk-panel").get_text()
    rows = page.soup.select("table tbody tr")
    assert len(rows) == len(section_ids(app)) + 1
    svg = page.soup.select_one("svg.app-chart")
    assert svg["role"] == "img"
    description = svg.find("desc").get_text()
    assert svg.find("title").get_text() and description.split(". Dashed")[0].count("%") == len(section_ids(app))
    assert description.endswith("Dashed lines mark where each stage starts: Developing from 40%, Established from 75%.")
    first_row = [cell.get_text(strip=True) for cell in rows[0].find_all(["th", "td"])]
    assert first_row[1] in svg.find("desc").get_text()
    assert len(page.soup.select("main ol.govuk-list--number li")) == 5
    assert "pass" not in page.soup.select_one("main h1").get_text().lower()


def test_submitted_answers_cannot_be_changed(app, member_client):
    audit_id = complete_audit(member_client, app)
    first = section_ids(app)[0]
    question = questions_of(app, first)[0]
    response = member_client.get(f"/audit/section/{first}")
    assert response.status_code == 302
    with app.app_context():
        before = db.session.scalar(
            select(Answer.value).where(Answer.audit_id == audit_id, Answer.question_id == question)
        )
    member_client.post(f"/audit/section/{first}", data={question: "embedded", "action": "later", "revision": "1"})
    with app.app_context():
        after = db.session.scalar(
            select(Answer.value).where(Answer.audit_id == audit_id, Answer.question_id == question)
        )
        assert before == after
        assert db.session.get(Audit, audit_id).status == "submitted"


def test_submit_is_refused_until_every_section_is_complete(app, member_client):
    fill_profile(member_client, example("starting-out")["profile"])
    save_section(member_client, app, section_ids(app)[0], example("starting-out")["answers"])
    response = member_client.post("/audit/submit")
    assert response.headers["Location"] == "/audit/check"
    with app.app_context():
        assert db.session.scalar(select(Audit.status)) == "in_progress"


def test_the_guide_page_is_tailored_to_the_answers(app, member_client):
    audit_id = complete_audit(member_client, app, "starting-out")
    page = get_page(member_client, f"/audits/{audit_id}/guide")
    assert page.h1() == "Your inclusion health guide"
    assert page.soup.find(id="named-lead-get-started") is not None
    assert page.soup.find(id="group-homelessness") is not None, "a module for a group the organisation serves"
    assert page.soup.find(id="group-sex-workers") is None, "no module for a group it does not serve"
    for action in page.soup.select("#actions + ol a"):
        assert page.soup.find(id=action["href"].lstrip("#")) is not None, "every action links to its guidance"


def test_a_well_advanced_organisation_gets_different_guidance(app, member_client):
    audit_id = complete_audit(member_client, app, "well-advanced")
    page = get_page(member_client, f"/audits/{audit_id}/guide")
    assert page.soup.find(id="named-lead-get-started") is None
    assert page.soup.find(id="named-lead-sustain") is not None
    assert page.soup.find(id="group-sex-workers") is not None


def test_another_organisation_cannot_see_or_change_this_audit(app, accounts, client):
    accounts.member()
    accounts.member(email="b@example.org", organisation="Organisation B")
    accounts.sign_in("member@example.org")
    audit_id = complete_audit(client, app)
    accounts.sign_out()
    accounts.sign_in("b@example.org")
    for url in [f"/audits/{audit_id}/results", f"/audits/{audit_id}/guide", f"/audits/{audit_id}/compare"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Riverside" not in response.get_data(as_text=True)
    first = section_ids(app)[0]
    save_section(client, app, first, {questions_of(app, first)[0]: "embedded"}, action="later")
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Audit)) == 2, "B's save made B its own audit"


def test_a_new_audit_starts_from_the_last_answers_and_can_be_compared(app, member_client):
    first_id = complete_audit(member_client, app, "starting-out")
    task_list = get_page(member_client, "/audit/")
    assert "Start a new audit" in task_list.text
    assert member_client.post("/audit/new").status_code == 302
    page = get_page(member_client, "/audit/")
    statuses = [" ".join(tag.get_text().split()) for tag in page.soup.select(".govuk-task-list__status")]
    assert statuses[1:-1] == ["Check your answers"] * len(section_ids(app)), "copied answers are to be checked"
    first = section_ids(app)[0]
    question = questions_of(app, first)[0]
    assert get_page(member_client, f"/audit/section/{first}").checked(question) == [
        example("starting-out")["answers"][question]
    ]
    answers = {**example("starting-out")["answers"], question: "embedded"}
    for section_id in section_ids(app):
        assert save_section(member_client, app, section_id, answers).status_code == 302
    second_id = int(member_client.post("/audit/submit").headers["Location"].split("/")[2])
    assert second_id != first_id
    compare = get_page(member_client, f"/audits/{second_id}/compare")
    assert compare.h1() == "What has changed since your last audit"
    improved = compare.soup.find("h2", string="What has improved").find_next("dl").get_text()
    from inclusion_audit.content_store import get_content

    with app.app_context():
        assert get_content().questions[question].text in improved
    assert member_client.get(f"/audits/{first_id}/compare").status_code == 404, "nothing earlier to compare with"


def test_inviting_a_colleague_sends_a_link_that_makes_them_a_member(app, member_client):
    page = post_page(member_client, "/audit/team", {"email": "colleague@example.org"}, status=302)
    outbox = app.extensions["outbox"]
    assert outbox[-1].to == "colleague@example.org"
    link = next(word for word in outbox[-1].body.split() if "/invitation/" in word)
    path = link[link.index("/invitation/") :]
    other = app.test_client()
    join = get_page(other, path)
    assert join.h1() == "Join Riverside Drop-in"
    response = other.post(path, data={"password": PASSWORD, "confirm_password": PASSWORD})
    assert response.headers["Location"] == "/audit/"
    assert "Riverside Drop-in" in get_page(other, "/audit/").text
    # The link works once only.
    assert app.test_client().get(path).status_code == 404
    assert page.status == 302


def test_a_tampered_invitation_link_does_not_work(client):
    page = get_page(client, "/invitation/not-a-real-token", status=404)
    assert page.h1() == "This invitation link does not work"


def test_check_answers_shows_the_organisation_profile_with_change_links_that_come_back(app, member_client):
    complete_audit(member_client, app, submit=False)
    page = get_page(member_client, "/audit/check")
    heading = page.soup.find("h2", string="About your organisation")
    assert heading is not None
    summary = heading.find_next("dl")
    rows = {
        " ".join(row.select_one(".govuk-summary-list__key").get_text().split()): " ".join(
            row.select_one(".govuk-summary-list__value").get_text(" ").split()
        )
        for row in summary.select(".govuk-summary-list__row")
    }
    profile = example("starting-out")["profile"]
    assert rows["Organisation name"] == profile["name"]
    with app.app_context():
        from inclusion_audit.content_store import get_content

        lists = get_content().config.profile
    assert rows["Type of organisation"] == lists.org_types[profile["org_type"]]
    assert rows["Where you mainly work"] == lists.areas[profile["area"]]
    assert profile["groups"], "the example works with some groups"
    assert rows["Groups you work with"] == " ".join(lists.groups[g] for g in sorted(profile["groups"]))
    assert rows["Works with families, children or pregnant women"] == (
        "Yes" if profile.get("works_with_families") else "No"
    )
    links = {a["href"] for a in summary.select(".govuk-summary-list__actions a")}
    assert "/audit/profile?source=check#org_type" in links and "/audit/profile?source=check#name" in links
    change = get_page(member_client, "/audit/profile?source=check")
    assert change.soup.select_one(".govuk-back-link")["href"] == "/audit/check"
    for href in links:
        assert change.soup.find(id=href.split("#")[1]) is not None, f"{href} points at a field on the page"
    assert change.soup.select_one("main form")["action"] == "/audit/profile?source=check"
    response = fill_profile(
        member_client, {**profile, "name": "Riverside Drop-in Renamed"}, "/audit/profile?source=check"
    )
    assert response.headers["Location"] == "/audit/check"
    assert "Riverside Drop-in Renamed" in get_page(member_client, "/audit/check").text
