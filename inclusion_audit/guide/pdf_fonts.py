"""Fonts for the PDF guide, and the escaping that puts text into reportlab's Paragraph markup.

The standard PDF fonts only cover Latin-1, so an organisation called "Łódź Ünïon" would print as
boxes. We embed Lato (PyPI package `fontpkg-lato`: static regular, bold and italic TrueType files)
for all text, and fall back character by character to Noto Sans, Noto Sans Symbols and the
monochrome Noto Emoji (PyPI package `manimgx-fonts`) for anything Lato lacks. reportlab cannot draw
colour emoji, so a black-and-white emoji is the best it can do. A character no embedded font has is
shown as a visible "□" rather than left to each PDF viewer to garble.

Fonts are read from the installed packages with importlib.resources: nothing is downloaded at run
time and no system fonts are assumed.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import groupby
from typing import Any
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
FALLBACK_PACKAGE = "manimgx_fonts"
# Tried in this order; the first font that has a character draws it.
FALLBACK_FILES = {
    "GuideFallbackSans": "NotoSans[wght].ttf",
    "GuideFallbackSymbols": "NotoSansSymbols[wght].ttf",
    "GuideFallbackEmoji": "NotoEmoji[wght].ttf",
}
PLACEHOLDER = "\u25a1"  # WHITE SQUARE
# Invisible characters (joiners, variation selectors, controls) are dropped if no font has them.
_INVISIBLE_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cc", "Co", "Cs", "Cn"})


class FontsUnavailable(RuntimeError):
    """The font package the PDF needs is not installed."""


@dataclass(frozen=True)
class EmbeddedFont:
    name: str
    chars: frozenset[str]


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
        if self.main_chars.issuperset(text):
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
        if char in self.main_chars:
            return None, char
        for fallback in fallback_fonts():
            if char in fallback.chars:
                return fallback.name, char
        if category.startswith("Z"):
            return None, " "
        if category in _INVISIBLE_CATEGORIES:
            return None, ""
        return None, PLACEHOLDER if PLACEHOLDER in self.main_chars else "?"


@lru_cache(maxsize=1)
def guide_fonts() -> GuideFonts:
    """Register the main font family with reportlab (once per process) and describe it."""
    try:
        fonts = [_register(name, MAIN_PACKAGE, path) for name, path in MAIN_FILES.items()]
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise FontsUnavailable("The PDF guide needs the fontpkg-lato package (pip install fontpkg-lato)") from error
    regular, bold, italic, bold_italic = (font.name for font in fonts)
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic)
    return GuideFonts(regular, bold, italic, bold_italic, main_chars=fonts[0].chars)


# Loaded only when some text needs them: most guides are plain English and never pay for this.
@lru_cache(maxsize=1)
def fallback_fonts() -> tuple[EmbeddedFont, ...]:
    try:
        fonts = tuple(_register(name, FALLBACK_PACKAGE, path) for name, path in FALLBACK_FILES.items())
    except (ModuleNotFoundError, FileNotFoundError):
        log.warning("manimgx-fonts is not installed: characters Lato lacks will print as %s", PLACEHOLDER)
        return ()
    for font in fonts:
        # Fallbacks have one face; map bold and italic to it so <b> around an emoji still resolves.
        pdfmetrics.registerFontFamily(
            font.name, normal=font.name, bold=font.name, italic=font.name, boldItalic=font.name
        )
    return fonts


class _TTFontWithAstralText(TTFont):
    """A TTFont whose text extracts correctly even for characters beyond U+FFFF, such as emoji.

    reportlab writes such a character's ToUnicode entry as five hex digits, which PDF readers reject,
    so copying, searching or reading an emoji aloud would fail. PDF wants UTF-16 there: a surrogate pair.
    """

    def addObjects(self, doc: Any) -> None:
        super().addObjects(doc)
        suffix = "+" + self.face.name.decode("latin-1")
        for name, obj in list(doc.idToObject.items()):
            if isinstance(name, str) and name.startswith("toUnicodeCMap:") and name.endswith(suffix):
                obj.content = _ASTRAL_ENTRY.sub(_as_utf16_entry, obj.content)


_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _as_utf16_entry(match: re.Match[str]) -> str:
    return f"<{match[1]}> <{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"


def _register(name: str, package: str, path: str) -> EmbeddedFont:
    with (resources.files(package) / path).open("rb") as file:
        font = _TTFontWithAstralText(name, file)
    pdfmetrics.registerFont(font)
    # Control characters are left out even if the font maps them, so they always take the slow path and are removed.
    chars = frozenset(char for char in map(chr, font.face.charToGlyph) if unicodedata.category(char) != "Cc")
    return EmbeddedFont(name, chars)
