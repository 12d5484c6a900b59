"""Fonts for the PDF guide, which font draws each character, and the escaping that puts text into Paragraph markup.

The standard PDF fonts only cover Latin-1. We embed Lato (PyPI package `fontpkg-lato`) for the guide's own text
and fall back, character by character, to Noto fonts for everything else a user can type: Noto Sans, Symbols,
monochrome Emoji and one font per script (package `manimgx-fonts`), and Noto Sans SC, JP and KR for Chinese,
Japanese and Korean (package `justmytype-intl-cjk`). reportlab embeds only the glyphs a document uses (a subset).
reportlab cannot draw colour emoji, so a black-and-white emoji is the best it can do. A character no embedded font
has is shown as a visible "□" rather than left to each PDF viewer to garble.

Fonts are read from the installed packages with importlib.resources: nothing is downloaded at run time and no
system fonts are assumed. Fallback fonts are registered the first time a character needs them.
"""

from __future__ import annotations

import logging
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

MAIN_PACKAGE = "fontpkg_lato"
MAIN_FILES = {
    "GuideSans": "files/Lato-Regular.ttf",
    "GuideSans-Bold": "files/Lato-Bold.ttf",
    "GuideSans-Italic": "files/Lato-Italic.ttf",
    "GuideSans-BoldItalic": "files/Lato-BoldItalic.ttf",
}
NOTO = "manimgx_fonts"
CJK = "justmytype_intl_cjk"
EMOJI = "GuideEmoji"
CHINESE, JAPANESE, KOREAN = "GuideCJK-SC", "GuideCJK-JP", "GuideCJK-KR"
_SCRIPT_FILES = (
    *("Arabic", "Armenian", "Bengali", "Devanagari", "Ethiopic", "Georgian", "Gujarati", "Gurmukhi", "Hebrew"),
    *("Kannada", "Khmer", "Lao", "Malayalam", "Myanmar", "Oriya", "Sinhala", "Tamil", "Telugu", "Thai"),
)
FALLBACK_FILES: dict[str, tuple[str, str]] = {
    "GuideNotoSans": (NOTO, "NotoSans[wght].ttf"),
    "GuideSymbols": (NOTO, "NotoSansSymbols[wght].ttf"),
    EMOJI: (NOTO, "NotoEmoji[wght].ttf"),
    **{f"GuideNoto{script}": (NOTO, f"NotoSans{script}[wght].ttf") for script in _SCRIPT_FILES},
    CHINESE: (CJK, "fonts/ofl/notosanssc/NotoSansSC[wght].ttf"),
    JAPANESE: (CJK, "fonts/ofl/notosansjp/NotoSansJP[wght].ttf"),
    KOREAN: (CJK, "fonts/ofl/notosanskr/NotoSansKR[wght].ttf"),
}
# Tried in this order for a character outside every script block below.
GENERAL_FALLBACKS = ("GuideNotoSans", "GuideSymbols", EMOJI)
# Unicode blocks and the font for each, so only the fonts a text needs are loaded (first match wins).
_BLOCKS: tuple[tuple[int, int, str], ...] = tuple(
    sorted(
        (start, end, font)
        for font, ranges in {
            "GuideNotoArabic": (
                (0x0600, 0x06FF),
                (0x0750, 0x077F),
                (0x08A0, 0x08FF),
                (0xFB50, 0xFDFF),
                (0xFE70, 0xFEFF),
            ),
            "GuideNotoHebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
            "GuideNotoArmenian": ((0x0530, 0x058F),),
            "GuideNotoDevanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
            "GuideNotoBengali": ((0x0980, 0x09FF),),
            "GuideNotoGurmukhi": ((0x0A00, 0x0A7F),),
            "GuideNotoGujarati": ((0x0A80, 0x0AFF),),
            "GuideNotoOriya": ((0x0B00, 0x0B7F),),
            "GuideNotoTamil": ((0x0B80, 0x0BFF),),
            "GuideNotoTelugu": ((0x0C00, 0x0C7F),),
            "GuideNotoKannada": ((0x0C80, 0x0CFF),),
            "GuideNotoMalayalam": ((0x0D00, 0x0D7F),),
            "GuideNotoSinhala": ((0x0D80, 0x0DFF),),
            "GuideNotoThai": ((0x0E00, 0x0E7F),),
            "GuideNotoLao": ((0x0E80, 0x0EFF),),
            "GuideNotoMyanmar": ((0x1000, 0x109F),),
            "GuideNotoGeorgian": ((0x10A0, 0x10FF),),
            "GuideNotoEthiopic": ((0x1200, 0x139F),),
            "GuideNotoKhmer": ((0x1780, 0x17FF),),
            KOREAN: ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)),
            JAPANESE: ((0x3040, 0x30FF), (0x31F0, 0x31FF)),
            CHINESE: (
                (0x2E80, 0x2FDF),
                (0x3000, 0x303F),
                (0x3400, 0x4DBF),
                (0x4E00, 0x9FFF),
                (0xF900, 0xFAFF),
                (0xFF00, 0xFFEF),
                (0x20000, 0x2FA1F),
            ),
            EMOJI: ((0x1F000, 0x1FAFF), (0xE0020, 0xE007F), (0xFE00, 0xFE0F)),
        }.items()
        for start, end in ranges
    )
)
_BLOCK_STARTS = tuple(start for start, _, _ in _BLOCKS)
PLACEHOLDER = "\u25a1"  # WHITE SQUARE
# Explicit direction marks: they steer the order of right-to-left text and are never drawn (some Noto fonts map
# them to visible glyphs). Paragraph text cannot honour them, so there they are dropped.
DIRECTION_MARKS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters (joiners, variation selectors, controls) are dropped if no font has them.
_INVISIBLE_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Co", "Cs", "Cn"})


