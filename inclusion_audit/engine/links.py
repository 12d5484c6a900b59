"""Links whose title promises a particular page but whose address is only a site's home page.

A reader who follows "NHS Health Check" should land on the page about health checks, not on the NHS's
front page. A home-page link is fine when its title simply names the organisation, so the check asks:
is the address a home page, and does the title say more than the site's own name? A title says more when
it has a separator (" - ", ": ") or when fewer than half of its words appear in the web address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from .content import Content

MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
SEPARATOR = re.compile(r"\s[-\u2013\u2014]\s|:\s")
WORD = re.compile(r"[a-z0-9]+")
# Short words and words that say nothing about a page.
STOPWORDS = frozenset({"and", "the", "for", "of", "to", "in", "on", "uk", "org", "www"})
STEM = 5


def is_home_page(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.path.strip("/") and not parts.query and not parts.fragment


def promises_specific_page(title: str, url: str) -> bool:
    if not is_home_page(url):
        return False
    if SEPARATOR.search(title):
        return True
    host = re.sub(r"[^a-z0-9]", "", (urlsplit(url).hostname or "").lower())
    words = [word for word in WORD.findall(title.lower()) if len(word) >= 3 and word not in STOPWORDS]
    found = sum(1 for word in words if word[:STEM] in host)
    return found * 2 < len(words)


def _links(content: Content) -> Iterator[tuple[str, str, str, str]]:
    """(file, field, title, url) for every link in the content."""
    for snippet in content.snippets:
        for index, source in enumerate(snippet.meta.sources):
            yield snippet.path, f"sources[{index}]", source.title, source.url
        for text, url in MARKDOWN_LINK.findall(snippet.body):
            yield snippet.path, "body", text, url
    for fact in content.facts:
        for index, source in enumerate(fact.meta.sources):
            yield fact.path, f"sources[{index}]", source.title, source.url
        for text, url in MARKDOWN_LINK.findall(fact.body):
            yield fact.path, "body", text, url
    for entry in content.help:
        if entry.meta.url:
            yield entry.path, f"{entry.field}.url", entry.meta.title, entry.meta.url


def home_page_links(content: Content) -> list[str]:
    """One line per link whose title promises more than the home page it points at."""
    return [
        f'{path}: {field}: "{title}" promises a particular page but {url} is a home page'
        for path, field, title, url in _links(content)
        if promises_specific_page(title, url)
    ]
