"""Attack round: input handling."""

from __future__ import annotations

import pytest

from tests.conftest import parse


def test_an_expired_form_posted_to_an_address_with_a_line_break_is_not_a_500(app_config, make_app):
    """The CSRF error handler sends a page that takes GET back to its own path. A path with an encoded line
    break (a section id can be anything) makes that redirect raise ValueError, so anyone can fill the error log
    and see the 500 page, without signing in."""
    app = make_app(
        {**app_config, "WTF_CSRF_ENABLED": True, "HANDLE_UNEXPECTED_ERRORS": True, "PROPAGATE_EXCEPTIONS": False}
    )
    response = app.test_client().post("/audit/section/x%0d%0aSet-Cookie:%20a=b", data={})
    assert response.status_code in (302, 400, 404)
    assert "Set-Cookie" not in response.headers.get("Location", "")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Riverside\u2028Urgent: sign in at evil.example", id="line separator U+2028"),
        pytest.param("Riverside\u2029Urgent: sign in at evil.example", id="paragraph separator U+2029"),
        pytest.param("\u3164\u3164\u3164", id="only Hangul filler (shows nothing)"),
        pytest.param("\u2800\u2800\u2800", id="only braille blank (shows nothing)"),
        pytest.param("Riverside\U000e0049\U000e0047\U000e004e", id="invisible tag characters"),
    ],
)
def test_names_with_line_breaks_or_nothing_visible_are_refused(app, client, name):
    """Issue 12 item 7 refuses CR/LF, bidi overrides and names of only zero-width characters. Unicode's own line
    and paragraph separators still pass (and the name is the first sentence of the confirmation email), as do
    names made only of characters that draw nothing and invisible tag characters."""
    page = parse(client.post("/account/create", data={"organisation_name": name, "email": "sam@example.org"}))
    assert page.errors(), f"{name!r} was accepted"
    assert not app.extensions.get("outbox")
