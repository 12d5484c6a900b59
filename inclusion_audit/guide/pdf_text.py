"""Turning text and parsed Markdown into reportlab flowables, with escaping and font fallback throughout.

Everything that reaches a Paragraph goes through `GuideFonts.markup`, so user-supplied text such as an
organisation called "<script>" appears literally and never as reportlab mini-markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import count, groupby
from xml.sax.saxutils import quoteattr

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from . import markdown as md
from .pdf_fonts import GuideFonts
from .pdf_layout import GuideParagraph, Heading
from .pdf_styles import LINK_COLOUR, GuideStyles

# Outline depths, which are also indexes into GuideStyles.headings.
PART, SECTION, ITEM, TEXT_HEADING = 0, 1, 2, 3
LIST_INDENT = 18
LIST_SPACE_AFTER = 5


class Typesetter:
    """Builds the flowables for one document; holds the fonts, styles and a heading counter."""

    def __init__(self, fonts: GuideFonts, styles: GuideStyles) -> None:
        self.fonts = fonts
        self.styles = styles
        # Per document, so the same guide always gets the same bookmark names (and identical bytes).
        self._heading_numbers = count(1)
        self._list_styles: dict[tuple[int, bool], ParagraphStyle] = {}

    def para(self, markup: str, style: ParagraphStyle, bullet: str | None = None) -> GuideParagraph:
        """A paragraph of markup that is already escaped (see `text`)."""
        return GuideParagraph(markup, style, bulletText=bullet)

    def text(self, text: str) -> str:
        """Plain text as Paragraph markup."""
        return self.fonts.markup(text)

    def link(self, label: str, href: str) -> str:
        """Markup for a clickable, underlined link; `href` must already be known to be safe."""
        return _anchor(href, self.text(label))

    def paragraph(self, text: str, style: object = None) -> GuideParagraph:
        return self.para(self.text(text), style or self.styles.body)

    def heading(self, text: str, level: int, *, in_contents: bool = True, style: object = None) -> Heading:
        style = style or self.styles.headings[min(level, len(self.styles.headings) - 1)]
        return Heading(
            self.text(text),
            style,
            key=f"heading-{next(self._heading_numbers)}",
            plain=" ".join(text.split()),
            outline_level=level,
            in_contents=in_contents,
        )

    def bullets(self, items: Sequence[str], *, numbered: bool = False) -> list[Flowable]:
        """A list whose items are already Paragraph markup."""
        style = self._list_style(0, numbered)
        markers = _markers(len(items), numbered, 1)
        paragraphs = [self.para(item, style, mark) for item, mark in zip(items, markers, strict=True)]
        return [*paragraphs, Spacer(0, LIST_SPACE_AFTER)]

    def markdown(self, markdown: str, *, outline_level: int) -> list[Flowable]:
        """Guidance Markdown as flowables. Its headings are bookmarked one level below `outline_level`."""
        return self.blocks(md.parse(markdown), outline_level=outline_level)

    def blocks(self, blocks: Iterable[md.Block], *, outline_level: int) -> list[Flowable]:
        flowables: list[Flowable] = []
        for block in blocks:
            if isinstance(block, md.Paragraph):
                flowables.append(self.para(self.runs(block.runs), self.styles.body))
            elif isinstance(block, md.Heading):
                flowables.append(self._markdown_heading(block, outline_level + 1))
            else:
                flowables += [*self._list(block, depth=0), Spacer(0, LIST_SPACE_AFTER)]
        return flowables

    def runs(self, runs: Iterable[md.Run]) -> str:
        """Inline runs as Paragraph markup. Only runs with an href (always http, https or mailto) link."""
        parts = []
        for href, group in groupby(runs, key=lambda run: run.href):
            inner = "".join(self._styled(run) for run in group)
            parts.append(_anchor(href, inner) if href else inner)
        return "".join(parts)

    def _styled(self, run: md.Run) -> str:
        text = "<br/>".join(self.text(line) for line in run.text.split("\n"))
        if run.em:
            text = f"<i>{text}</i>"
        if run.strong:
            text = f"<b>{text}</b>"
        return text

    def _markdown_heading(self, block: md.Heading, level: int) -> Heading:
        # Headings inside guidance are small whatever their Markdown level: they sit under a snippet title.
        return self.heading(
            md.plain_text(block.runs), level, in_contents=False, style=self.styles.headings[TEXT_HEADING]
        )

    def _list(self, block: md.BulletList | md.OrderedList, depth: int) -> list[Flowable]:
        # Each item is a Paragraph with a bullet rather than a ListFlowable: it looks the same and lays
        # out several times faster, which matters with a few hundred list items in a guide.
        numbered = isinstance(block, md.OrderedList)
        start = block.start if isinstance(block, md.OrderedList) else 1
        style = self._list_style(depth, numbered)
        flowables: list[Flowable] = []
        for item, marker in zip(block.items, _markers(len(block.items), numbered, start), strict=True):
            bullet: str | None = marker
            for inner in item.blocks:
                if isinstance(inner, md.BulletList | md.OrderedList):
                    flowables.extend(self._list(inner, depth + 1))
                else:  # a paragraph, or a heading, which inside a list reads best as plain text
                    flowables.append(self.para(self.runs(inner.runs), style, bullet))
                    bullet = None
            if bullet:  # an item with no text of its own still shows its marker
                flowables.append(self.para("", style, bullet))
        return flowables

    def _list_style(self, depth: int, numbered: bool) -> ParagraphStyle:
        key = (depth, numbered)
        if key not in self._list_styles:
            indent = LIST_INDENT * depth
            self._list_styles[key] = ParagraphStyle(
                f"GuideList{depth}{'Numbered' if numbered else 'Bullets'}",
                parent=self.styles.list_text,
                leftIndent=indent + LIST_INDENT,
                bulletIndent=indent + 2,
                bulletFontName=self.fonts.bold if numbered else self.fonts.regular,
                bulletFontSize=self.styles.list_text.fontSize,
            )
        return self._list_styles[key]


def _markers(count: int, numbered: bool, start: int) -> list[str]:
    return [f"{start + index}." for index in range(count)] if numbered else ["\u2022"] * count


def _anchor(href: str, inner_markup: str) -> str:
    # Underlined as well as coloured, so links are still recognisable when printed in black and white.
    return f"<a href={quoteattr(href)} color={quoteattr(LINK_COLOUR)}><u>{inner_markup}</u></a>"
