"""Requests built to break things get 400, 404 or 413 in the service's own layout, never a server error."""

from __future__ import annotations

import pytest

from tests.audit.helpers import section_ids

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        f"/audits/{HUGE}/results",
        f"/audits/{HUGE}/guide",
        "/audits/2147483648/guide.pdf",
        "/audits/2147483648/compare",
        "/audits/0/results",
    ],
)
def test_out_of_range_ids_are_not_found(member_client, path):
    response = member_client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["²", "٣", HUGE, "2147483647", "0", "-1", "1.5", ""])
def test_the_access_log_refuses_page_numbers_it_does_not_have(accounts, client, page):
    accounts.staff(email="admin@example.org", role="admin")
    accounts.sign_in("admin@example.org")
    assert client.get(f"/coordinator/access-log?page={page}").status_code == 404
    assert client.get("/coordinator/access-log?page=1").status_code == 200


def test_a_section_save_with_an_enormous_revision_is_treated_as_out_of_date(app, member_client):
    section = section_ids(app)[0]
    response = member_client.post(f"/audit/section/{section}", data={"action": "later", "revision": HUGE * 3})
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("target", ["/%0d%0aSet-Cookie:x=1", "/audit/%0aX", "/ /x", "/%09/evil.example"])
def test_a_next_address_with_line_breaks_or_spaces_is_ignored(member_client, target):
    response = member_client.get(f"/sign-in?next={target}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/audit/"
    assert "Set-Cookie" not in response.headers or "x=1" not in response.headers["Set-Cookie"]


def test_a_very_large_request_body_is_refused_with_the_services_page(client):
    response = client.post("/sign-in", data={"email": "a@example.org", "password": "x" * (300 * 1024)})
    assert response.status_code == 413
    assert "govuk-template" in response.get_data(as_text=True)


@pytest.fixture
def csrf_client(app, app_config, make_app):
    return make_app({**app_config, "WTF_CSRF_ENABLED": True}).test_client()


@pytest.mark.parametrize(
    ("referrer", "expected"),
    [
        ("http://localhost//evil.example/x", "/"),
        ("http://localhost/\\evil.example", "/"),
        ("http://evil.example/audit/", "/"),
        ("javascript:alert(1)", "/"),
        ("http://localhost/audit/team", "/audit/team"),
    ],
)
def test_after_a_csrf_failure_only_a_safe_page_on_this_site_is_returned_to(csrf_client, referrer, expected):
    response = csrf_client.post("/sign-out", headers={"Referer": referrer})
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_an_expired_form_posted_to_an_address_with_a_line_break_gets_no_server_error(csrf_client):
    response = csrf_client.post("/audit/section/x%0d%0aSet-Cookie:%20a=b")
    assert response.status_code == 302
    assert "\n" not in response.headers["Location"] and "a=b" not in response.headers.get("Set-Cookie", "")
