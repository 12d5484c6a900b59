"""A re-audit reviews the last one: copied answers are marked and checked part by part before it can be submitted."""

from __future__ import annotations

from sqlalchemy import delete, select

from inclusion_audit import queries
from inclusion_audit.content_store import get_content
from inclusion_audit.engine import Guide
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit, Organisation, User
from inclusion_audit.plan_models import ActionPlan, ActionStatus, PlanAction
from tests.audit.helpers import complete_audit, example, questions_of, save_section, section_ids
from tests.conftest import get_page

CARRIED = "From your last audit — check this still applies."
FROM_PLAN = "Filled in from your last action plan — check this is right."


def statuses(page) -> dict[str, str]:
    """Each task's title and status, as the task list shows them."""
    rows = {}
    for item in page.soup.select(".govuk-task-list__item"):
        title = " ".join(item.select_one(".govuk-task-list__name-and-hint").find(["a", "div"]).get_text().split())
        rows[title] = " ".join(item.select_one(".govuk-task-list__status").get_text().split())
    return rows


def hints(page) -> list[str]:
    return [" ".join(hint.get_text().split()) for hint in page.soup.select(".govuk-task-list__hint")]


def question_hint(page, question_id: str) -> str:
    fieldset = page.soup.find("input", attrs={"name": question_id}).find_parent("fieldset")
    hint = fieldset.select_one(".govuk-fieldset__legend + .govuk-hint")
    return " ".join(hint.get_text().split()) if hint else ""


def banner_text(page) -> str:
    return " ".join(" ".join(b.get_text().split()) for b in page.soup.select(".govuk-notification-banner"))


def start_reaudit(app, client) -> int:
    first_id = complete_audit(client, app, "starting-out")
    assert client.post("/audit/new").status_code == 302
    return first_id


def test_every_part_asks_for_a_check_and_submit_waits_until_each_is_saved(app, member_client):
    start_reaudit(app, member_client)
    with app.app_context():
        titles = [section.title for section in get_content().sections]
    page = get_page(member_client, "/audit/")
    shown = statuses(page)
    assert [shown[title] for title in titles] == ["Check your answers"] * len(titles)
    assert shown["Check your answers and submit"] == "Cannot start yet"
    assert page.soup.find("a", string="Check your answers and submit") is None
    commitment = len(questions_of(app, "commitment"))
    assert f"{commitment} answers from your last audit to check" in hints(page)

    # Submitting anyway is refused, and says why.
    refused = member_client.post("/audit/submit", follow_redirects=True)
    assert "Some answers from your last audit have not been checked. Check every section before you submit." in (
        refused.get_data(as_text=True)
    )
    check = get_page(member_client, "/audit/check")
    assert check.soup.find("button", string=lambda s: s and "Submit" in s) is None
    assert check.text.count(CARRIED.rstrip(".")) == sum(len(questions_of(app, s)) for s in section_ids(app)) - 1
    assert check.text.count(FROM_PLAN.rstrip(".")) == 1

    # The question page marks each copied answer, in the hint read out with every answer.
    section = get_page(member_client, "/audit/section/commitment")
    assert "We filled in this page's answers from your last audit." in section.soup.get_text()
    for question_id in questions_of(app, "commitment"):
        assert question_hint(section, question_id).startswith(CARRIED), question_id

    # Saving the page unchanged confirms it: that part is complete, the others still wait.
    assert save_section(member_client, app, "commitment", example("starting-out")["answers"]).status_code == 302
    shown = statuses(get_page(member_client, "/audit/"))
    assert shown[titles[0]] == "Completed"
    assert [shown[title] for title in titles[1:]] == ["Check your answers"] * (len(titles) - 1)
    again = get_page(member_client, "/audit/section/commitment")
    assert CARRIED not in again.text and "from your last audit" not in again.text

    # "Save and come back later" with one answer changed confirms the whole page too.
    answers = {**example("starting-out")["answers"], questions_of(app, "communities")[0]: "embedded"}
    assert save_section(member_client, app, "communities", answers, action="later").status_code == 302
    assert statuses(get_page(member_client, "/audit/"))[titles[1]] == "Completed"

    for section_id in section_ids(app)[2:]:
        assert save_section(member_client, app, section_id, example("starting-out")["answers"]).status_code == 302
    shown = statuses(get_page(member_client, "/audit/"))
    assert shown["Check your answers and submit"] == "Not started"
    assert "/results" in member_client.post("/audit/submit").headers["Location"]


