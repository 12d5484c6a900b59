"""Text a user typed (the organisation's name), in any script: font fallback, shaping, right-to-left order.

reportlab's Paragraph draws each word left to right with one glyph per character, which is right for the guide's
own English text but not for Arabic, Hebrew, the Indian scripts, Thai or emoji sequences. So text a user typed is
set here instead, one line at a time:

1. it is cut into clusters (a character with its combining marks, an emoji sequence joined by U+200D, a flag);
2. each cluster gets a font (Lato, else the Noto font for its script) and a bidirectional level from the Unicode
   bidirectional algorithm (python-bidi); direction marks steer the levels and are never drawn;
3. lines are filled word by word, then each line's clusters are put in visual order (rules L1 and L2);
4. each run of one font and direction is shaped with HarfBuzz (reportlab's `shapeStr`, and uharfbuzz directly to
   measure it the same way) and drawn.

Shaped glyphs often have no character of their own (an Arabic letter's joined form, a Devanagari conjunct, a
flag), so reportlab maps them to private-use characters. Each such line is therefore wrapped in a marked-content
span whose ActualText is the line's characters: text extraction, search and copying give back what was typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import uharfbuzz
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .pdf_clusters import (
    Cluster,
    cjk_font,
    emoji_sequence,
    levels,
    mirrored,
    pieces,
    trimmed,
    visual_order,
    words,
)
from .pdf_fonts import (
    CHINESE,
    DIRECTION_MARKS,
    FALLBACK_FILES,
    JAPANESE,
    KOREAN,
    PLACEHOLDER,
    GuideFonts,
    fallback_font,
    fallback_for,
)

# The features reportlab's shaper turns on, so our measurements match what it draws.
FEATURES = {"kern": True, "liga": True, "dlig": True}
ELLIPSIS = "\u2026"
# The Chinese, Japanese and Korean fonts are variable fonts whose default (the only weight reportlab can draw) is
# Thin, 100. Their outlines are stroked as well as filled, by this fraction of the font size per unit of weight.
LIGHT_FONTS = {CHINESE: 100, JAPANESE: 100, KOREAN: 100}
STROKE_PER_WEIGHT = 0.00012
_RTL_CLASSES = frozenset({"R", "AL"})


@dataclass(frozen=True)
class Run:
    """Part of a line in one font and direction, as given to the shaper (visual order unless `reversed_by_shaper`)."""

    font: str
    text: str
    shaped: bool
    width: float
    glyphs: tuple[int, ...] = ()  # HarfBuzz's glyph ids (0 is .notdef, the empty box), when shaped
    advances: tuple[int, ...] = ()


@dataclass(frozen=True)
class Line:
    runs: tuple[Run, ...]
    # The line's characters (without direction marks) in visual order, cluster by cluster: what text extraction
    # should read. Extractors such as poppler's put right-to-left text back into typed order themselves.
    text: str
    needs_actual_text: bool

    @property
    def width(self) -> float:
        return sum(run.width for run in self.runs)


class ScriptSetter:
    """Sets typed text in one size and main face (regular or bold); measurements are kept for one document."""

    def __init__(self, fonts: GuideFonts, main_font: str, size: float) -> None:
        self.fonts = fonts
        self.main_font = main_font
        self.size = size
        self._runs: dict[tuple[str, str], Run] = {}

    # --- Clusters, fonts and levels -----------------------------------------------------------

    def clusters(self, text: str) -> list[tuple[Cluster, int]]:
        """The text's clusters in typed order, each with its bidirectional level."""
        cjk = cjk_font(text)
        clusters = _spaces_joined([self._cluster(piece, cjk) for piece in pieces(text)])
        return list(zip(clusters, levels(clusters), strict=True))

    def _cluster(self, piece: str, cjk: str) -> Cluster:
        base = piece[0]
        bidi_class = unicodedata.bidirectional(base) or "ON"
        if base in DIRECTION_MARKS:
            return Cluster(piece, self.main_font, bidi_class, mark=True)
        if piece.isspace():
            return Cluster(" ", self.main_font, "WS")
        if base in self.fonts.main_chars and all(char in self.fonts.main_chars for char in piece):
            return Cluster(piece, self.main_font, bidi_class)
        # An emoji sequence (joined, with a selector, skin tone or tags, or a flag) stays in the emoji font.
        fallback = fallback_for(piece[-1] if emoji_sequence(piece) else base, cjk)
        if fallback and base not in fallback.chars:
            fallback = fallback_for(base, cjk)
        if fallback:
            return Cluster(piece, fallback.name, bidi_class)
        if base in self.fonts.main_chars:
            return Cluster(base, self.main_font, bidi_class)  # marks the main font lacks are left off
        return Cluster(PLACEHOLDER if PLACEHOLDER in self.fonts.main_chars else "?", self.main_font, "ON")

    # --- Lines --------------------------------------------------------------------------------

    def lines(self, text: str, width: float | None = None) -> list[Line]:
        """`text` in lines no wider than `width` (one line if None), breaking between words where it can."""
        clusters = self.clusters(text)
        if width is None:
            return [self._line(clusters)] if clusters else []
        lines: list[Line] = []
        current: list[tuple[Cluster, int]] = []
        for word in words(clusters):
            candidate = current + word
            if current and self._line(trimmed(candidate)).width > width:
                lines.append(self._line(trimmed(current)))
                current = word
            else:
                current = candidate
            while len(current) > 1 and self._line(trimmed(current)).width > width:
                # A single word wider than the line: break it between clusters.
                fits = max(1, self._fitting(current, width))
                lines.append(self._line(current[:fits]))
                current = current[fits:]
        if trimmed(current):
            lines.append(self._line(trimmed(current)))
        return lines

    def first_line(self, text: str, width: float) -> Line | None:
        """The first line of `text`, ending with an ellipsis if the rest did not fit."""
        lines = self.lines(text, width)
        if len(lines) <= 1:
            return lines[0] if lines else None
        clusters = self.clusters(text)
        ellipsis = (Cluster(ELLIPSIS, self.main_font, "ON"), 0)
        for end in range(len(clusters), 0, -1):
            line = self._line([*trimmed(clusters[:end]), ellipsis])
            if line.width <= width:
                return line
        return lines[0]

    def _fitting(self, clusters: list[tuple[Cluster, int]], width: float) -> int:
        count = 1
        while count < len(clusters) and self._line(clusters[: count + 1]).width <= width:
            count += 1
        return count

    def _line(self, clusters: list[tuple[Cluster, int]]) -> Line:
        drawn = [(cluster, level) for cluster, level in clusters if not cluster.mark]
        visual = visual_order(drawn)
        runs = []
        for start, end in _run_bounds(visual):
            runs.append(self._run(visual[start:end]))
        text = "".join(cluster.text for cluster, _ in visual).strip()
        simple = all(not run.shaped for run in runs) and all(level == 0 for _, level in drawn)
        return Line(tuple(runs), text, needs_actual_text=not simple or len(drawn) != len(clusters))

    def _run(self, visual: list[tuple[Cluster, int]]) -> Run:
        font = visual[0][0].font
        rtl_script = any(cluster.bidi_class in _RTL_CLASSES for cluster, _ in visual)
        if rtl_script:  # HarfBuzz puts right-to-left text in visual order itself: give it the typed order
            text = "".join(cluster.text for cluster, _ in reversed(visual))
        else:
            text = "".join(mirrored(cluster.text) if level % 2 else cluster.text for cluster, level in visual)
        key = (font, text)
        if key not in self._runs:
            self._runs[key] = self._measure(font, text)
        return self._runs[key]

    def _measure(self, font: str, text: str) -> Run:
        if font == self.main_font:
            return Run(font, text, False, pdfmetrics.stringWidth(text, font, self.size))
        embedded = fallback_font(font)
        if embedded is None:  # a cluster only gets a fallback font that loaded
            raise LookupError(f"font {font} is not loaded")
        face = _harfbuzz_face(embedded.path)
        hb_font = uharfbuzz.Font(face)
        hb_font.ptem = self.size
        buffer = uharfbuzz.Buffer()
        buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
        buffer.add_str(text)
        buffer.guess_segment_properties()
        uharfbuzz.shape(hb_font, buffer, FEATURES)
        advances = tuple(position.x_advance for position in buffer.glyph_positions)
        glyphs = tuple(info.codepoint for info in buffer.glyph_infos)
        return Run(font, text, True, sum(advances) * self.size / face.upem, glyphs, advances)

    def _stroke(self, font: str) -> float:
        light = LIGHT_FONTS.get(font)
        if light is None:
            return 0.0
        wanted = 700 if self.main_font == self.fonts.bold else 400
        return max(0.0, wanted - light) * STROKE_PER_WEIGHT * self.size

    # --- Drawing ------------------------------------------------------------------------------

    def draw(self, canvas: Canvas, line: Line, x: float, y: float, colour: Color) -> None:
        """Draw `line` in `colour` with its baseline starting at (x, y)."""
        canvas.setFillColor(colour)
        if line.needs_actual_text:
            actual = ("\ufeff" + line.text).encode("utf-16-be").hex().upper()
            canvas.addLiteral(f"/Span <</ActualText <{actual}>>> BDC")
        for run in line.runs:
            canvas.setFont(run.font, self.size)
            text = shapeStr(run.text, run.font, self.size) if run.shaped else run.text
            stroke = self._stroke(run.font)
            if stroke:  # a font whose only weight is lighter than wanted: thicken its outlines to match
                canvas.saveState()
                canvas.setLineWidth(stroke)
                canvas.setLineJoin(1)
                canvas.setStrokeColor(colour)
                canvas.drawString(x, y, text, mode=2)
                canvas.restoreState()
            else:
                canvas.drawString(x, y, text)
            x += run.width
        if line.needs_actual_text:
            canvas.addLiteral("EMC")


