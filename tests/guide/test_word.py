"""The guide as a Word document, read back with python-docx: headings, the results table, links and properties."""

from __future__ import annotations

import dataclasses
import datetime
import io

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE

from inclusion_audit.guide.word import render_guide_docx
from inclusion_audit.guide.wording import SERVICE_NAME

from .test_pdf import SECTION_TITLES, UNICODE_NAME, make_guide
from .test_pdf_scripts import NAMES

DAY = datetime.date(2026, 11, 24)


@pytest.fixture(scope="module")
def document():
    return Document(io.BytesIO(render_guide_docx(make_guide(), generated_on=DAY)))


def headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def test_structure_uses_real_heading_styles(document):
    found = headings(document)

    assert found[0] == ("Title", "Inclusion health guide")
    # The same parts, in the same order, as the PDF and the web guide.
    parts = [text for style, text in found if style == "Heading 1"]
    assert parts == [
        "Your results and next steps",
        "Guidance for each section",
        "The groups you work with",
        "Help, key facts and sources",
    ]
    assert ("Heading 2", "Your 5 actions") in found and ("Heading 2", "What to do this month") in found
    for title in SECTION_TITLES:
        assert ("Heading 2", title) in found
    assert ("Heading 3", f"{SECTION_TITLES[0]}: step 1") in found
    assert ("Heading 2", "Supporting people experiencing homelessness") in found
    assert ("Heading 2", "Local Healthwatch: sharing experiences of care") in found


def test_heading_levels_never_skip_one():
    guide = make_guide()
    module = dataclasses.replace(guide.group_modules[0], body_markdown="## Where to start\n\nSome text.")
    section = dataclasses.replace(guide.sections[0], intro="### About this section\n\nText.")
    guide = dataclasses.replace(guide, group_modules=(module,), sections=(section, *guide.sections[1:]))
    document = Document(io.BytesIO(render_guide_docx(guide, generated_on=DAY)))

    assert ("Heading 3", "Where to start") in headings(document)  # under a module, which is a Heading 2
    levels = [0 if style == "Title" else int(style.split()[-1]) for style, _ in headings(document)]

    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_results_are_a_table_with_a_header_row(document):
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]

    assert rows[0] == ["Section", "Result", "Stage"]
    assert rows[1] == [SECTION_TITLES[0], "72%", "Developing"]
    assert rows[-1] == ["Overall", "48%", "Developing"]
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")  # repeated on each page, read as column headers


def test_links_are_hyperlinks_to_safe_addresses_only(document):
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK}
    texts = [link.text for paragraph in document.paragraphs for link in paragraph.hyperlinks]

    assert {"https://www.england.nhs.uk/x", "https://www.england.nhs.uk/framework"} <= targets
    assert "https://www.healthwatch.co.uk/list" in targets
    assert not any(target.startswith("javascript") for target in targets)
    assert "the national framework" in texts
    assert "Unsafe" in "\n".join(p.text for p in document.paragraphs)  # the unsafe source as plain text


def test_lists_are_lists(document):
    styles = {p.style.name for p in document.paragraphs}
    actions = [p.text for p in document.paragraphs if p.style.name == "List Number"]

    assert {"List Bullet", "List Number"} <= styles
    assert len(actions) == 5 and actions[0].startswith("Action number 1: name a lead for inclusion health")


def test_properties_carry_the_organisation_and_date(document):
    core = document.core_properties

    assert core.title == f"Inclusion health guide: {UNICODE_NAME}"
    assert UNICODE_NAME in core.subject and core.category == UNICODE_NAME
    assert core.author == SERVICE_NAME
    assert core.created.date() == DAY and core.modified.date() == DAY
    assert core.language == "en-GB"
    assert document.styles["Normal"].element.rPr.xpath("./w:lang/@w:val") == ["en-GB"]


def test_cover_has_name_date_and_where_to_start(document):
    text = "\n".join(p.text for p in document.paragraphs[:8])

    assert UNICODE_NAME in text and "Created on 24 November 2026" in text and "c0ffee123456" in text
    assert "Start with the next page, your results and first steps" in text


@pytest.mark.parametrize("script", NAMES)
def test_names_in_every_script_are_kept_exactly(script: str):
    document = Document(io.BytesIO(render_guide_docx(make_guide(name=NAMES[script]), generated_on=DAY)))

    assert NAMES[script] in [p.text for p in document.paragraphs]
    assert NAMES[script] in document.core_properties.title


def test_fewer_actions_are_counted_and_numbered_lists_restart():
    guide = make_guide()
    guide = dataclasses.replace(guide, actions=guide.actions[:2])
    first = guide.sections[0]
    steps = dataclasses.replace(first.snippets[0], body_markdown="Steps:\n\n1. First\n2. Second")
    sections = (dataclasses.replace(first, snippets=(steps, *first.snippets[1:])), *guide.sections[1:])
    document = Document(io.BytesIO(render_guide_docx(dataclasses.replace(guide, sections=sections), generated_on=DAY)))

    assert ("Heading 2", "Your 2 actions") in headings(document)
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    list_ids = [p._p.pPr.numPr.numId.val if p._p.pPr.numPr is not None else None for p in numbered]
    assert [p.text for p in numbered][2:] == ["First", "Second"]
    assert list_ids[2] not in (None, list_ids[0])  # its own numbering, starting again from 1
