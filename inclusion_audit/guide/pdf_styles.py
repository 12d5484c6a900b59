"""Paragraph styles and colours for the PDF guide.

Colours come from the service's one palette (charts/palette.py), so the PDF looks like the service it came from
and keeps the same contrast.
Body text is 11.5pt with generous leading, comfortable to read on screen and when printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import HexColor, toColor
from reportlab.lib.styles import ParagraphStyle

from ..charts import Palette
from .pdf_fonts import GuideFonts

TEXT = HexColor(Palette.TEXT)
SECONDARY_TEXT = HexColor(Palette.SECONDARY_TEXT)
BRAND = HexColor(Palette.BRAND)
# Names for Paragraph markup (<font color=...>). reportlab looks a hex string up by trying several parsers in
# turn (about 0.1 ms each time, with a few hundred links in a guide); a registered name is a dictionary lookup.
LINK_COLOUR = "guidelink"
SECONDARY_COLOUR = "guidesecondary"
toColor.setExtraColorsNameSpace({**toColor.extraColorsNS, LINK_COLOUR: BRAND, SECONDARY_COLOUR: SECONDARY_TEXT})
BORDER = HexColor(Palette.BORDER)
LIGHT_GREY = HexColor(Palette.LIGHT_GREY)

BODY_SIZE = 11.5


@dataclass(frozen=True)
class GuideStyles:
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    small_kept: ParagraphStyle  # small text that belongs with what follows (a snippet's details, "Sources")
    list_text: ParagraphStyle
    cell: ParagraphStyle
    cell_heading: ParagraphStyle
    cover_service: ParagraphStyle
    cover_title: ParagraphStyle
    cover_org: ParagraphStyle
    cover_detail: ParagraphStyle
    header: ParagraphStyle
    # Heading styles by outline depth: part, section, item, heading inside guidance text.
    headings: tuple[ParagraphStyle, ...]
    contents_levels: tuple[ParagraphStyle, ...]


@lru_cache(maxsize=4)
def guide_styles(fonts: GuideFonts) -> GuideStyles:
    body = ParagraphStyle(
        "GuideBody",
        fontName=fonts.regular,
        fontSize=BODY_SIZE,
        leading=16,
        textColor=TEXT,
        spaceAfter=8,
    )

    def like(name: str, base: ParagraphStyle = body, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    small = like("GuideSmall", fontSize=10, leading=13.5, textColor=SECONDARY_TEXT, spaceAfter=4)

    def heading(name: str, size: float, before: float, after: float) -> ParagraphStyle:
        # keepWithNext stops a heading being stranded at the foot of a page without its text.
        return like(
            name,
            fontName=fonts.bold,
            fontSize=size,
            leading=size * 1.25,
            spaceBefore=before,
            spaceAfter=after,
            keepWithNext=1,
        )

    return GuideStyles(
        body=body,
        lead=like("GuideLead", fontSize=13, leading=18, spaceAfter=12),
        small=small,
        small_kept=like("GuideSmallKept", small, keepWithNext=1),
        list_text=like("GuideListText", spaceAfter=3),
        cell=like("GuideCell", fontSize=10.5, leading=14, spaceAfter=0),
        cell_heading=like("GuideCellHeading", fontName=fonts.bold, fontSize=10.5, leading=14, spaceAfter=0),
        cover_service=like("GuideCoverService", fontName=fonts.bold, fontSize=14, leading=18, textColor=BRAND),
        cover_title=like("GuideCoverTitle", fontName=fonts.bold, fontSize=32, leading=38, spaceAfter=24),
        cover_org=like("GuideCoverOrg", fontName=fonts.bold, fontSize=20, leading=26, spaceAfter=18),
        cover_detail=like("GuideCoverDetail", fontSize=12, leading=17, textColor=SECONDARY_TEXT, spaceAfter=2),
        header=like("GuideHeader", fontSize=9, leading=11, textColor=SECONDARY_TEXT, spaceAfter=0),
        headings=(
            heading("GuideHeadingPart", 22, before=0, after=12),
            heading("GuideHeadingSection", 17, before=18, after=8),
            heading("GuideHeadingItem", 13.5, before=14, after=6),
            heading("GuideHeadingText", 12, before=10, after=4),
        ),
        contents_levels=(
            like("GuideContents0", fontName=fonts.bold, fontSize=12, leading=16, spaceBefore=8, spaceAfter=2),
            like("GuideContents1", fontSize=11, leading=15, leftIndent=16, spaceAfter=1),
        ),
    )
