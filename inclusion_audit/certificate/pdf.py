"""The one-page certificate of completion, as a PDF.

It says what is true and nothing more: the organisation completed the self-audit and made an action plan.
It carries no score, and no word that suggests the service rates or endorses the organisation.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..charts import Palette
from ..dates import format_date
from ..guide.pdf_fonts import guide_fonts

DARK = colors.HexColor(Palette.TEXT)
GREY = colors.HexColor(Palette.SECONDARY_TEXT)
LINE = colors.HexColor(Palette.BORDER)
ACCENT = colors.HexColor(Palette.BRAND)
WORDS = "completed the inclusion health self-audit"


@dataclass(frozen=True)
class CertificateDetails:
    organisation: str
    submitted_on: date
    issued_on: date
    content_version: str
    stages: list[tuple[str, str]]  # (section title, stage label) in audit order
    code: str
    check_url: str
    service_name: str


def _styles() -> dict[str, ParagraphStyle]:
    fonts = guide_fonts()
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=12, leading=17, textColor=DARK)
    return {
        "kicker": ParagraphStyle("kicker", base, fontSize=13, textColor=GREY, alignment=TA_CENTER),
        "title": ParagraphStyle("title", base, fontName=fonts.bold, fontSize=30, leading=36, alignment=TA_CENTER),
        "name": ParagraphStyle("name", base, fontName=fonts.bold, fontSize=24, leading=30, alignment=TA_CENTER),
        "centre": ParagraphStyle("centre", base, fontSize=14, leading=20, alignment=TA_CENTER),
        "cell": base,
        "head": ParagraphStyle("head", base, fontName=fonts.bold),
        "small": ParagraphStyle("small", base, fontSize=10, leading=14, textColor=GREY, alignment=TA_CENTER),
        "code": ParagraphStyle("code", base, fontName=fonts.bold, fontSize=16, leading=22, alignment=TA_CENTER),
    }


def _stage_table(details: CertificateDetails, styles: dict[str, ParagraphStyle]) -> Table:
    text = guide_fonts().markup
    rows = [[Paragraph("Section", styles["head"]), Paragraph("Stage", styles["head"])]]
    rows += [
        [Paragraph(text(title), styles["cell"]), Paragraph(text(stage), styles["cell"])]
        for title, stage in details.stages
    ]
    table = Table(rows, colWidths=[110 * mm, 45 * mm], repeatRows=1, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, LINE),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, DARK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _border(canvas, document) -> None:
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, A4[0] - 24 * mm, A4[1] - 24 * mm)
    canvas.restoreState()


def render_certificate(details: CertificateDetails) -> bytes:
    styles = _styles()
    text = guide_fonts().markup
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=28 * mm,
        bottomMargin=22 * mm,
        title=f"Certificate of completion: {details.organisation}",
        author=details.service_name,
        subject=f"{details.organisation} {WORDS}",
        lang="en-GB",
    )
    story = [
        Paragraph(text(details.service_name), styles["kicker"]),
        Spacer(1, 6 * mm),
        Paragraph("Certificate of completion", styles["title"]),
        Spacer(1, 10 * mm),
        Paragraph(text(details.organisation), styles["name"]),
        Spacer(1, 4 * mm),
        Paragraph(
            f"{WORDS} on {format_date(details.submitted_on)} and made an action plan from its results.",
            styles["centre"],
        ),
        Spacer(1, 10 * mm),
        _stage_table(details, styles),
        Spacer(1, 8 * mm),
        Paragraph(
            "The stage in each section comes from the organisation's own answers. This certificate shows that it "
            "completed the self-audit; it is not a rating of its services.",
            styles["small"],
        ),
        Spacer(1, 10 * mm),
        Paragraph(f"Verification code: {text(details.code)}", styles["code"]),
        Paragraph(f"Check this certificate at {text(details.check_url)}", styles["small"]),
        Spacer(1, 4 * mm),
        Paragraph(
            f"Issued on {format_date(details.issued_on)}. Audit content version {text(details.content_version)}.",
            styles["small"],
        ),
    ]
    document.build(story, onFirstPage=_border)
    return buffer.getvalue()