class FontsUnavailable(RuntimeError):
    """The font package the PDF needs is not installed."""


@dataclass(frozen=True)
class EmbeddedFont:
    name: str
    chars: frozenset[str]
    path: str


@dataclass(frozen=True)
class GuideFonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    main_chars: frozenset[str]

    def markup(self, text: str) -> str:
        """`text` escaped for Paragraph markup, with <font> tags around characters the main font lacks."""
        if text.isascii() and text.isprintable():
            return escape(text)  # the common case, and Lato has every printable ASCII character
        text = unicodedata.normalize("NFC", text)
        if self.main_chars.issuperset(text) and DIRECTION_MARKS.isdisjoint(text):
            return escape(text)
        pieces = []
        for font, group in groupby((self._draw_with(char) for char in text), key=lambda pair: pair[0]):
            chunk = escape("".join(char for _, char in group))
            pieces.append(f'<font name="{font}">{chunk}</font>' if font else chunk)
        return "".join(pieces)

    def _draw_with(self, char: str) -> tuple[str | None, str]:
        """(font name or None for the main font, character to draw) for one character."""
        category = unicodedata.category(char)
        if category == "Cc":  # fonts may map control characters, but they must never reach the page
            return None, " " if char.isspace() else ""
        if char in DIRECTION_MARKS:
            return None, ""
        if char in self.main_chars:
            return None, char
        fallback = fallback_for(char)
        if fallback:
            return fallback.name, char
        if category.startswith("Z"):
            return None, " "
        if category in _INVISIBLE_CATEGORIES:
            return None, ""
        return None, PLACEHOLDER if PLACEHOLDER in self.main_chars else "?"


@cache
def guide_fonts() -> GuideFonts:
    """Register the main font family with reportlab (once per process) and describe it."""
    try:
        fonts = [_register(name, MAIN_PACKAGE, path) for name, path in MAIN_FILES.items()]
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise FontsUnavailable("The PDF guide needs the fontpkg-lato package (pip install fontpkg-lato)") from error
    regular, bold, italic, bold_italic = (font.name for font in fonts)
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic)
    return GuideFonts(regular, bold, italic, bold_italic, main_chars=fonts[0].chars)


def fallback_for(char: str, cjk: str = CHINESE) -> EmbeddedFont | None:
    """The fallback font that draws `char`, or None. `cjk` is the font for Han characters (Chinese by default)."""
    code = ord(char)
    index = bisect_right(_BLOCK_STARTS, code) - 1
    candidates = list(GENERAL_FALLBACKS)
    if index >= 0 and _BLOCKS[index][0] <= code <= _BLOCKS[index][1]:
        block_font = _BLOCKS[index][2]
        candidates.insert(0, cjk if block_font == CHINESE else block_font)
    for name in candidates:
        font = fallback_font(name)
        if font and char in font.chars:
            return font
    return None


@cache
def fallback_font(name: str) -> EmbeddedFont | None:
    """Register one fallback font the first time it is needed; None (with a warning) if its package is missing."""
    package, path = FALLBACK_FILES[name]
    try:
        font = _register(name, package, path)
    except (ModuleNotFoundError, FileNotFoundError):
        log.warning("Font %s from package %s is missing: some characters will print as %s", path, package, PLACEHOLDER)
        return None
    # Fallbacks have one face; map bold and italic to it so <b> around an emoji still resolves.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return font


def _register(name: str, package: str, path: str) -> EmbeddedFont:
    file = resources.files(package) / path
    font = TTFont(name, str(file))
    pdfmetrics.registerFont(font)
    # Control characters and direction marks are left out even if the font maps them, so they are never drawn.
    chars = frozenset(
        char
        for char in map(chr, font.face.charToGlyph)
        if unicodedata.category(char) != "Cc" and char not in DIRECTION_MARKS
    )
    return EmbeddedFont(name, chars, str(file))
