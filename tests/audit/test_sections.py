"""Question pages: saving, validation, partial saves, conflicts and lapsed sign-ins."""

from sqlalchemy import select

from inclusion_audit.content_store import get_content
from inclusion_audit.extensions import db
from inclusion_audit.models import Answer
from tests.audit.helpers import example, fill_profile, questions_of, revision_on_page, save_section, section_ids
from tests.conftest import PASSWORD, Accounts, get_page, parse, post_page


def stored(app) -> dict[str, str]:
    with app.app_context():
        return {a.question_id: a.value for a in db.session.scalars(select(Answer))}


def test_question_page_shows_every_question_with_the_answer_scale(app, member_client):
    first = section_ids(app)[0]
    page = get_page(member_client, f"/audit/section/{first}")
    fieldsets = page.soup.select("fieldset")
    assert len(fieldsets) == len(questions_of(app, first))
    values = [radio["value"] for radio in fieldsets[1].select("input[type=radio]")]
    # "Does not apply" is only offered where a question words it; the real content has none.
    assert values == ["not_started", "early", "partly", "embedded", "dont_know"]
    assert page.soup.select_one(".govuk-caption-l").get_text(strip=True) == "Section 1 of 5"
    assert page.soup.select_one(".govuk-back-link")["href"] == "/audit/"
    buttons = [button.get_text(strip=True) for button in page.soup.select("button[name=action]")]
    assert buttons == ["Save and continue", "Save and come back later"]


def test_save_and_continue_saves_and_moves_to_the_next_section(app, member_client):
    answers = example("starting-out")["answers"]
    first, second = section_ids(app)[:2]
    response = save_section(member_client, app, first, answers)
    assert response.headers["Location"] == f"/audit/section/{second}"
    assert {q: stored(app)[q] for q in questions_of(app, first)} == {q: answers[q] for q in questions_of(app, first)}


def test_save_and_come_back_later_keeps_a_partial_section(app, member_client):
    first = section_ids(app)[0]
    one = questions_of(app, first)[0]
    response = save_section(member_client, app, first, {one: "partly"}, action="later")
    assert response.headers["Location"] == "/audit/"
    assert stored(app) == {one: "partly"}
    task_list = get_page(member_client, "/audit/")
    assert "In progress" in task_list.text
    assert f"1 of {len(questions_of(app, first))} questions answered" in task_list.text
    page = get_page(member_client, f"/audit/section/{first}")
    assert page.checked(one) == ["partly"]


def test_save_and_continue_with_gaps_saves_the_answers_given_and_lists_each_missing_one(app, member_client):
    first = section_ids(app)[0]
    questions = questions_of(app, first)
    data = {questions[0]: "embedded", questions[2]: "early", "action": "continue"}
    data["revision"] = revision_on_page(member_client, first)
    page = post_page(member_client, f"/audit/section/{first}", data)
    assert len(page.errors()) == len(questions) - 2
    assert page.errors()[0].startswith("Select an answer to question 2:")
    assert page.soup.select(".govuk-error-summary__list a")[0]["href"] == f"#{questions[1]}"
    # Each error's question number is the number its question shows on the page.
    for link in page.soup.select(".govuk-error-summary__list a"):
        number = link.get_text().split("question ")[1].split(":")[0]
        field = page.soup.find(id=link["href"][1:]).find_parent("fieldset")
        legend = " ".join(field.select_one("legend").get_text(" ").split())
        assert legend.startswith(f"{number}. "), legend
        assert legend.endswith(link.get_text().split(": ", 1)[1])
    assert page.checked(questions[0]) == ["embedded"], "what was chosen is kept"
    assert "We saved your 2 answers. Answer the questions below to continue." in " ".join(
        page.soup.get_text(" ").split()
    )
    assert stored(app) == {questions[0]: "embedded", questions[2]: "early"}
    # Leaving now loses nothing: the task list counts them, and the page can be saved again without a clash.
    assert f"2 of {len(questions)} questions answered" in get_page(member_client, "/audit/").text
    data = {**{q: "partly" for q in questions}, "action": "continue", "revision": page.value_of("revision")}
    data["original"] = page.soup.find("input", attrs={"name": "original"})["value"]
    assert member_client.post(f"/audit/section/{first}", data=data).status_code == 302


