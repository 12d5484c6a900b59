"""Page breaks, contents and bookmarks, for the example answer files, the most demanding guide and a made-up one.

Read back as a person sees it: each page's lines from pdftotext -layout, without the running header and footer.
"""

from __future__ import annotations

import dataclasses
import datetime
import io
import re

import pytest
from pypdf import PdfReader

from bench.heaviest import heaviest
from inclusion_audit.engine import build_guide
from inclusion_audit.engine.answers_file import load_answers_file
from inclusion_audit.guide.pdf import render_guide_pdf
from tests.engine.real_content import EXAMPLES, require_real_content

from .poppler import pdftotext
from .test_pdf import make_guide

DAY = datetime.date(2026, 11, 24)
SOURCES = "Sources"
# A page after the cover with fewer body lines than this, and no heading, is a near-empty spill-over page.
FEW_LINES = 6
FOOTER = re.compile(r"^Page \d+ of \d+$")


def _guides() -> dict[str, object]:
    content = require_real_content()
    guides = {path.stem: build_guide(content, *load_answers_file(content, path)) for path in EXAMPLES.glob("*.yml")}
    guides["heaviest"] = build_guide(content, *heaviest(content)[:2])
    guides["made-up"] = make_guide()
    return guides


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {name: render_guide_pdf(guide, generated_on=DAY) for name, guide in _guides().items()}


def outline(pdf: bytes) -> list[tuple[str, int]]:
    """Every bookmark's title and 1-based page, in order."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []

    def walk(entries: list) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                found.append((entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline)
    return found


def body_lines(pdf: bytes, page: int) -> list[str]:
    lines = [line.strip() for line in pdftotext(pdf, first=page, last=page, layout=True).splitlines()]
    lines = [line for line in lines if line]
    return [line for line in lines[1:] if not FOOTER.match(line)]  # the first line is the running header


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


NAMES = ("starting-out", "well-advanced", "heaviest", "made-up")


@pytest.mark.parametrize("name", NAMES)
def test_no_heading_or_sources_label_ends_a_page(rendered: dict[str, bytes], name: str):
    pdf = rendered[name]
    titles = {title for title, _ in outline(pdf)}
    for page in range(2, page_count(pdf) + 1):
        lines = body_lines(pdf, page)
        if lines:
            assert lines[-1] not in titles | {SOURCES}, f"page {page} ends with {lines[-1]!r}"


@pytest.mark.parametrize("name", NAMES)
def test_no_near_empty_page_of_spill_over(rendered: dict[str, bytes], name: str):
    pdf = rendered[name]
    headed = {page for _, page in outline(pdf)}
    for page in range(2, page_count(pdf) + 1):
        lines = body_lines(pdf, page)
        assert page in headed or len(lines) >= FEW_LINES, f"page {page} holds only {lines}"


@pytest.mark.parametrize("name", NAMES)
def test_contents_page_numbers_match_the_bookmarks(rendered: dict[str, bytes], name: str):
    pdf = rendered[name]
    pages = dict(outline(pdf))
    listed = {}
    for line in body_lines(pdf, 1):  # the contents share the cover page
        match = re.match(r"^(.*\S)\s{2,}(\d+)$", line)
        if match:
            listed[match[1]] = int(match[2])

    assert len(listed) >= 5
    for title, number in listed.items():
        assert pages[title] == number, title


def test_contents_entries_link_to_their_headings(rendered: dict[str, bytes]):
    reader = PdfReader(io.BytesIO(rendered["made-up"]))
    links = [annotation.get_object() for annotation in reader.pages[0].get("/Annots", [])]

    internal = [link for link in links if "/Dest" in link or link.get("/A", {}).get("/S") == "/GoTo"]
    assert len(internal) >= 8  # the opening page, the guidance part and its five chapters, help


@pytest.mark.parametrize("count", [0, 1, 3, 5, 8])
def test_actions_heading_says_how_many_are_shown(count: int):
    guide = make_guide()
    action = guide.actions[0]
    actions = tuple(dataclasses.replace(action, rank=rank, text=f"Step {rank} to take") for rank in range(count))
    pdf = render_guide_pdf(dataclasses.replace(guide, actions=actions), generated_on=DAY)

    titles = [title for title, _ in outline(pdf)]
    expected = {0: "Your actions", 1: "Your first action"}.get(count, f"Your {count} actions")
    assert expected in titles
    opening = pdftotext(pdf, first=2, last=2)
    assert sum(f"Step {rank} to take" in opening for rank in range(count)) == count
    if not count:
        assert "Your answers did not point to any first steps." in opening
