"""Page layout for the PDF guide: the document template, page furniture, bookmarked headings and the contents.

The document is laid out in a single pass. What is only known at the end (the number of pages for "Page 3 of
12", and the page each contents entry is on) is drawn as a named PDF form: every page refers to the form by
name while it is laid out, and the form itself is written once the last page is done (`GuideCanvas.save`).
Page numbers take no room in the layout, so nothing moves when they arrive and no second pass is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from .pdf_styles import BORDER, BRAND, SECONDARY_TEXT, GuideStyles

LANGUAGE = "en-GB"

COVER = "cover"
BODY = "body"
MARGIN = 20 * mm
HEADER_GAP = 8 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN
PAGE_TOTAL_FORM = "GuidePageTotal"
# Widest page number the contents column makes room for ("999").
NUMBER_WIDTH = 24


class GuideCanvas(Canvas):
    """A canvas that runs the drawings left until the end (page-number forms) just before it writes the file."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.at_end: list[Callable[[Canvas], None]] = []

    def save(self) -> None:
        for draw in self.at_end:
            draw(self)
        super().save()


def draw_number_form(canvas: Canvas, name: str, number: int, style: Any, *, right_aligned: bool) -> None:
    """Define form `name`: `number` on a baseline at the form's origin, starting or ending there."""
    size = style.fontSize
    canvas.beginForm(name, lowerx=-NUMBER_WIDTH * 2, lowery=-size, upperx=NUMBER_WIDTH * 2, uppery=size * 2)
    canvas.setFont(style.fontName, size)
    canvas.setFillColor(style.textColor)
    (canvas.drawRightString if right_aligned else canvas.drawString)(0, 0, str(number))
    canvas.endForm()


class GuideParagraph(Paragraph):
    """A Paragraph that lays itself out once per width.

    reportlab asks a flowable for its size more than once with the same width: a heading kept with the next
    flowable is measured with it and then again on its own, and so is everything in a KeepTogether. Line
    breaking is most of a guide's cost, and the result of the last `wrap` at that width is still in place (only
    `wrap` and `split` change a paragraph's layout), so asking again just returns the size it gave.
    """

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_at:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._wrapped_at = None
        return super().split(availWidth, availHeight)


class Heading(GuideParagraph):
    """A heading that becomes a PDF bookmark and, if `in_contents`, an entry on the contents page."""

    def __init__(self, markup: str, style: Any, *, key: str, plain: str, outline_level: int, in_contents: bool):
        super().__init__(markup, style)
        self.key = key
        self.markup = markup
        self.plain = plain
        self.outline_level = outline_level
        self.in_contents = in_contents

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # headings are short: move the whole heading to the next page rather than break it

    def draw(self) -> None:
        # The link target sits at the top of the heading, so a bookmark jumps to the heading itself.
        self.canv.bookmarkHorizontal(self.key, 0, self.height)
        super().draw()


class GuideTable(Table):
    """A table of the guide's own text, which it keeps so the guide's words can be counted (`guide_figures`)."""

    def __init__(self, rows: list[list[Flowable]], **kw: Any) -> None:
        super().__init__(rows, **kw)
        self.cells = rows


@dataclass(frozen=True)
class ContentsEntry:
    level: int
    markup: str
    key: str

    @property
    def form(self) -> str:
        return f"GuideContentsPage-{self.key}"


class PageNumberRef(Flowable):
    """Where a contents entry's page number goes: the number itself is a form filled in at the end."""

    def __init__(self, form: str, style: Any) -> None:
        super().__init__()
        self.form = form
        self.style = style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.style.leading

    def draw(self) -> None:
        self.canv.saveState()
        # On the baseline of a one-line entry in the same style, right-aligned to the column.
        self.canv.translate(self.width, self.style.leading - self.style.fontSize)
        self.canv.doForm(self.form)
        self.canv.restoreState()


