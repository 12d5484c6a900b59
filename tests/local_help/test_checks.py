"""The safety net: what a coordinator types is held to the content files' rules before anything is stored."""

import pytest

from inclusion_audit.local_help import checks


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://www.northnorthants.gov.uk/", None),
        ("https://example.org/help?topic=housing#top", None),
        ("http://example.org/", "The link must start with https://"),
        ("javascript:alert(1)", "The link must start with https://"),
        ("https://", checks.LINK_FORMAT),
        ("https://localhost/page", checks.LINK_FORMAT),
        ("https://user:secret@example.org/", "The link must not include a user name or password"),
        ("https://user@example.org/", "The link must not include a user name or password"),
        ("https://example.org/a page", "The link must not include spaces"),
        ("https://[::1/", checks.LINK_FORMAT),
        ("https://example.org/" + "a" * 300, "The link must be 300 characters or fewer"),
    ],
)
def test_link_shape(url, problem):
    assert checks.link_problem(url) == problem


@pytest.mark.parametrize(
    ("text", "problem_start"),
    [
        ("Free advice on **housing** and *benefits*, from [the council](https://example.org/advice).", None),
        ("Plain words, no Markdown at all.", None),
        ("Two paragraphs.\n\nThe second one.", "The description must be one paragraph"),
        ("- a list\n- of things", "The description must be one paragraph"),
        ("### A heading", "The description must be one paragraph"),
        ("| a | table |", "The description must be one paragraph"),
        ("Some <b>HTML</b> here.", "The description must not include HTML"),
        ("<script>alert(1)</script>", "The description must not include HTML"),
        ("A picture ![alt](https://example.org/x.png)", "The description must not include an image"),
        ("See [this](http://example.org/).", "A link in the description is not right: the link must start with https"),
        ("See [this](javascript:alert(1)).", "A link in the description is not right: the link must start with https"),
        ("word " * 61, "The description must be 60 words or fewer (it has 61)"),
        ("x" * 601, "The description must be 600 characters or fewer"),
    ],
)
def test_description_uses_the_guidance_markdown_subset_in_one_paragraph(text, problem_start):
    problem = checks.description_problem(text)
    if problem_start is None:
        assert problem is None
    else:
        assert problem is not None and problem.startswith(problem_start), problem


@pytest.mark.parametrize("contact", ["info@example.org", "01632 960 001", "+44 1632 960001", "111", "(01632) 960-001"])
def test_contacts_that_are_fine(contact):
    assert checks.contact_problem(contact) is None


@pytest.mark.parametrize("contact", ["Ask at reception", "12", "info@example", "call 01632 960 001", "a@@b.org"])
def test_contacts_that_are_neither_an_email_address_nor_a_phone_number(contact):
    assert checks.contact_problem(contact).startswith("Enter the contact as an email address")


@pytest.mark.parametrize(
    ("contact", "personal"),
    [
        ("jane.smith@example.org", True),
        ("j.smith@example.org", True),
        ("jane_smith@example.org", True),
        ("info@example.org", False),
        ("health.inequalities@example.org", False),
        ("community.team@example.org", False),
        ("01632 960 001", False),
    ],
)
def test_a_simple_check_for_a_persons_address(contact, personal):
    assert checks.looks_personal(contact) is personal
