"""The board report as a PDF, typeset like the organisations' guide (its fonts, styles and page layout): a title
page with the date and the filters, then its numbered headings with numbered figures and tables, each with a source.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer

from ..guide.pdf_fonts import guide_fonts
from ..guide.pdf_layout import BODY, CONTENT_WIDTH, GuideDocTemplate, GuideTable, table_style
from ..guide.pdf_styles import BORDER, LIGHT_GREY, guide_styles
from ..guide.pdf_text import ITEM, PART, SECTION, TEXT_HEADING, Typesetter
from .report_charts import spread_drawing, trend_drawing
from .report_data import BoardReport, Heading, SpreadFigure, TableItem, Text, TrendFigure

SERVICE = "Inclusion health self-audit"
LEAD = (
    "Anonymous figures from the self-audits of voluntary, community and social enterprise organisations, for "
    "planning training, grants and outreach. Every count has been through the service's disclosure control: "
    "“6. About these figures” says how."
)
ROOM = 280
CELL_PADDING = 4
WIDE_COLUMNS = (
    5  # more columns than this: smaller text in the cells  # start a part on a new page if less than this is left
)


def render_report_pdf(report: BoardReport) -> bytes:
    fonts = guide_fonts()
    styles = guide_styles(fonts)
    ts = Typesetter(fonts, styles)
    buffer = io.BytesIO()
    header = f"{SERVICE} · report made on {report.made_on_text}"

    def draw_header(canvas: Canvas, x: float, top: float, width: float) -> None:
        canvas.setFont(styles.header.fontName, styles.header.fontSize)
        canvas.setFillColor(styles.header.textColor)
        canvas.drawString(x, top - styles.header.fontSize, header)

    document = GuideDocTemplate(
        buffer,
        styles=styles,
        draw_header=draw_header,
        title=f"{SERVICE}: report, {report.filters}",
        author=SERVICE,
        subject=f"Filters: {report.filters}",
        creator=SERVICE,
    )
    story: list[Flowable] = [
        Spacer(0, 12),
        ts.paragraph(SERVICE, styles.cover_service),
        Spacer(0, 20),
        ts.paragraph("Report for boards and partners", styles.cover_title),
        ts.paragraph(f"Made on {report.made_on_text}", styles.cover_detail),
        ts.paragraph(f"Filters: {report.filters}", styles.cover_detail),
        Spacer(0, 24),
        ts.paragraph(LEAD, styles.lead),
        NextPageTemplate(BODY),
        PageBreak(),
    ]
    first = True
    for item in report.items:
        story += _flowables(item, ts, first)
        first = first and not isinstance(item, Heading)
    document.build_guide(story, [])
    return buffer.getvalue()


def _flowables(item: object, ts: Typesetter, first: bool) -> list[Flowable]:
    styles = ts.styles
    if isinstance(item, Heading):
        if item.level == 1:
            heading = ts.heading(item.text, PART, in_contents=False, style=styles.headings[SECTION])
            return [*([] if first else [CondPageBreak(ROOM)]), heading]
        return [ts.heading(item.text, SECTION, in_contents=False, style=styles.headings[ITEM])]
    if isinstance(item, Text):
        return [ts.paragraph(item.text)]
    if isinstance(item, TableItem):
        return [
            _caption(ts, item.caption),
            _table(ts, item.header, item.rows),
            ts.paragraph(item.source, styles.small),
            Spacer(0, 6),
        ]
    if isinstance(item, SpreadFigure | TrendFigure):
        drawing = (
            spread_drawing(item, CONTENT_WIDTH, ts.fonts.regular, ts.fonts.bold)
            if isinstance(item, SpreadFigure)
            else trend_drawing(item, CONTENT_WIDTH, ts.fonts.regular)
        )
        # A figure, its title and its source stay on one page.
        return [
            KeepTogether([_caption(ts, item.caption), drawing, ts.paragraph(item.source, styles.small)]),
            Spacer(0, 6),
        ]
    raise TypeError(f"no layout for {item!r}")  # pragma: no cover (every kind of item is above)


def _caption(ts: Typesetter, text: str) -> Flowable:
    """A figure's or table's number and title: bookmarked under its part, so a reader can jump to it."""
    return ts.heading(text, SECTION, in_contents=False, style=ts.styles.headings[TEXT_HEADING])


def _widths(rows: list[tuple[str, ...]], font: str, bold: str, size: float) -> list[float]:
    """Column widths that never break a word where that can be helped: each column gets room for its longest word,
    then the rest of the page is shared in proportion to how much more each column's longest text wants."""
    padding = 2 * CELL_PADDING + 2
    columns = list(zip(*rows, strict=True))
    least, most = [], []
    for column in columns:
        face = [bold] + [font] * (len(column) - 1)
        words = [stringWidth(word, f, size) for text, f in zip(column, face, strict=True) for word in text.split()]
        least.append(max(words, default=0) + padding)
        most.append(max(stringWidth(text, f, size) for text, f in zip(column, face, strict=True)) + padding)
    spare = CONTENT_WIDTH - sum(least)
    if spare <= 0:  # not even the longest words fit: shrink every column alike
        return [CONTENT_WIDTH * width / sum(least) for width in least]
    wants = [max(m - n, 0) for m, n in zip(most, least, strict=True)]
    if sum(wants) <= spare:  # every column's longest text fits on one line: share what is left evenly
        return [m + (spare - sum(wants)) / len(most) for m in most]
    return [n + spare * w / sum(wants) for n, w in zip(least, wants, strict=True)]


def _table(ts: Typesetter, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> GuideTable:
    styles = ts.styles
    wide = len(header) > WIDE_COLUMNS
    body, head = (styles.cell, styles.cell_heading) if not wide else _small_cells(styles)
    cells = [[ts.paragraph(text, head) for text in header]]
    cells += [[ts.paragraph(text, body) for text in row] for row in rows]
    widths = _widths([header, *rows], body.fontName, head.fontName, body.fontSize)
    table = GuideTable(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        table_style(
            styles,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, BORDER),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        )
    )
    return table


def _small_cells(styles) -> tuple[ParagraphStyle, ParagraphStyle]:  # noqa: ANN001 (GuideStyles)
    """Cell styles for tables with many columns of figures: smaller, so every column fits across the page."""
    return (
        ParagraphStyle("ReportCellSmall", parent=styles.cell, fontSize=8.5, leading=11),
        ParagraphStyle("ReportCellHeadingSmall", parent=styles.cell_heading, fontSize=8.5, leading=11),
    )