class ScriptParagraph(Flowable):
    """A paragraph of typed text (the organisation's name on the cover) in the style's size and font."""

    def __init__(self, text: str, style: Any, fonts: GuideFonts) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.setter = ScriptSetter(fonts, style.fontName, style.fontSize)
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.lines: list[Line] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.lines = self.setter.lines(self.text, availWidth)
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        ascent = pdfmetrics.getAscent(self.style.fontName, self.style.fontSize)
        for number, line in enumerate(self.lines):
            self.setter.draw(
                self.canv, line, 0, self.height - ascent - number * self.style.leading, self.style.textColor
            )


# --- Helpers ----------------------------------------------------------------------------------


@cache
def _harfbuzz_face(path: str) -> uharfbuzz.Face:
    return uharfbuzz.Face(uharfbuzz.Blob.from_file_path(path))


def _spaces_joined(clusters: list[Cluster]) -> list[Cluster]:
    """A space between two words in the same fallback font takes that font, so the phrase is shaped as one run."""
    joined = list(clusters)
    for index in range(1, len(clusters) - 1):
        before, cluster, after = clusters[index - 1], clusters[index], clusters[index + 1]
        if cluster.space and before.font == after.font and not before.space and " " in _chars(before.font):
            joined[index] = Cluster(" ", before.font, "WS")
    return joined


def _chars(font: str) -> frozenset[str]:
    embedded = fallback_font(font) if font in FALLBACK_FILES else None
    return embedded.chars if embedded else frozenset()


def _run_bounds(visual: list[tuple[Cluster, int]]) -> Iterator[tuple[int, int]]:
    start = 0
    for index in range(1, len(visual) + 1):
        if index == len(visual) or _run_key(visual[index]) != _run_key(visual[start]):
            yield start, index
            start = index


def _run_key(item: tuple[Cluster, int]) -> tuple[str, int]:
    cluster, level = item
    return cluster.font, level % 2