def contents_table(styles: GuideStyles, entries: Iterable[ContentsEntry]) -> Table:
    """The contents page: each title links to its heading, and its page number is filled in at the end."""
    rows = []
    level_styles = styles.contents_levels
    for entry in entries:
        style = level_styles[min(entry.level, len(level_styles) - 1)]
        title = Paragraph(f'<a href="#{entry.key}">{entry.markup}</a>', style)
        rows.append([title, PageNumberRef(entry.form, style)])
    if not rows:
        return Table([[""]])
    table = Table(rows, colWidths=[CONTENT_WIDTH - NUMBER_WIDTH - 8, NUMBER_WIDTH + 8])
    table.setStyle(
        table_style(
            styles,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


# Draws the running header given the canvas, its left edge, its top and its width.
HeaderDrawer = Callable[[Canvas, float, float, float], None]


class GuideDocTemplate(BaseDocTemplate):
    """A4 portrait: a cover page without furniture, then pages with a header and page numbers."""

    def __init__(self, target: Any, *, styles: GuideStyles, draw_header: HeaderDrawer, **kw: Any):
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_GAP,
            bottomMargin=MARGIN + HEADER_GAP,
            lang=LANGUAGE,
            # Without this reportlab lists Helvetica, which cannot draw most names, as every page's starting font.
            initialFontName=styles.body.fontName,
            initialFontSize=styles.body.fontSize,
            displayDocTitle=1,
            invariant=1,  # the same document gives the same bytes (no creation time or random id inside)
            pageCompression=1,
            **kw,
        )
        self.styles = styles
        self.draw_header = draw_header
        self.heading_pages: dict[str, int] = {}
        self.pages = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="main")
        self.addPageTemplates(
            [
                PageTemplate(COVER, [frame], onPage=self._draw_cover_band),
                PageTemplate(BODY, [frame], onPage=self._draw_furniture),
            ]
        )

    def build_guide(self, story: list[Flowable], contents: Iterable[ContentsEntry]) -> None:
        self._contents = list(contents)
        self.build(story, canvasmaker=GuideCanvas)

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.canv.at_end.append(self._draw_page_numbers)

    def afterPage(self) -> None:
        self.pages = self.page

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Heading):
            return
        self.canv.addOutlineEntry(flowable.plain, flowable.key, level=flowable.outline_level, closed=True)
        self.heading_pages[flowable.key] = self.page

    def _draw_page_numbers(self, canvas: Canvas) -> None:
        draw_number_form(canvas, PAGE_TOTAL_FORM, self.pages, self.styles.header, right_aligned=False)
        levels = self.styles.contents_levels
        for entry in self._contents:
            style = levels[min(entry.level, len(levels) - 1)]
            page = self.heading_pages.get(entry.key, 0)
            draw_number_form(canvas, entry.form, page, style, right_aligned=True)

    def _draw_cover_band(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFillColor(BRAND)
        canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        canvas.restoreState()

    def _draw_furniture(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        self.draw_header(canvas, self.leftMargin, height - MARGIN + 4 * mm, self.width)
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, height - MARGIN - 3 * mm, width - self.rightMargin, height - MARGIN - 3 * mm)
        canvas.line(self.leftMargin, MARGIN + 3 * mm, width - self.rightMargin, MARGIN + 3 * mm)
        font, size = self.styles.header.fontName, self.styles.header.fontSize
        canvas.setFont(font, size)
        canvas.setFillColor(SECONDARY_TEXT)
        label = f"Page {doc.page} of "
        canvas.drawString(self.leftMargin, MARGIN - 2 * mm, label)
        canvas.translate(self.leftMargin + canvas.stringWidth(label, font, size), MARGIN - 2 * mm)
        canvas.doForm(PAGE_TOTAL_FORM)
        canvas.restoreState()


def table_style(styles: GuideStyles, *commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose default cell font is ours: reportlab's default would add Helvetica to every page."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.body.fontName), *commands])
