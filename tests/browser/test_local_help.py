"""Local help in Chromium: a demo coordinator for one area adds an entry, is told what to fix first, and sees the
entry in the preview of an example guide. axe and the Nu HTML checker on each page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .actions import click_and_wait, sign_in
from .support import DEMO_PASSWORD, assert_accessible

pytestmark = pytest.mark.browser

AREA_COORDINATOR = "west.coordinator@example.org"


def test_a_coordinator_adds_local_help_and_sees_it_in_the_preview(axe_page, unique):
    page = axe_page
    sign_in(page, AREA_COORDINATOR, DEMO_PASSWORD)
    click_and_wait(page, page.get_by_role("link", name="Add or change the local help", exact=False))
    assert page.locator("h1").inner_text() == "Local help"
    assert_accessible(page, "local help list")

    click_and_wait(page, page.get_by_role("button", name="Add an entry"))
    assert page.locator("h1").inner_text() == "Add a local help entry"
    assert_accessible(page, "local help: add")
    title = f"Daventry Community Pantry {unique()}"
    page.get_by_label("Title").fill(title)
    page.get_by_label("Who runs it").fill("Daventry Community Pantry")
    page.get_by_label("Description").fill("Food and **advice on benefits**, from [the pantry](http://example.org/).")
    page.get_by_label("Help", exact=True).check()
    page.get_by_label("Contact (optional)").fill("info@example.org")
    page.get_by_label("People experiencing homelessness").check()
    click_and_wait(page, page.get_by_role("button", name="Save"))
    summary = page.locator(".govuk-error-summary")
    assert "A link in the description is not right: the link must start with https://" in summary.inner_text()
    assert page.get_by_label("Title").input_value() == title  # what was typed is kept
    assert page.get_by_label("People experiencing homelessness").is_checked()
    assert_accessible(page, "local help: add, with an error")

    page.get_by_label("Description").fill("Food and **advice on benefits**, from [the pantry](https://example.org/).")
    click_and_wait(page, page.get_by_role("button", name="Save"))
    assert urlsplit(page.url).path == "/coordinator/local-help/"
    assert f"“{title}” has been added" in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_role("cell", name=title).count() == 1
    assert page.get_by_role("cell", name="West Northamptonshire Council").count() == 1  # the area's pack came too
    assert_accessible(page, "local help list, with entries")

    click_and_wait(page, page.get_by_role("link", name=f"Preview {title}"))
    assert page.locator("h1").inner_text() == f"Preview of {title}"
    item = page.locator("li", has_text=title)
    assert " ".join(item.inner_text().split()) == (
        f"{title} (Daventry Community Pantry): Food and advice on benefits, from the pantry. Contact: info@example.org."
    )
    assert item.locator("strong", has_text="advice on benefits").count() == 1
    assert item.get_by_role("link", name="the pantry").get_attribute("href") == "https://example.org/"
    assert_accessible(page, "local help preview")

    click_and_wait(page, page.get_by_role("link", name="Back to local help"))
    click_and_wait(page, page.get_by_role("link", name=f"History {title}"))
    assert page.get_by_role("cell", name="Added").count() == 1
    assert_accessible(page, "local help history")
