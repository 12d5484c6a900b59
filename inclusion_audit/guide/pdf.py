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

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import CondPageBreak

from ..dates import format_date
from ..engine.model import Guide
from . import wording as say
from .own_copy import NOBODYS_OWN, OwnCopy
from .pdf_fonts import GuideFonts, guide_fonts
from .pdf_layout import BODY, ContentsEntry, GuideDocTemplate, GuideTable, HeaderDrawer, Heading, contents_table
from .pdf_parts import GuideParts
from .pdf_script import Line, ScriptParagraph, ScriptSetter
from .pdf_styles import guide_styles
from .pdf_text import PART, SECTION, Typesetter

PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b(?!s)")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
# Start a chapter on a new page only if less than this much room is left, so short chapters share pages.
SECTION_ROOM = 150


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
    if isinstance(item, GuideTable):
        return sum(_words(cell) for row in item.cells for cell in row)
    return 0


def render_guide_pdf(
    guide: Guide,
    *,
    generated_on: datetime.date,
    title: str = say.DEFAULT_TITLE,
    own: OwnCopy = NOBODYS_OWN,
    story_out: list[Flowable] | None = None,
) -> bytes:
    """Render `guide` as a PDF document and return its bytes.

    The organisation's own copy adds what only it sees (`own`: its action plan and its notes). `story_out`, if
    given, receives the flowables.
    """
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
    )
    parts = GuideParts(guide, typesetter)
    body: list[Flowable] = [*parts.opening(), PageBreak()]
    if own.plan:
        body += [*parts.plan(own.plan, own.plan_on or generated_on), CondPageBreak(SECTION_ROOM)]
    body += _section_guidance(parts, guide)
    if say.has_groups_part(guide):
        body += [CondPageBreak(SECTION_ROOM), *parts.groups()]
    body += [CondPageBreak(SECTION_ROOM), *parts.help()]
    own_notes = say.notes_in_order(guide, own.notes)
    if own_notes:
        body += [CondPageBreak(SECTION_ROOM), *parts.notes(own_notes)]
    # Every title is known before layout; only the page numbers are not, and they are filled in at the end.
    entries = [
        ContentsEntry(flowable.outline_level, flowable.markup, flowable.key)
        for flowable in body
        if isinstance(flowable, Heading) and flowable.in_contents
    ]
    story: list[Flowable] = [
        *_cover(guide, typesetter, title, generated_on),
        # The contents share the cover page: a short guide should not spend a whole page on them.
        typesetter.heading(say.CONTENTS_TITLE, PART, in_contents=False, style=styles.headings[SECTION]),
        contents_table(styles, entries),
        NextPageTemplate(BODY),
        PageBreak(),
        *body,
    ]
    if story_out is not None:
        story_out.extend(story)  # before the build, which consumes the list
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


def _cover(guide: Guide, ts: Typesetter, title: str, generated_on: datetime.date) -> list[Flowable]:
    styles = ts.styles
    return [
        Spacer(0, 12),
        ts.paragraph(say.SERVICE_NAME, styles.cover_service),
        Spacer(0, 20),
        ts.paragraph(title, styles.cover_title),
        ScriptParagraph(guide.profile.name, styles.cover_org, ts.fonts),
        ts.paragraph(f"Created on {format_date(generated_on)}", styles.cover_detail),
        ts.paragraph(f"Content version {guide.content_version}", styles.cover_detail),
        Spacer(0, 24),
        ts.paragraph(say.COVER_LEAD, styles.lead),
    ]


def _section_guidance(parts: GuideParts, guide: Guide) -> list[Flowable]:
    flowables: list[Flowable] = [parts.ts.heading(say.GUIDANCE_TITLE, PART)]
    for index, section in enumerate(guide.sections):
        if index:
            flowables.append(CondPageBreak(SECTION_ROOM))
        flowables.extend(parts.section(section))
    return flowables
