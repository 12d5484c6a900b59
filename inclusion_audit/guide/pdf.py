"""The tailored guide as a PDF: cover, an opening page (results, actions, this month), contents, a chapter per
section, the groups the organisation works with, then help, key facts and sources.

A pure function of the stored `Guide` and a date, so an old guide re-renders exactly as it did (the
document is built with reportlab's `invariant` flag: identical input gives identical bytes).
"""

from __future__ import annotations

import datetime
import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus.flowables import CondPageBreak

from ..dates import format_date
from ..engine.model import Guide
from . import wording as say
from .pdf_fonts import GuideFonts, guide_fonts
from .pdf_layout import BODY, ContentsEntry, GuideDocTemplate, HeaderDrawer, Heading, contents_table
from .pdf_parts import GuideParts
from .pdf_script import Line, ScriptParagraph, ScriptSetter
from .pdf_styles import guide_styles
from .pdf_text import PART, Typesetter

LANGUAGE = "en-GB"


def render_guide_pdf(guide: Guide, *, generated_on: datetime.date, title: str = say.DEFAULT_TITLE) -> bytes:
    """Render `guide` as a PDF document and return its bytes."""
    fonts = guide_fonts()
    styles = guide_styles(fonts)
    typesetter = Typesetter(fonts, styles)
    organisation = guide.profile.name
    buffer = io.BytesIO()
    draw_header = _running_header(fonts, styles.header, organisation, f" \u00b7 {title}")
    document = GuideDocTemplate(
        buffer,
        styles=styles,
        draw_header=draw_header,
        title=say.document_title(title, guide),
        author=say.SERVICE_NAME,
        subject=say.document_subject(guide),
        creator=say.SERVICE_NAME,
        keywords=list(say.KEYWORDS),
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
    ]
    # Every title is known before layout; only the page numbers are not, and they are filled in at the end.
    entries = [
        ContentsEntry(flowable.outline_level, flowable.markup, flowable.key)
        for flowable in body
        if isinstance(flowable, Heading) and flowable.in_contents
    ]
    story: list[Flowable] = [
        *_cover(guide, typesetter, title, generated_on, len(say.top_actions(guide))),
        typesetter.heading("Contents", PART, in_contents=False),
        contents_table(styles, entries),
        PageBreak(),
        *body,
    ]
    document.build_guide(story, entries)
    return buffer.getvalue()


def _running_header(fonts: GuideFonts, style: ParagraphStyle, organisation: str, rest: str) -> HeaderDrawer:
    """The organisation's name in bold (shortened to one line if need be; the cover shows it in full), then `rest`."""
    name_setter = ScriptSetter(fonts, fonts.bold, style.fontSize)
    rest_setter = ScriptSetter(fonts, fonts.regular, style.fontSize)
    ascent = pdfmetrics.getAscent(style.fontName, style.fontSize)
    lines: dict[float, tuple[Line | None, Line | None]] = {}

    def draw(canvas: Canvas, x: float, top: float, width: float) -> None:
        if width not in lines:
            after = rest_setter.first_line(rest, width)
            room = width - (after.width if after else 0)
            lines[width] = name_setter.first_line(organisation, room), after
        name, after = lines[width]
        if name:
            name_setter.draw(canvas, name, x, top - ascent, style.textColor)
            x += name.width
        if after:
            rest_setter.draw(canvas, after, x, top - ascent, style.textColor)

    return draw


def _cover(guide: Guide, ts: Typesetter, title: str, generated_on: datetime.date, actions: int) -> list[Flowable]:
    styles = ts.styles
    return [
        Spacer(0, 30),
        ts.paragraph(say.SERVICE_NAME, styles.cover_service),
        Spacer(0, 40),
        ts.paragraph(title, styles.cover_title),
        ScriptParagraph(guide.profile.name, styles.cover_org, ts.fonts),
        ts.paragraph(f"Created on {format_date(generated_on)}", styles.cover_detail),
        ts.paragraph(f"Content version {guide.content_version}", styles.cover_detail),
        Spacer(0, 36),
        ts.paragraph(say.COVER_LEAD, styles.lead),
        ts.paragraph(say.where_to_start(actions), styles.body),
        NextPageTemplate(BODY),
        PageBreak(),
    ]


def _section_guidance(parts: GuideParts, guide: Guide) -> list[Flowable]:
    ts = parts.ts
    flowables: list[Flowable] = [
        ts.heading(say.GUIDANCE_TITLE, PART),
        ts.paragraph(say.GUIDANCE_INTRO, ts.styles.body),
    ]
    for section in guide.sections:
        # Start a section on a new page only if little room is left, so short sections can share a page.
        flowables.append(CondPageBreak(150))
        flowables.extend(parts.section(section))
    return flowables