def test_an_answer_the_page_never_offered_is_refused_and_the_valid_ones_are_saved(app, member_client):
    first = section_ids(app)[0]
    one, two = questions_of(app, first)[:2]
    save_section(member_client, app, first, {one: "early", two: "partly"}, action="later")
    data = {one: "embedded", two: "excellent", "action": "later", "revision": revision_on_page(member_client, first)}
    page = post_page(member_client, f"/audit/section/{first}", data)
    with app.app_context():
        text = get_content().questions[two].text
    assert page.errors() == [f"Select one of the answers shown for question 2: {text}"]
    assert stored(app) == {one: "embedded", two: "partly"}, "the refused value never replaces the saved answer"


def test_a_stale_page_from_another_tab_does_not_overwrite_newer_answers(app, member_client):
    first = section_ids(app)[0]
    one = questions_of(app, first)[0]
    stale = get_page(member_client, f"/audit/section/{first}")
    opened = {"revision": stale.value_of("revision"), "original": stale.value_of("original"), "action": "later"}
    assert member_client.post(f"/audit/section/{first}", data={**opened, one: "embedded"}).status_code == 302
    tab_two = {**opened, one: "not_started"}
    page = post_page(member_client, f"/audit/section/{first}", tab_two)
    assert "changed in another tab or by a colleague" in page.text
    banner = page.soup.find(id="conflict-title").find_parent(class_="govuk-notification-banner").get_text()
    with app.app_context():
        assert get_content().questions[one].option("embedded").label in banner
    assert stored(app) == {one: "embedded"}, "the newer answer is not silently overwritten"
    assert page.checked(one) == ["not_started"], "the page keeps this tab's choice"
    # Saving again, now knowingly, replaces it.
    again = {
        one: "not_started",
        "action": "later",
        "revision": page.value_of("revision"),
        "original": page.value_of("original"),
    }
    assert member_client.post(f"/audit/section/{first}", data=again).status_code == 302
    assert stored(app) == {one: "not_started"}


def test_a_stale_page_keeps_others_answers_and_saves_its_own_changes_when_they_do_not_clash(app, member_client):
    first = section_ids(app)[0]
    one, two = questions_of(app, first)[:2]
    save_section(member_client, app, first, {one: "early", two: "early"}, action="later")
    stale = get_page(member_client, f"/audit/section/{first}")
    opened = {"revision": stale.value_of("revision"), "original": stale.value_of("original"), "action": "later"}
    # A colleague changes question one; this tab, still showing the old answers, changes question two.
    member_client.post(f"/audit/section/{first}", data={**opened, one: "embedded", two: "early"})
    response = member_client.post(f"/audit/section/{first}", data={**opened, one: "early", two: "partly"})
    assert response.status_code == 302
    assert stored(app) == {one: "embedded", two: "partly"}


def test_answers_posted_after_the_sign_in_lapsed_are_saved_after_signing_in_again(app, accounts, client):
    accounts.member()
    accounts.sign_in("member@example.org")
    first = section_ids(app)[0]
    one = questions_of(app, first)[0]
    revision = revision_on_page(client, first)
    with client.session_transaction() as session:
        session["seen_at"] -= (app.config["SESSION_IDLE_MINUTES"] + 1) * 60  # a minute past the idle limit
    response = client.post(f"/audit/section/{first}", data={one: "partly", "action": "later", "revision": revision})
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")
    assert stored(app) == {}
    sign_in_page = parse(client.get(response.headers["Location"]))
    assert "Sign in again and the answers you just entered will be saved" in sign_in_page.text
    response = client.post(
        response.headers["Location"], data={"email": "member@example.org", "password": "plain-river-lantern-42"}
    )
    assert response.headers["Location"] == f"/audit/section/{first}"
    client.get(response.headers["Location"])
    assert stored(app) == {one: "partly"}


