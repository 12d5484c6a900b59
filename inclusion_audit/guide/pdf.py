"""The tailored guide as a PDF: cover, an opening page (results, actions, this month), contents, a chapter per
section, the groups the organisation works with, then help, key facts and sources.

A pure function of the stored `Guide` and a date, so an old guide re-renders exactly as it did (the
document is built with reportlab's `invariant` flag: identical input gives identical bytes).
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.flowables import CondPageBreak

from ..dates import format_date
from ..engine.model import Guide
from .pdf_fonts import guide_fonts
from .pdf_layout import BODY, GuideDocTemplate, Heading, PageCount, contents_table
from .pdf_parts import GuideParts
from .pdf_styles import guide_styles
from .pdf_text import PART, SECTION, Typesetter

SERVICE_NAME = "Inclusion health self-audit"
LANGUAGE = "en-GB"
HEADER_NAME_LIMIT = 80
# Start a chapter on a new page only if less than this much room is left, so short chapters share pages.
SECTION_ROOM = 150


PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b(?!s)")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")


@dataclass(frozen=True)
class GuideFigures:
    """How long a guide is: the words a reader meets (cover, chapters and help) and the PDF's pages."""

    words: int
    pages: int


def guide_figures(guide: Guide, *, generated_on: datetime.date) -> GuideFigures:
    """Render the guide and count its pages and the words on them (page headers and the contents list excluded)."""
    story: list[Flowable] = []
    data = render_guide_pdf(guide, generated_on=generated_on, story_out=story)
    return GuideFigures(words=sum(_words(flowable) for flowable in story), pages=len(PAGE_OBJECT.findall(data)))


def _words(item: object) -> int:
    if isinstance(item, Paragraph):
        return len(WORD.findall(item.getPlainText()))
    if isinstance(item, Table):
        return sum(_words(cell) for row in item._cellvalues for cell in row)
    if isinstance(item, list | tuple):  # a table cell holding several flowables
        return sum(_words(part) for part in item)
    return 0


def render_guide_pdf(
    guide: Guide,
    *,
    generated_on: datetime.date,
    title: str = "Inclusion health guide",
    story_out: list[Flowable] | None = None,
) -> bytes:
    """Render `guide` as a PDF document and return its bytes (`story_out`, if given, receives the flowables)."""
    fonts = guide_fonts()
    styles = guide_styles(fonts)
    typesetter = Typesetter(fonts, styles)
    organisation = guide.profile.name
    page_count = PageCount()
    buffer = io.BytesIO()
    document = GuideDocTemplate(
        buffer,
        styles=styles,
        header_markup=f"<b>{typesetter.text(_shortened(organisation))}</b> \u00b7 {typesetter.text(title)}",
        page_count=page_count,
        title=f"{title}: {organisation}",
        author=SERVICE_NAME,
        subject=f"A guide to reaching inclusion health groups, tailored for {organisation}",
        creator=SERVICE_NAME,
        keywords=["inclusion health", "self-audit", "guide"],
        lang=LANGUAGE,
        # Without this reportlab lists Helvetica, which cannot draw most names, as every page's starting font.
        initialFontName=fonts.regular,
        initialFontSize=styles.body.fontSize,
        displayDocTitle=1,
        invariant=1,
        pageCompression=1,
    )
    parts = GuideParts(guide, typesetter)
    contents = contents_table(styles)
    story: list[Flowable] = [
        page_count,
        *_cover(guide, typesetter, title, generated_on),
        # The contents share the cover page: a short guide should not spend a whole page on them.
        typesetter.heading("Contents", PART, in_contents=False, style=styles.headings[SECTION]),
        contents,
        NextPageTemplate(BODY),
        PageBreak(),
        *parts.opening(),
        PageBreak(),
        *_section_guidance(parts, guide),
    ]
    if guide.group_modules or guide.profile.other_groups:
        story += [CondPageBreak(SECTION_ROOM), *parts.groups()]
    story += [CondPageBreak(SECTION_ROOM), *parts.help()]
    # Every title is known before layout, only the page numbers are not: giving them to the contents page up
    # front makes it its final size in the first (measuring) pass, so nothing moves when the numbers arrive and
    # the build ends after one drawing pass instead of two (bench/guide.py measures it). Same bytes either way.
    contents.addEntries(
        (flowable.outline_level, flowable.markup, 0, flowable.key)
        for flowable in story
        if isinstance(flowable, Heading) and flowable.in_contents
    )
    document.multiBuild(story)
    if story_out is not None:
        story_out.extend(story)
    return buffer.getvalue()


def _shortened(text: str, limit: int = HEADER_NAME_LIMIT) -> str:
    # The running header has room for one line; the cover shows the name in full.
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _cover(guide: Guide, ts: Typesetter, title: str, generated_on: datetime.date) -> list[Flowable]:
    styles = ts.styles
    return [
        Spacer(0, 12),
        ts.paragraph(SERVICE_NAME, styles.cover_service),
        Spacer(0, 20),
        ts.paragraph(title, styles.cover_title),
        ts.paragraph(guide.profile.name, styles.cover_org),
        ts.paragraph(f"Created on {format_date(generated_on)}", styles.cover_detail),
        ts.paragraph(f"Content version {guide.content_version}", styles.cover_detail),
        Spacer(0, 24),
        ts.paragraph(
            "Built from your organisation's answers. It is not a test: there is no pass or fail. "
            "Start with the next page, your results and first steps; the chapters after it give the detail.",
            styles.lead,
        ),
    ]


def _section_guidance(parts: GuideParts, guide: Guide) -> list[Flowable]:
    ts = parts.ts
    flowables: list[Flowable] = [ts.heading("Guidance for each section", PART)]
    for index, section in enumerate(guide.sections):
        if index:
            flowables.append(CondPageBreak(SECTION_ROOM))
        flowables.extend(parts.section(section))
    return flowables
