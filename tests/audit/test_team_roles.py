"""Team roles: admins manage the team, sharing and deletion; members answer, plan and download; a team always
keeps an admin; every change is recorded and emailed to the person it affects."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from inclusion_audit.extensions import db
from inclusion_audit.models import Organisation, TeamEvent, User
from inclusion_audit.plan_models import PlanAction
from tests.audit.helpers import complete_audit, section_ids
from tests.conftest import PASSWORD, Accounts, get_page, last_email, link_in, post_page

ADMIN, COLLEAGUE = "member@example.org", "colleague@example.org"


def _user(app, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def _sign_in(app, email: str):
    client = app.test_client()
    Accounts(app, client).sign_in(email)
    return client


def _events(app) -> list[tuple[str, str, str]]:
    with app.app_context():
        return [
            (event.actor_email, event.action, event.subject_email)
            for event in db.session.scalars(select(TeamEvent).order_by(TeamEvent.id))
        ]


def test_whoever_registers_is_the_admin_and_invited_colleagues_join_as_members(app, client):
    client.post("/account/create", data={"organisation_name": "Riverside", "email": ADMIN})
    path = link_in(last_email(app, ADMIN), "/account/confirm/")
    client.post(path, data={"password": PASSWORD, "confirm_password": PASSWORD})
    assert client.post("/audit/team", data={"email": COLLEAGUE}).status_code == 302
    joiner = app.test_client()
    path = link_in(last_email(app, COLLEAGUE), "/invitation/")
    assert joiner.post(path, data={"password": PASSWORD, "confirm_password": PASSWORD}).status_code == 302
    assert _user(app, ADMIN).team_role == "admin"
    assert _user(app, COLLEAGUE).team_role == "member"
    page = get_page(client, "/audit/team")
    members = [" ".join(row.get_text(" ").split()) for row in page.soup.select("#members .govuk-summary-list__row")]
    assert members[0].startswith(f"{ADMIN} (you) Admin") and members[1].startswith(f"{COLLEAGUE} Member")
    changes = [" ".join(item.get_text().split()) for item in page.soup.select("#team-changes li")]
    assert any(f"{COLLEAGUE} joined" in change for change in changes)
    assert any(f"{ADMIN} invited {COLLEAGUE}" in change for change in changes)


def test_members_answer_plan_and_download_but_only_admins_manage(app, member_client, accounts):
    complete_audit(member_client, app)
    accounts.colleague(COLLEAGUE)
    colleague = _sign_in(app, COLLEAGUE)
    admin_id = _user(app, ADMIN).id
    with app.app_context():
        action = db.session.scalar(select(PlanAction.id))
    allowed = [
        colleague.post(f"/audit/plan/actions/{action}", data={"owner": "nobody", "status": "in_progress"}),
        colleague.get("/audit/plan/action-plan.docx"),
        colleague.get("/audit/your-data/download"),
        colleague.post("/audit/new"),
        colleague.post(f"/audit/section/{section_ids(app)[0]}", data={"action": "later"}),
    ]
    assert [response.status_code for response in allowed] == [302, 200, 200, 302, 302]
    refused = [
        colleague.post("/audit/team", data={"email": "someone@example.org"}),
        colleague.get("/audit/delete"),
        colleague.post("/audit/delete", data={"confirm": "y", "password": PASSWORD}),
        colleague.post("/audit/sharing", data={"sharing": "named"}),
        colleague.post(f"/audit/team/members/{admin_id}/role", data={"role": "member"}),
        colleague.get(f"/audit/team/members/{admin_id}/remove"),
        colleague.post(f"/audit/team/members/{admin_id}/remove"),
    ]
    assert [response.status_code for response in refused] == [403] * len(refused)
    team = get_page(colleague, "/audit/team")
    assert "Invite a colleague" not in team.text and not team.soup.select("form[action$='/role']")
    assert f"Your admins: {ADMIN}." in team.text
    assert "/audit/delete" not in [a["href"] for a in get_page(colleague, "/audit/your-data").soup.select("main a")]
    assert _user(app, ADMIN).team_role == "admin"


def test_members_see_the_sharing_choice_but_cannot_change_it_even_when_submitting(app, member_client, accounts):
    accounts.colleague(COLLEAGUE)
    colleague = _sign_in(app, COLLEAGUE)
    complete_audit(colleague, app, submit=False)
    page = get_page(colleague, "/audit/sharing")
    assert not page.soup.select("input[name=sharing]")
    assert page.soup.find(id="sharing-choice").get_text(strip=True) == "Only as part of anonymous totals."
    check = get_page(colleague, "/audit/check")
    assert not check.soup.select("input[name=sharing]") and check.soup.find(id="sharing-choice")
    assert colleague.post("/audit/submit", data={"sharing": "named"}).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Organisation.share_named)) is False
    admin_page = get_page(member_client, "/audit/sharing")
    assert admin_page.soup.select("input[name=sharing]"), "admins still choose"


def test_promoting_and_demoting_are_emailed_and_recorded(app, member_client, accounts):
    colleague_id = accounts.colleague(COLLEAGUE)
    page = get_page(member_client, f"/audit/team/members/{colleague_id}/role")
    assert page.h1() == f"Change {COLLEAGUE}'s role" and page.checked("role") == ["member"]
    response = member_client.post(f"/audit/team/members/{colleague_id}/role", data={"role": "admin"})
    assert response.status_code == 302
    assert _user(app, COLLEAGUE).team_role == "admin"
    message = last_email(app, COLLEAGUE)
    assert message.subject.startswith("You are now an admin of")
    assert f"{ADMIN} has made you an admin" in message.body and "http://localhost/audit/team" in message.body
    assert "emailed them" in get_page(member_client, "/audit/team").text
    member_client.post(f"/audit/team/members/{colleague_id}/role", data={"role": "member"})
    assert _user(app, COLLEAGUE).team_role == "member"
    assert last_email(app, COLLEAGUE).subject.startswith("You are no longer an admin of")
    assert _events(app) == [(ADMIN, "promoted", COLLEAGUE), (ADMIN, "demoted", COLLEAGUE)]


def test_the_last_admin_cannot_be_demoted_or_leave(app, member_client):
    admin_id = _user(app, ADMIN).id
    team = get_page(member_client, "/audit/team")
    assert "Change role" not in team.text, "the only admin is not offered a change that cannot be made"
    page = post_page(member_client, f"/audit/team/members/{admin_id}/role", {"role": "member"})
    assert page.errors() == ["Your organisation needs at least one admin. Make someone else an admin first"]
    assert _user(app, ADMIN).team_role == "admin"
    page = get_page(member_client, "/audit/team/leave")
    assert "You are the only admin of your team" in page.soup.find(id="last-admin").get_text()
    post_page(member_client, "/audit/team/leave", {"confirm": "y", "password": PASSWORD})
    assert _user(app, ADMIN) is not None
    assert _events(app) == []


def test_two_admins_demoting_each_other_at_once_leave_one_admin(app, accounts):
    accounts.member()
    second_id = accounts.colleague("second@example.org", team_role="admin")
    first_id = _user(app, ADMIN).id
    requests = [(_sign_in(app, ADMIN), second_id), (_sign_in(app, "second@example.org"), first_id)]
    barrier = threading.Barrier(len(requests))
    statuses: list = [None] * len(requests)

    def demote(index: int) -> None:
        client, target = requests[index]
        barrier.wait()
        statuses[index] = client.post(f"/audit/team/members/{target}/role", data={"role": "member"}).status_code

    threads = [threading.Thread(target=demote, args=(index,)) for index in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(statuses) == [200, 302], "one is done; the other is told a team needs an admin"
    with app.app_context():
        admins = db.session.scalar(select(func.count()).select_from(User).where(User.team_role == "admin"))
    assert admins == 1


def test_removing_a_member_deletes_their_account_tells_them_and_frees_their_actions(app, member_client, accounts):
    complete_audit(member_client, app)
    colleague_id = accounts.colleague(COLLEAGUE)
    colleague = _sign_in(app, COLLEAGUE)
    with app.app_context():
        action = db.session.scalar(select(PlanAction.id))
    member_client.post(f"/audit/plan/actions/{action}", data={"owner": f"member-{colleague_id}", "status": "done"})
    member_client.post(
        f"/audit/plan/actions/{action + 1}", data={"owner": f"member-{colleague_id}", "status": "in_progress"}
    )
    confirm = get_page(member_client, f"/audit/team/members/{colleague_id}/remove")
    assert confirm.h1() == f"Remove {COLLEAGUE} from your team"
    assert "They are responsible for 1 unfinished action in your plan." in confirm.text
    assert member_client.post(f"/audit/team/members/{colleague_id}/remove").status_code == 302
    assert _user(app, COLLEAGUE) is None
    assert colleague.get("/audit/").status_code == 302, "their session has ended"
    assert colleague.post("/sign-in", data={"email": COLLEAGUE, "password": PASSWORD}).status_code == 200
    message = last_email(app, COLLEAGUE)
    assert message.subject.startswith("You have been removed from") and ADMIN in message.body
    plan = get_page(member_client, "/audit/plan")
    assert "Nobody yet" in plan.soup.find(id=f"action-{action + 1}").get_text()
    assert _events(app) == [(ADMIN, "removed", COLLEAGUE)]
    # Your own account is not removed from here: that is leaving.
    admin_id = _user(app, ADMIN).id
    assert member_client.get(f"/audit/team/members/{admin_id}/remove").headers["Location"] == "/audit/team/leave"


def test_a_member_leaves_with_their_password_and_the_admins_are_told(app, member_client, accounts):
    accounts.colleague(COLLEAGUE)
    colleague = _sign_in(app, COLLEAGUE)
    page = post_page(colleague, "/audit/team/leave", {"confirm": "y", "password": "wrong-password-123"})
    assert page.errors() == ["Your password is not right. Check it and try again"]
    page = post_page(colleague, "/audit/team/leave", {"password": PASSWORD})
    assert page.errors() == ["Confirm that you understand your account will be deleted"]
    page = post_page(colleague, "/audit/team/leave", {"confirm": "y", "password": PASSWORD})
    assert page.h1() == "You have left the team"
    assert _user(app, COLLEAGUE) is None
    assert colleague.get("/audit/").status_code == 302
    assert last_email(app, COLLEAGUE).subject.startswith("You have left")
    assert last_email(app, ADMIN).subject == f"{COLLEAGUE} has left Riverside Drop-in's team"
    assert _events(app) == [(COLLEAGUE, "left", COLLEAGUE)]


def test_cancelling_an_invitation_tells_the_person_invited(app, member_client):
    member_client.post("/audit/team", data={"email": "invited@example.org"})
    page = get_page(member_client, "/audit/team")
    cancel = page.soup.select_one("form[action$='/cancel']")["action"]
    assert member_client.post(cancel).status_code == 302
    message = last_email(app, "invited@example.org")
    assert message.subject == "Your invitation to join Riverside Drop-in has been cancelled"
    assert "/invitation/" not in message.body
    assert [action for _, action, _ in _events(app)] == ["invited", "invitation_cancelled"]


def test_invitation_buttons_say_what_they_do_with_the_address_hidden_for_screen_readers(app, member_client):
    member_client.post("/audit/team", data={"email": "invited@example.org"})
    button = get_page(member_client, "/audit/team").soup.select_one("form[action$='/resend'] button")
    assert " ".join(button.get_text().split()) == "Send again to invited@example.org"
    assert button.select_one(".govuk-visually-hidden").get_text() == " to invited@example.org"
