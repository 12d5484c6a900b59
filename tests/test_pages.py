"""Public pages render in the service's own layout, never as GOV.UK."""

import pytest

from tests.conftest import check_page_hygiene, get_page, parse

PUBLIC_PAGES = ["/", "/accessibility", "/privacy", "/cookies", "/sign-in", "/account/create"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_have_one_h1_and_a_matching_title(client, url):
    get_page(client, url)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_pages_do_not_present_themselves_as_gov_uk(client, url):
    page = get_page(client, url)
    assert "govuk-header__logotype" not in page.text
    assert "Crown copyright" not in page.text
    assert "GDS Transport" not in page.text
    footer_links = [a.get_text(strip=True) for a in page.soup.select("footer a")]
    assert footer_links == ["Accessibility", "Privacy", "Cookies"]


def test_start_page_explains_time_and_saving(client):
    page = get_page(client, "/")
    assert "about 15 minutes" in page.text
    assert "every page is saved" in page.text
    assert page.soup.select_one("a.govuk-button--start")["href"] == "/account/create"


def test_unknown_page_is_a_friendly_404(client):
    page = get_page(client, "/no-such-page", status=404)
    assert page.h1() == "Page not found"


def test_stylesheet_uses_system_fonts_not_gds_transport():
    from pathlib import Path

    css = Path(__file__).resolve().parent.parent / "static" / "build" / "app.css"
    if not css.exists():
        pytest.skip("assets are built by `make assets`")
    text = css.read_text()
    assert "GDS Transport" not in text
    assert "system-ui" in text


def test_an_unexpected_error_is_logged_and_shows_the_service_error_page(app_config, make_app, caplog):
    # As in production: with the testing or debug flag (make exports FLASK_DEBUG=1) errors go through instead.
    live = make_app({**app_config, "TESTING": False, "DEBUG": False})

    def broken():
        raise RuntimeError("deliberate failure for the test")

    live.add_url_rule("/broken-for-test", "broken_for_test", broken)
    page = get_page(live.test_client(), "/broken-for-test", status=500)
    assert page.h1() == "Sorry, there is a problem with the service"
    assert "Your saved answers are safe" in page.text
    assert any(record.exc_info and "deliberate failure" in str(record.exc_info[1]) for record in caplog.records)


def test_a_request_the_page_cannot_take_gets_the_service_error_page(client):
    response = client.post("/healthz")
    assert response.status_code == 405
    page = parse(response)
    check_page_hygiene(page)
    assert page.h1() == "Sorry, there is a problem with that request"
    assert "Go to the start page" in page.text
