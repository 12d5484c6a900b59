"""The organisation's pages use one word for each idea: "section" (never "part") and "stage" (never "band"),
as the results page and the guide do."""

from __future__ import annotations

import re

from tests.audit.helpers import complete_audit
from tests.conftest import get_page

# "part" or "band" used as the unit of the audit or of its results ("each part", "2 of 6 parts", "Part 1").
OTHER_WORDS = re.compile(r"\b(each|every|this|these|five|\d+) (parts?|bands?)\b|\b(parts?|bands?) \d", re.IGNORECASE)


def test_member_pages_say_section_and_stage(app, member_client):
    urls = ["/audit/", "/audit/profile", "/audit/section/commitment", "/audit/section/impact"]
    complete_audit(member_client, app, submit=False)
    urls.append("/audit/check")
    audit_id = complete_audit(member_client, app)
    member_client.post("/audit/new")
    urls += [
        "/audit/",
        "/audit/section/impact",
        "/audit/check",
        f"/audits/{audit_id}/results",
        f"/audits/{audit_id}/guide",
    ]
    for url in urls:
        text = " ".join(get_page(member_client, url).soup.select_one("main").get_text(" ").split())
        assert not OTHER_WORDS.search(text), f"{url}: {OTHER_WORDS.search(text).group(0)!r}"
        assert "section" in text.lower() or url == "/audit/profile", url
    assert "Check every section before you submit." in member_client.post(
        "/audit/submit", follow_redirects=True
    ).get_data(as_text=True)
