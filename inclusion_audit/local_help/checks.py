"""The safety net for local help typed in the browser: the checks `content check` makes of the content files,
worded for the person typing. Each returns the GOV.UK error message, or None when the value is fine.

A description is one paragraph of the guidance Markdown subset (bold, italic and https links), because the guide
shows it as one line of a bulleted list in the web page, the PDF and the Word document alike.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..engine.lint import BODY_CHECKS, word_count
from ..guide import markdown as md

TITLE_LIMIT = PUBLISHER_LIMIT = CONTACT_LIMIT = 120
DESCRIPTION_LIMIT = 600  # characters, with any link addresses
DESCRIPTION_WORDS = 60  # as `content check` counts them: link addresses do not count
URL_LIMIT = 300

# The content lint's own patterns, so typed text is held to the same rules as the content files.
HTML, TABLE, IMAGE = (pattern for pattern, _ in BODY_CHECKS[:3])
LINK_TARGET = re.compile(r"\]\(\s*<?([^)>\s]*)")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
PHONE = re.compile(r"^\+?[0-9(][0-9 ()-]*$")
PHONE_DIGITS = (3, 15)  # 111 to an international number
# "firstname.lastname@" or "firstname_lastname@": two words of letters, neither of them a usual mailbox word.
PERSON_LOCAL_PART = re.compile(r"^([a-z]+)[._-]([a-z]+)$")
ROLE_WORDS = frozenset(
    [
        "info",
        "enquiries",
        "enquiry",
        "contact",
        "contactus",
        "admin",
        "hello",
        "office",
        "team",
        "support",
        "help",
        "helpline",
        "referrals",
        "referral",
        "health",
        "services",
        "service",
        "community",
        "communities",
        "partnership",
        "partnerships",
        "training",
        "data",
        "general",
        "mail",
        "inequalities",
        "equality",
        "engagement",
        "volunteering",
        "volunteers",
        "advice",
        "reception",
        "bookings",
        "booking",
        "nhs",
        "icb",
        "council",
        "public",
        "safeguarding",
        "housing",
    ]
)

LINK_FORMAT = "Enter the link in the correct format, like https://www.example.org/page"


def link_problem(url: str) -> str | None:
    """https only, with a host that has a dot in it, and never a user name or password."""
    if len(url) > URL_LIMIT:
        return f"The link must be {URL_LIMIT} characters or fewer"
    if any(char.isspace() for char in url):
        return "The link must not include spaces"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return LINK_FORMAT
    if parts.scheme.lower() != "https":
        return "The link must start with https://"
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "The link must not include a user name or password"
    host = parts.hostname or ""
    if "." not in host.strip(".") or port == 0:
        return LINK_FORMAT
    return None


def description_problem(text: str) -> str | None:
    if len(text) > DESCRIPTION_LIMIT:
        return f"The description must be {DESCRIPTION_LIMIT} characters or fewer"
    if HTML.search(text):
        return "The description must not include HTML; use Markdown, such as **bold** or [a link](https://example.org)"
    if IMAGE.search(text):
        return "The description must not include an image"
    blocks = md.parse(text)
    if TABLE.search(text) or len(blocks) != 1 or not isinstance(blocks[0], md.Paragraph):
        return "The description must be one paragraph, without headings, lists or blank lines"
    for target in LINK_TARGET.findall(text):
        problem = link_problem(target)
        if problem:
            return f"A link in the description is not right: {problem[0].lower()}{problem[1:]}"
    words = word_count(text)
    if words > DESCRIPTION_WORDS:
        return f"The description must be {DESCRIPTION_WORDS} words or fewer (it has {words})"
    return None


def contact_problem(contact: str) -> str | None:
    if EMAIL.match(contact):
        return None
    digits = sum(char.isdigit() for char in contact)
    low, high = PHONE_DIGITS
    if PHONE.match(contact) and low <= digits <= high:
        return None
    return "Enter the contact as an email address, like info@example.org, or a phone number, like 01632 960 001"


def looks_personal(contact: str) -> bool:
    """A simple check, so a warning rather than an error: an email address shaped like a person's name."""
    if not EMAIL.match(contact):
        return False
    match = PERSON_LOCAL_PART.match(contact.split("@", 1)[0].lower())
    return bool(match) and not ({match.group(1), match.group(2)} & ROLE_WORDS)


PERSONAL_CONTACT = (
    "The contact looks like a person's email address. A role mailbox such as info@ is better than a person's "
    "address, as it still works when people change jobs. Change it, or save again to keep it"
)
