"""Attack round: rate limits that can be walked around, or turned against someone else."""

from __future__ import annotations

from tests.conftest import PASSWORD, Accounts


def _outbox(app, to: str) -> list:
    return [message for message in app.extensions.get("outbox", []) if message.to == to]


def test_requests_for_an_account_for_one_address_are_limited_whatever_the_client_address(app):
    """Asking for an account emails the address, with a name the asker typed in the email's first sentence.
    Reset requests are limited per address (5 a minute); account requests are limited only per client
    address, so anyone with a few addresses can fill someone's inbox with emails carrying their own text."""
    data = {"organisation_name": "Urgent: confirm at evil.example", "email": "someone@example.org"}
    statuses = [
        app.test_client().post("/account/create", data=data, environ_base={"REMOTE_ADDR": f"10.3.0.{n}"}).status_code
        for n in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    assert len(_outbox(app, "someone@example.org")) == 5


def test_addresses_in_one_ipv6_network_count_as_one_client(app):
    """Anyone on IPv6 is given at least a /64: 18 billion billion addresses. Counting each address on its own
    makes every per-address limit (sign-in across accounts, account requests, feedback) a formality."""
    statuses = [
        app.test_client()
        .post(
            "/sign-in",
            data={"email": f"user{n}@example.org", "password": "wrong-password-1"},
            environ_base={"REMOTE_ADDR": f"2001:db8:1:2::{n + 1:x}"},
        )
        .status_code
        for n in range(11)
    ]
    assert statuses == [200] * 10 + [429]


def _member_client(app, email: str, organisation: str):
    accounts = Accounts(app, app.test_client())
    accounts.member(email=email, organisation=organisation)
    accounts.sign_in(email)
    return accounts.client


def test_a_member_cannot_send_more_invitations_by_changing_address(app):
    """The invitation limit (10 an hour, sending and sending again together) counts per client address, not
    per person or organisation: a phone moving between Wi-Fi and mobile data, or a script, sends more."""
    member = _member_client(app, "member@example.org", "Riverside Drop-in")
    statuses = [
        member.post(
            "/audit/team", data={"email": f"person{n}@example.org"}, environ_base={"REMOTE_ADDR": f"10.4.0.{n}"}
        ).status_code
        for n in range(11)
    ]
    assert statuses == [302] * 10 + [429]


def test_another_organisation_at_the_same_address_does_not_use_up_your_invitations(app):
    """Two charities in one building, a council network or a VPN share one client address. Today the first one
    to send 10 invitations stops every other organisation there from inviting anyone for an hour."""
    shared = {"REMOTE_ADDR": "192.0.2.50"}
    busy = _member_client(app, "busy@example.org", "Busy Charity")
    for n in range(10):
        assert busy.post("/audit/team", data={"email": f"p{n}@example.org"}, environ_base=shared).status_code == 302
    neighbour = _member_client(app, "neighbour@example.org", "Next Door Trust")
    response = neighbour.post("/audit/team", data={"email": "colleague@example.org"}, environ_base=shared)
    assert response.status_code == 302


def test_someone_guessing_from_elsewhere_cannot_lock_the_owner_out(app):
    """The per-account limit counts every attempt on an account, from anywhere, and refuses the right password
    too. Twenty wrong guesses an hour from any addresses, by anyone who knows the address (a coordinator's is on
    the ICB's website), keep its owner out for good."""
    accounts = Accounts(app, app.test_client())
    accounts.member()
    owner = app.test_client()
    home = {"REMOTE_ADDR": "198.51.100.7"}
    owner.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD}, environ_base=home)
    owner.post("/sign-out", environ_base=home)
    guess = {"email": "member@example.org", "password": "wrong-password-1"}
    for n in range(20):
        app.test_client().post("/sign-in", data=guess, environ_base={"REMOTE_ADDR": f"203.0.113.{n}"})
    response = owner.post("/sign-in", data={"email": "member@example.org", "password": PASSWORD}, environ_base=home)
    assert response.status_code == 302, "the owner, from their usual browser and address, is refused"