def test_an_answer_for_one_audit_only_is_not_carried_over(app, member_client):
    complete_audit(member_client, app, "starting-out")
    with app.app_context():
        organisation = db.session.scalar(select(Organisation))
        user = db.session.scalar(select(User))
        audit = queries.start_new_audit(organisation, user, get_content())
        answers = queries.answers_of(audit)
        carried = queries.carried_answers(audit)
    assert "review_last_actions" not in answers, "content says carry_over: false"
    expected = {q: v for q, v in example("starting-out")["answers"].items() if q != "review_last_actions"}
    assert {q: answers[q] for q in expected} == expected
    assert carried == set(answers)


def test_the_review_question_shows_the_last_plan_with_each_action_status(app, member_client):
    first_id = complete_audit(member_client, app, "starting-out")
    with app.app_context():
        actions = queries.plan_actions(db.session.get(Audit, first_id))
        user = db.session.scalar(select(User))
        queries.update_action(
            actions[0],
            user,
            owner=None,
            owner_name=None,
            due_on=None,
            status=ActionStatus.DONE,
            dropped_reason=None,
            note="",
        )
        texts = [action.text for action in actions]
    member_client.post("/audit/new")
    page = get_page(member_client, "/audit/section/impact")
    table = page.soup.find("caption", string=lambda s: s and "Your action plan from your last audit" in s)
    assert table is not None
    rows = [[" ".join(c.get_text().split()) for c in row.find_all("td")] for row in table.parent.select("tbody tr")]
    assert rows == [[texts[0], "Done"]] + [[text, "Not started"] for text in texts[1:]]
    # The table comes just before the review question, which was filled in from the plan and says so.
    assert table.parent.find_next("fieldset").find("input")["name"] == "review_last_actions"
    assert question_hint(page, "review_last_actions").startswith(FROM_PLAN)
    assert CARRIED not in question_hint(page, "review_last_actions")


def test_without_a_plan_the_review_question_shows_the_last_top_actions_and_is_left_to_answer(app, member_client):
    first_id = complete_audit(member_client, app, "starting-out")
    with app.app_context():
        # As for an audit submitted before action plans existed, whose plan was never opened.
        db.session.execute(delete(PlanAction).where(PlanAction.audit_id == first_id))
        db.session.execute(delete(ActionPlan).where(ActionPlan.audit_id == first_id))
        db.session.commit()
        top = [action.text for action in Guide.from_dict(db.session.get(Audit, first_id).guide_snapshot).actions]
    member_client.post("/audit/new")
    page = get_page(member_client, "/audit/section/impact")
    table = page.soup.find("caption", string=lambda s: s and "The top actions from your last audit" in s)
    assert table is not None
    assert [" ".join(row.get_text().split()) for row in table.parent.select("tbody tr")] == top
    assert page.checked("review_last_actions") == []
    assert "We filled in some answers on this page from your last audit." in page.soup.get_text()
    task_hints = hints(get_page(member_client, "/audit/"))
    shown = len(questions_of(app, "impact"))
    assert f"{shown - 1} answers from your last audit to check; {shown - 1} of {shown} questions answered" in task_hints


def test_a_first_audit_shows_no_last_actions_and_no_marks(app, member_client):
    page = get_page(member_client, "/audit/section/impact")
    assert page.soup.find("caption") is None
    assert "from your last audit" not in page.text.replace("actions from your last audit", "")
