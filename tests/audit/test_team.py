"""The team page: inviting never reveals whether an address has an account elsewhere."""

from tests.conftest import get_page, last_email, post_page


def test_inviting_someone_with_an_account_elsewhere_looks_like_any_other_invitation(app, member_client, accounts):
    accounts.member(email="taken@example.org", organisation="Another Charity")
    fresh = member_client.post("/audit/team", data={"email": "fresh@example.org"})
    taken = member_client.post("/audit/team", data={"email": "Taken@Example.org"})
    assert fresh.status_code == taken.status_code == 302
    team = get_page(member_client, "/audit/team")
    pending = team.soup.find("ul", class_="app-invitations").get_text()
    assert "fresh@example.org" in pending and "taken@example.org" in pending
    assert "Another Charity" not in team.text
    # The person with the account is told by email, and their link cannot move their account.
    message = last_email(app, "taken@example.org")
    assert "already has an account" in message.body and "/invitation/" not in message.body


def test_inviting_someone_already_in_the_team_says_so(member_client):
    page = post_page(member_client, "/audit/team", {"email": "Member@Example.org"})
    assert page.errors() == ["This person is already in your team"]
