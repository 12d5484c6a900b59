"""Links titled as a particular page must not point at a site's home page."""

from __future__ import annotations

import pytest

from inclusion_audit.engine.links import home_page_links, promises_specific_page

from .content_builder import ContentBuilder


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Doctors of the World UK - Safe Surgeries and access to healthcare", "https://www.doctorsoftheworld.org.uk/"),
        ("NHS Health Check", "https://www.nhs.uk/"),
        ("Register with a GP", "https://www.nhs.uk"),
        ("Healthwatch: find your local Healthwatch", "https://www.healthwatch.co.uk/"),
    ],
)
def test_page_titles_on_home_pages_are_flagged(title: str, url: str) -> None:
    assert promises_specific_page(title, url)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Doctors of the World", "https://www.doctorsoftheworld.org.uk/"),
        ("Healthwatch England", "https://www.healthwatch.co.uk/"),
        ("Modern Slavery and Exploitation Helpline", "https://www.modernslaveryhelpline.org/"),
        ("NHS Health Check", "https://www.nhs.uk/tests-and-treatments/nhs-health-check/"),
        ("Anything at all", "https://www.gov.uk/guidance/nhs-entitlements-migrant-health-guide"),
    ],
)
def test_organisation_names_on_home_pages_and_any_title_on_a_page_pass(title: str, url: str) -> None:
    assert not promises_specific_page(title, url)


def test_every_kind_of_link_in_the_content_is_checked(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["sources"] = [{"title": "NHS - GP registration", "url": "https://www.nhs.uk/"}]
    builder.national_help["entries"][0]["title"] = "Find your local Healthwatch"
    builder.raw["facts/extra.md"] = (
        "---\nid: extra\ntitle: Extra\nsources:\n  - {title: S, url: 'https://www.example.org/s'}\n---\n"
        "See [how to complain](https://www.england.nhs.uk/).\n"
    )
    found = home_page_links(builder.load())
    assert any(line.startswith("snippets/commitment/lead-strengthen.md: sources[0]:") for line in found)
    assert any(line.startswith("help/national.yml: entries[0].url:") for line in found)
    assert any(line.startswith("facts/extra.md: body:") for line in found)
    assert len(found) == 3
