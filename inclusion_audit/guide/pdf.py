"""The tailored guide as a PDF: cover, contents, results, top actions, guidance, group modules and signposts.

A pure function of the stored `Guide` and a date, so an old guide re-renders exactly as it did (the
document is built with reportlab's `invariant` flag: identical input gives identical bytes).
"""

from __future__ import annotations

import datetime
import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import CondPageBreak

from ..dates import format_date
from ..engine.model import Guide
from .pdf_fonts import guide_fonts
from .pdf_layout import BODY, ContentsEntry, GuideDocTemplate, Heading, contents_table
from .pdf_parts import GuideParts
from .pdf_styles import guide_styles
from .pdf_text import PART, Typesetter

SERVICE_NAME = "Inclusion health self-audit"
LANGUAGE = "en-GB"
HEADER_NAME_LIMIT = 80


def render_guide_pdf(guide: Guide, *, generated_on: datetime.date, title: str = "Inclusion health guide") -> bytes:
    """Render `guide` as a PDF document and return its bytes."""
    fonts = guide_fonts()
    styles = guide_styles(fonts)
    typesetter = Typesetter(fonts, styles)
    organisation = guide.profile.name
    buffer = io.BytesIO()
    header = Paragraph(
        f"<b>{typesetter.text(_shortened(organisation))}</b> \u00b7 {typesetter.text(title)}", styles.header
    )

    def draw_header(canvas: Canvas, x: float, top: float, width: float) -> None:
        height = header.wrapOn(canvas, width, top)[1]
        header.drawOn(canvas, x, top - height)

    document = GuideDocTemplate(
        buffer,
        styles=styles,
        draw_header=draw_header,
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
    body: list[Flowable] = [
        *parts.summary(),
        PageBreak(),
        *parts.actions(),
        PageBreak(),
        *_section_guidance(parts, guide),
        PageBreak(),
        *parts.group_modules(),
        PageBreak(),
        *parts.signposts(),
    ]
    # Every title is known before layout; only the page numbers are not, and they are filled in at the end.
    entries = [
        ContentsEntry(flowable.outline_level, flowable.markup, flowable.key)
        for flowable in body
        if isinstance(flowable, Heading) and flowable.in_contents
    ]
    story: list[Flowable] = [
        *_cover(guide, typesetter, title, generated_on),
        typesetter.heading("Contents", PART, in_contents=False),
        contents_table(styles, entries),
        PageBreak(),
        *body,
    ]
    document.build_guide(story, entries)
    return buffer.getvalue()


def _shortened(text: str, limit: int = HEADER_NAME_LIMIT) -> str:
    # The running header has room for one line; the cover shows the name in full.
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _cover(guide: Guide, ts: Typesetter, title: str, generated_on: datetime.date) -> list[Flowable]:
    styles = ts.styles
    return [
        Spacer(0, 30),
        ts.paragraph(SERVICE_NAME, styles.cover_service),
        Spacer(0, 40),
        ts.paragraph(title, styles.cover_title),
        ts.paragraph(guide.profile.name, styles.cover_org),
        ts.paragraph(f"Created on {format_date(generated_on)}", styles.cover_detail),
        ts.paragraph(f"Content version {guide.content_version}", styles.cover_detail),
        Spacer(0, 36),
        ts.paragraph(
            "This guide is based on the answers your organisation gave in the self-audit. It shows where you "
            "are now and suggests practical next steps for reaching people in inclusion health groups.",
            styles.lead,
        ),
        ts.paragraph(
            "It is not a test and there is no pass or fail. Start with your top 5 actions, then use the "
            "guidance for each section when you are ready.",
            styles.body,
        ),
        NextPageTemplate(BODY),
        PageBreak(),
    ]


def _section_guidance(parts: GuideParts, guide: Guide) -> list[Flowable]:
    ts = parts.ts
    flowables: list[Flowable] = [
        ts.heading("Guidance for each section", PART),
        ts.paragraph(
            "Each section starts with your result, then gives guidance chosen from your answers. "
            "Quick wins are things you can start soon; longer-term steps take planning.",
            ts.styles.body,
        ),
    ]
    for section in guide.sections:
        # Start a section on a new page only if little room is left, so short sections can share a page.
        flowables.append(CondPageBreak(150))
        flowables.extend(parts.section(section))
    return flowables