def test_with_csrf_on_kept_answers_are_saved_at_sign_in_with_no_technical_message(app, app_config, make_app):
    """As in a real browser: the form carries a CSRF token, the lapse happens, then sign-in saves the answers."""
    csrf_app = make_app({**app_config, "WTF_CSRF_ENABLED": True, "SESSION_IDLE_MINUTES": 1})
    Accounts(csrf_app, csrf_app.test_client()).member()
    client = csrf_app.test_client()
    client.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD, **_token(client, "/sign-in")})
    first = section_ids(csrf_app)[0]
    one, two = questions_of(csrf_app, first)[:2]
    opened = parse(client.get(f"/audit/section/{first}"))
    with client.session_transaction() as session:
        session["seen_at"] -= 120  # two minutes of doing nothing
    form = {"csrf_token": opened.value_of("csrf_token")}
    form.update({one: "partly", two: "embedded", "action": "continue", "revision": opened.value_of("revision")})
    response = client.post(f"/audit/section/{first}", data=form)
    assert response.headers["Location"].startswith("/sign-in?next=")
    assert stored(csrf_app) == {}
    signed_in = client.post(
        response.headers["Location"],
        data={"email": "member@example.org", "password": PASSWORD, **_token(client, response.headers["Location"])},
    )
    assert signed_in.headers["Location"] == f"/audit/section/{first}"
    page = parse(client.get(signed_in.headers["Location"], follow_redirects=True))
    assert stored(csrf_app) == {one: "partly", two: "embedded"}
    assert "We saved the 2 answers you entered before you were signed out" in page.text
    assert "CSRF" not in page.text and not page.errors()


def _token(client, path: str) -> dict:
    return {"csrf_token": parse(client.get(path)).value_of("csrf_token")}


def test_kept_answers_are_not_saved_for_a_different_person(app, accounts, client):
    accounts.member()
    accounts.member(email="other@example.org", organisation="Other Org")
    accounts.sign_in("member@example.org")
    first = section_ids(app)[0]
    one = questions_of(app, first)[0]
    revision = revision_on_page(client, first)
    with client.session_transaction() as session:
        session["seen_at"] -= (app.config["SESSION_IDLE_MINUTES"] + 1) * 60  # a minute past the idle limit
    client.post(f"/audit/section/{first}", data={one: "partly", "action": "later", "revision": revision})
    accounts.sign_in("other@example.org")
    client.get(f"/audit/section/{first}")
    assert stored(app) == {}


def test_unknown_section_is_not_found(member_client):
    assert member_client.get("/audit/section/not-a-section").status_code == 404


def test_task_list_unlocks_check_and_submit_only_when_everything_is_complete(app, member_client):
    data = example("starting-out")
    page = get_page(member_client, "/audit/")
    assert "Cannot start yet" in page.text
    fill_profile(member_client, data["profile"])
    for section_id in section_ids(app):
        save_section(member_client, app, section_id, data["answers"])
    page = get_page(member_client, "/audit/")
    assert "Cannot start yet" not in page.text
    assert page.soup.find("a", string=lambda s: s and "Check your answers and submit" in s)["href"] == "/audit/check"


def test_answers_posted_hours_after_the_last_activity_are_not_kept_for_the_next_sign_in(app, accounts, client):
    """On a shared computer, whoever uses the browser much later must not be able to plant answers."""
    accounts.member()
    accounts.sign_in("member@example.org")
    first = section_ids(app)[0]
    one = questions_of(app, first)[0]
    revision = revision_on_page(client, first)
    with client.session_transaction() as session:
        session["seen_at"] -= 5 * 3600  # left for five hours
    response = client.post(f"/audit/section/{first}", data={one: "embedded", "action": "later", "revision": revision})
    assert response.headers["Location"].startswith("/sign-in?next=")
    assert "were not kept" in client.get(response.headers["Location"]).get_data(as_text=True)
    signed_in = client.post(response.headers["Location"], data={"email": "member@example.org", "password": PASSWORD})
    client.get(signed_in.headers["Location"])
    assert stored(app) == {}
