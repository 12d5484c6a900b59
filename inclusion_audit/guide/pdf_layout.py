"""Page layout for the PDF guide: the document template, page furniture and bookmarked headings."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from .pdf_styles import BORDER, BRAND, SECONDARY_TEXT, GuideStyles

COVER = "cover"
BODY = "body"
MARGIN = 20 * mm
HEADER_GAP = 8 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN
# Set on the canvas of a pass whose output will be thrown away (see GuideParagraph).
LAYOUT_ONLY = "guide_layout_only"


class GuideParagraph(Paragraph):
    """A Paragraph tuned for multi-pass builds.

    reportlab lays the whole document out at least twice (the contents page needs page numbers from
    the pass before), and line breaking is most of the cost. Breaks depend only on the width, so they
    are remembered per width; and nothing drawn in the first pass is kept, so that pass skips drawing.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        remembered = self.__dict__.get("_remembered_wrap")
        if remembered and remembered[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = remembered
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._remembered_wrap = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return size

    def draw(self) -> None:
        if not getattr(self.canv, LAYOUT_ONLY, False):
            super().draw()


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
        if not getattr(self.canv, LAYOUT_ONLY, False):
            self.canv.bookmarkHorizontal(self.key, 0, self.height)
        super().draw()


class PageCount(Flowable):
    """Counts pages so the footer can say "Page X of Y".

    It takes part in reportlab's multi-pass build like the table of contents does: the total seen in
    one pass is printed in the next, and the build only stops once two passes agree.
    """

    def __init__(self) -> None:
        super().__init__()
        self.total: int | None = None  # from the previous pass, None on the first
        self._counted: int | None = None

    # The camelCase methods below are the protocol reportlab's multiBuild calls.
    def isIndexing(self) -> bool:
        return True

    def beforeBuild(self) -> None:
        self.total, self._counted = self._counted, 0

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self.total == self._counted

    def notify(self, kind: str, stuff: Any) -> None:
        pass  # reportlab tells every indexing flowable about every entry; only pages interest us

    def count_page(self) -> None:
        self._counted = (self._counted or 0) + 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class GuideDocTemplate(BaseDocTemplate):
    """A4 portrait: a cover page without furniture, then pages with a header and page numbers."""

    def __init__(self, target: Any, *, styles: GuideStyles, header_markup: str, page_count: PageCount, **kw: Any):
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_GAP,
            bottomMargin=MARGIN + HEADER_GAP,
            **kw,
        )
        self.styles = styles
        self.page_count = page_count
        # Built and measured once, then drawn on every page: parsing it per page was a measurable cost.
        # A Paragraph rather than drawString, so an organisation name gets the same font fallback as body text.
        self.header = Paragraph(header_markup, styles.header)
        self.header_height = self.header.wrap(self.width, MARGIN)[1]
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="main")
        self.addPageTemplates(
            [
                PageTemplate(COVER, [frame], onPage=self._draw_cover_band),
                PageTemplate(BODY, [frame], onPage=self._draw_furniture),
            ]
        )

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        # The first pass only measures: its canvas is discarded once the page numbers are known.
        setattr(self.canv, LAYOUT_ONLY, self.page_count.total is None)

    def afterPage(self) -> None:
        self.page_count.count_page()

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Heading):
            return
        self.canv.addOutlineEntry(flowable.plain, flowable.key, level=flowable.outline_level, closed=True)
        if flowable.in_contents:
            self.notify("TOCEntry", (flowable.outline_level, flowable.markup, self.page, flowable.key))

    def _draw_cover_band(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFillColor(BRAND)
        canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        canvas.restoreState()

    def _draw_furniture(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canvas.saveState()
        self.header.drawOn(canvas, self.leftMargin, height - MARGIN - self.header_height + 4 * mm)
        canvas.setStrokeColor(BORDER)
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, height - MARGIN - 3 * mm, width - self.rightMargin, height - MARGIN - 3 * mm)
        canvas.line(self.leftMargin, MARGIN + 3 * mm, width - self.rightMargin, MARGIN + 3 * mm)
        canvas.setFont(self.styles.header.fontName, self.styles.header.fontSize)
        canvas.setFillColor(SECONDARY_TEXT)
        total = self.page_count.total
        label = f"Page {doc.page} of {total}" if total else f"Page {doc.page}"
        canvas.drawRightString(width - self.rightMargin, MARGIN - 2 * mm, label)
        canvas.restoreState()


def table_style(styles: GuideStyles, *commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose default cell font is ours: reportlab's default would add Helvetica to every page."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.body.fontName), *commands])


class GuideContents(TableOfContents):
    """The contents page. reportlab builds its table afresh (a paragraph per entry) every time it is wrapped, and
    each pass wraps it twice with the same entries, width and canvas: the second wrap reuses the first's table."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # The canvas itself, not its id: a pass's new canvas needs the page-number callback the wrap registers.
        done = self.__dict__.get("_wrapped")
        if done and done[0] is self.canv and done[1:] == (availWidth, self._lastEntries):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (self.canv, availWidth, list(self._lastEntries))
        return size


def contents_table(styles: GuideStyles) -> TableOfContents:
    contents = GuideContents(
        dotsMinLevel=0,
        tableStyle=table_style(
            styles,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ),
    )
    contents.levelStyles = list(styles.contents_levels)
    return contents
