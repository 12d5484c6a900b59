"""The action plan: made from the guide at submit, changed by any member, downloaded, carried to the next audit."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import docx
from pypdf import PdfReader
from sqlalchemy import delete, select, update

from inclusion_audit.engine import Guide
from inclusion_audit.extensions import db
from inclusion_audit.models import Audit, utcnow
from inclusion_audit.plan_models import ActionPlan, PlanAction
from tests.audit.helpers import complete_audit, confirm_every_section, section_ids
from tests.conftest import get_page, post_page


def _top_actions(app, audit_id: int) -> list[str]:
    with app.app_context():
        return [action.text for action in Guide.from_dict(db.session.get(Audit, audit_id).guide_snapshot).actions]


def _action_ids(app) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(PlanAction.id).order_by(PlanAction.position, PlanAction.id)))


def _card_titles(page) -> list[str]:
    return [" ".join(title.get_text().split()) for title in page.soup.select(".govuk-summary-card__title")]


def _change(client, action_id: int, expect: int = 302, **fields):
    data = {"owner": "nobody", "owner_name": "", "due_on": ["", "", ""], "status": "not_started", "note": ""}
    data.update(fields)
    response = client.post(f"/audit/plan/actions/{action_id}", data=data)
    assert response.status_code == expect, response.get_data(as_text=True)[:500]
    return response


def test_submitting_makes_a_plan_from_the_guides_top_actions(app, member_client):
    before = get_page(member_client, "/audit/plan")
    assert "starts when you submit your audit" in before.text
    audit_id = complete_audit(member_client, app)
    page = get_page(member_client, "/audit/plan")
    top = _top_actions(app, audit_id)
    assert len(top) == 5
    assert _card_titles(page) == top
    assert page.soup.find(id="plan-progress").get_text(strip=True) == "0 of 5 actions done"
    task_list = get_page(member_client, "/audit/")
    assert task_list.soup.find(id="plan-progress").get_text(strip=True) == "0 of 5 actions done."


def test_an_action_gets_an_owner_a_due_date_and_a_status_and_the_progress_line_follows(app, member_client, accounts):
    accounts.colleague("helper@example.org")
    complete_audit(member_client, app)
    first, second, *_ = _action_ids(app)
    page = get_page(member_client, f"/audit/plan/actions/{first}")
    owners = [label.get_text(strip=True) for label in page.soup.select("#owner ~ * label, .govuk-radios label")]
    assert "helper@example.org" in owners and "member@example.org" in owners
    helper = page.soup.find("label", string=lambda text: text and "helper@example.org" in text)
    yesterday = utcnow().date() - timedelta(days=1)
    _change(
        member_client,
        first,
        owner=page.soup.find(id=helper["for"])["value"],
        due_on=[str(yesterday.day), str(yesterday.month), str(yesterday.year)],
        status="in_progress",
        note="Spoke to the GP practice manager.\nFollow up in March.",
    )
    _change(member_client, second, owner="other", owner_name="Sam from the food bank", status="done")
    plan = get_page(member_client, "/audit/plan")
    assert plan.soup.find(id="plan-progress").get_text(strip=True) == "1 of 5 actions done, 1 overdue"
    card = plan.soup.find(id=f"action-{first}")
    text = " ".join(card.get_text().split())
    assert "helper@example.org" in text and "Overdue" in text and "In progress" in text
    assert "Follow up in March." in text
    note = card.select(".govuk-summary-list__value")[-1]
    assert note.decode_contents().strip() == "Spoke to the GP practice manager.<br/>Follow up in March."
    assert "Sam from the food bank" in plan.soup.find(id=f"action-{second}").get_text()
    assert "1 of 5 actions done, 1 overdue." in get_page(member_client, "/audit/").text
    # The form opens again with what was saved.
    again = get_page(member_client, f"/audit/plan/actions/{first}")
    assert [field["value"] for field in again.soup.select("input[name=due_on]")] == [
        f"{yesterday.day:02d}",
        f"{yesterday.month:02d}",
        str(yesterday.year),
    ]


def test_due_dates_are_checked_with_govuk_messages_and_what_was_typed_is_kept(app, member_client):
    complete_audit(member_client, app)
    action = _action_ids(app)[0]
    cases = [
        (["12", "", "2027"], "The due date must include a month"),
        (["", "", "2027"], "The due date must include a day and month"),
        (["31", "2", "2027"], "The due date must be a real date"),
        (["1", "3", "27"], "Year must include 4 numbers"),
        (["1", "frog", "2027"], "The due date must be a real date"),
        (["1", "1", "1999"], "The due date must be the same as or after 1 January 2000"),
    ]
    for typed, message in cases:
        page = post_page(
            member_client, f"/audit/plan/actions/{action}", {"owner": "nobody", "status": "done", "due_on": typed}
        )
        assert page.errors() == [message], typed
        assert page.soup.select_one(".govuk-error-summary__list a")["href"] == "#due_on-day"
        assert [field.get("value") or "" for field in page.soup.select("input[name=due_on]")] == typed
        assert page.checked("status") == ["done"], "other answers are kept too"
    # Month names work as well as numbers.
    _change(member_client, action, due_on=["3", "March", "2027"])
    with app.app_context():
        assert str(db.session.get(PlanAction, action).due_on) == "2027-03-03"


def test_someone_else_needs_a_name_and_dropping_needs_a_reason(app, member_client):
    complete_audit(member_client, app)
    action = _action_ids(app)[0]
    page = post_page(
        member_client, f"/audit/plan/actions/{action}", {"owner": "other", "owner_name": "", "status": "dropped"}
    )
    assert page.errors() == ["Enter the name of the person responsible", "Enter why this action has been dropped"]
    _change(member_client, action, owner="nobody", status="dropped", dropped_reason="The council now runs this")
    plan = get_page(member_client, "/audit/plan")
    assert "The council now runs this" in plan.soup.find(id=f"action-{action}").get_text()
    assert plan.soup.find(id="plan-progress").get_text(strip=True) == "0 of 5 actions done, 1 dropped"


def test_the_note_warns_against_recording_people_and_has_a_limit(app, member_client):
    complete_audit(member_client, app)
    action = _action_ids(app)[0]
    page = get_page(member_client, f"/audit/plan/actions/{action}")
    assert "Do not write anything about the people you support" in page.soup.find(id="note-hint").get_text()
    page = post_page(
        member_client, f"/audit/plan/actions/{action}", {"owner": "nobody", "status": "done", "note": "x" * 501}
    )
    assert page.errors() == ["The note must be 500 characters or fewer"]


def test_members_add_other_guide_actions_and_their_own_and_remove_only_added_ones(app, member_client):
    complete_audit(member_client, app)
    top = _action_ids(app)
    page = get_page(member_client, "/audit/plan/add-from-guide")
    offered = [box["value"] for box in page.soup.select("input[name=actions]")]
    assert offered, "the starting-out guide suggests more than its top five actions"
    assert post_page(member_client, "/audit/plan/add-from-guide", {}).errors() == ["Select at least one action to add"]
    assert member_client.post("/audit/plan/add-from-guide", data={"actions": offered[:2]}).status_code == 302
    again = get_page(member_client, "/audit/plan/add-from-guide")
    assert [box["value"] for box in again.soup.select("input[name=actions]")] == offered[2:]

    sections = section_ids(app)
    page = post_page(member_client, "/audit/plan/add", {"text": "", "section": ""})
    assert page.errors() == ["Enter the action", "Select which section the action is about"]
    response = member_client.post("/audit/plan/add", data={"text": "Visit the night shelter", "section": sections[1]})
    assert response.status_code == 302 and "/audit/plan/actions/" in response.headers["Location"]
    plan = get_page(member_client, "/audit/plan")
    assert len(_card_titles(plan)) == 8 and _card_titles(plan)[-1] == "Visit the night shelter"

    own = _action_ids(app)[-1]
    assert "Remove from your plan" in get_page(member_client, f"/audit/plan/actions/{own}").text
    assert "Remove from your plan" not in get_page(member_client, f"/audit/plan/actions/{top[0]}").text
    assert member_client.post(f"/audit/plan/actions/{top[0]}/remove").status_code == 400
    assert member_client.post(f"/audit/plan/actions/{own}/remove").status_code == 302
    assert "Visit the night shelter" not in _card_titles(get_page(member_client, "/audit/plan"))


def test_another_organisation_cannot_see_or_change_an_action(app, member_client, accounts):
    complete_audit(member_client, app)
    action = _action_ids(app)[0]
    accounts.sign_out()
    accounts.member(email="other@example.org", organisation="Other Org")
    accounts.sign_in("other@example.org")
    assert member_client.get(f"/audit/plan/actions/{action}").status_code == 404
    assert member_client.post(f"/audit/plan/actions/{action}", data={"status": "done"}).status_code == 404
    assert member_client.post(f"/audit/plan/actions/{action}/remove").status_code == 404
    assert member_client.get("/audit/plan/action-plan.docx").status_code == 404


def test_the_word_file_is_the_plan_and_can_be_read_back(app, member_client):
    audit_id = complete_audit(member_client, app)
    action = _action_ids(app)[0]
    _change(member_client, action, owner="other", owner_name="Priya Shah", due_on=["27", "3", "2027"], status="done")
    response = member_client.get("/audit/plan/action-plan.docx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="action-plan-')
    document = docx.Document(io.BytesIO(response.data))
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Action", "Section", "Responsible", "Due date", "Status", "Note"]
    assert [row[0] for row in rows[1:]] == _top_actions(app, audit_id)
    assert rows[1][2:5] == ["Priya Shah", "27 March 2027", "Done"]
    assert "1 of 5 actions done" in document.paragraphs[1].text


def test_the_csv_has_a_byte_order_mark_and_cannot_run_formulas(app, member_client):
    complete_audit(member_client, app)
    member_client.post("/audit/plan/add", data={"text": '=HYPERLINK("http://x")', "section": "none"})
    response = member_client.get("/audit/plan/action-plan.csv")
    assert response.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Action", "Section", "Responsible", "Due date", "Status"]
    assert rows[-1][0] == '\'=HYPERLINK("http://x")'
    assert len(rows) == 7


def test_the_guide_page_shows_the_plan_table(app, member_client):
    audit_id = complete_audit(member_client, app)
    action = _action_ids(app)[0]
    _change(member_client, action, owner="other", owner_name="Priya Shah", due_on=["27", "3", "2027"])
    page = get_page(member_client, f"/audits/{audit_id}/guide")
    table = page.soup.find("caption", string=lambda text: text and "Your action plan" in text).find_parent("table")
    cells = [" ".join(cell.get_text().split()) for cell in table.select("tbody tr")[0].find_all(["td", "th"])]
    assert cells[1:] == ["Priya Shah", "27 March 2027", "Not started"]
    assert [header.get_text(strip=True) for header in table.select("thead th")] == [
        "Action",
        "Responsible",
        "Due date",
        "Status",
    ]


def test_the_next_audit_answers_the_review_question_from_the_plan_and_carries_unfinished_actions(app, member_client):
    first_audit = complete_audit(member_client, app)
    ids = _action_ids(app)
    _change(member_client, ids[0], status="done")
    _change(member_client, ids[1], status="done")
    _change(member_client, ids[2], status="in_progress", owner="other", owner_name="Priya Shah")
    member_client.post("/audit/plan/add", data={"text": "Our own idea", "section": "none"})
    # The starting-out example answered "not started" to the review question; 3 of 6 actions have moved since.
    assert member_client.post("/audit/new").status_code == 302
    with app.app_context():
        new_audit = db.session.scalar(select(Audit).where(Audit.status == "in_progress"))
        answers = {answer.question_id: answer.value for answer in new_audit.answers}
    assert answers["review_last_actions"] == "partly"
    page = get_page(member_client, "/audit/section/impact")
    assert page.checked("review_last_actions") == ["partly"], "prefilled and still changeable on the page"
    note = " ".join(page.soup.select_one(".govuk-inset-text").get_text().split())
    assert "from your last action plan: 3 of 6 actions worked on (2 done)" in note
    assert page.soup.select_one(".govuk-inset-text a")["href"] == "#review_last_actions"

    confirm_every_section(member_client, app)
    response = member_client.post("/audit/submit")
    second_audit = int(response.headers["Location"].split("/")[2])
    plan = get_page(member_client, "/audit/plan")
    titles = _card_titles(plan)
    assert "Our own idea" in titles, "an unfinished action of their own carries over"
    with app.app_context():
        carried = db.session.scalar(
            select(PlanAction).where(PlanAction.audit_id == second_audit, PlanAction.owner_name == "Priya Shah")
        )
        assert carried is not None and carried.status == "in_progress"
        done_texts = set(
            db.session.scalars(
                select(PlanAction.text).where(PlanAction.audit_id == first_audit, PlanAction.status == "done")
            )
        )
    assert not done_texts & set(titles) - set(_top_actions(app, second_audit)), "done actions stay behind"

    compare = get_page(member_client, f"/audits/{second_audit}/compare")
    headers = [th.get_text(strip=True) for th in compare.soup.select("thead th")]
    assert headers[-1] == "Actions done"
    done_column = [int(row.find_all("td")[-1].get_text()) for row in compare.soup.select("tbody tr")]
    assert sum(done_column) == 2


def test_an_audit_submitted_before_plans_existed_gets_one_when_the_page_is_opened(app, member_client):
    audit_id = complete_audit(member_client, app)
    with app.app_context():
        db.session.execute(delete(PlanAction))
        db.session.execute(delete(ActionPlan))
        db.session.commit()
    assert "Make your action plan" in get_page(member_client, "/audit/").text
    assert _card_titles(get_page(member_client, "/audit/plan")) == _top_actions(app, audit_id)


def test_a_plan_is_made_once_so_removing_every_added_action_never_brings_the_top_ones_back(app, member_client):
    complete_audit(member_client, app)
    with app.app_context():
        db.session.execute(update(PlanAction).values(origin="own"))
        db.session.commit()
    for action in _action_ids(app):
        assert member_client.post(f"/audit/plan/actions/{action}/remove").status_code == 302
    page = get_page(member_client, "/audit/plan")
    assert _card_titles(page) == [] and "Your plan has no actions yet." in page.text


def test_the_guides_pdf_and_word_versions_carry_the_plan_as_it_stands(app, member_client):
    audit_id = complete_audit(member_client, app)
    first, second, *_ = _action_ids(app)
    _change(member_client, first, owner="other", owner_name="Priya Shah", due_on=["27", "3", "2027"], status="done")
    _change(member_client, second, status="dropped", dropped_reason="The council now runs this")
    top = _top_actions(app, audit_id)

    document = docx.Document(io.BytesIO(member_client.get(f"/audits/{audit_id}/guide.docx").data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Your results and next steps", "Your action plan"]
    plan = next(table for table in document.tables if table.rows[0].cells[0].text == "Action")
    rows = [[cell.text for cell in row.cells] for row in plan.rows]
    assert rows[0] == ["Action", "Responsible", "Due date", "Status"]
    assert [row[0] for row in rows[1:]] == top
    assert rows[1][1:] == ["Priya Shah", "27 March 2027", "Done"]
    assert rows[2][1:] == ["Nobody yet", "No date yet", "Dropped: The council now runs this"]

    reader = PdfReader(io.BytesIO(member_client.get(f"/audits/{audit_id}/guide.pdf").data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Your action plan" in text and "Priya Shah" in text and "27 March 2027" in text
    assert "Dropped: The council now runs this" in text
    assert "Your action plan" in [entry.title for entry in reader.outline if not isinstance(entry, list)]


def test_a_guide_downloaded_before_any_plan_change_still_shows_the_plan_made_at_submit(app, member_client):
    audit_id = complete_audit(member_client, app)
    reader = PdfReader(io.BytesIO(member_client.get(f"/audits/{audit_id}/guide.pdf").data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.count("Nobody yet") == 5
