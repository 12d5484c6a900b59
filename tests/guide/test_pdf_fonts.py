"""Text into reportlab markup: escaping, and falling back to other embedded fonts character by character."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from inclusion_audit.guide import pdf_fonts
from inclusion_audit.guide.pdf_fonts import PLACEHOLDER, FontsUnavailable, guide_fonts

EMOJI_FONT = pdf_fonts.EMOJI
NO_FONT_HAS = "\U00013000"  # EGYPTIAN HIEROGLYPH A001: no embedded font draws it


@pytest.fixture(scope="module")
def fonts() -> pdf_fonts.GuideFonts:
    return guide_fonts()


def test_plain_text_is_only_escaped(fonts):
    assert fonts.markup("Fish & chips <b>now</b>") == "Fish &amp; chips &lt;b&gt;now&lt;/b&gt;"


def test_accented_latin_is_drawn_by_the_main_font(fonts):
    assert fonts.markup("Zoë's Café – Łódź Ünïon") == "Zoë's Café – Łódź Ünïon"


def test_decomposed_accents_are_composed_first(fonts):
    assert fonts.markup("Cafe\u0301") == "Café"


def test_emoji_is_wrapped_in_the_emoji_font(fonts):
    assert fonts.markup("Hi 😊 & bye") == f'Hi <font name="{EMOJI_FONT}">😊</font> &amp; bye'


def test_neighbouring_emoji_share_one_font_tag(fonts):
    assert fonts.markup("😊😊") == f'<font name="{EMOJI_FONT}">😊😊</font>'


def test_characters_no_font_has_become_a_visible_placeholder(fonts):
    assert fonts.markup(f"{NO_FONT_HAS}{NO_FONT_HAS} ok") == f"{PLACEHOLDER}{PLACEHOLDER} ok"


def test_other_scripts_are_wrapped_in_their_noto_font(fonts):
    assert fonts.markup("Ελλάδα") == "Ελλάδα"  # Lato has Greek and Cyrillic
    assert fonts.markup("中文 ok") == '<font name="GuideCJK-SC">中文</font> ok'
    assert fonts.markup("תל") == '<font name="GuideNotoHebrew">תל</font>'


def test_direction_marks_are_never_drawn(fonts):
    marks = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
    assert fonts.markup(f"a{marks}b") == "ab"


def test_control_characters_never_reach_the_page(fonts):
    assert fonts.markup("a\x07b\x00c\td") == "abc d"
    assert fonts.markup("é\x00b") == "éb"


def test_without_fallback_fonts_emoji_become_placeholders(fonts, monkeypatch):
    monkeypatch.setattr(pdf_fonts, "fallback_for", lambda char, cjk=None: None)

    assert fonts.markup("Hi 😊") == f"Hi {PLACEHOLDER}"


def test_missing_main_font_package_is_reported_clearly(monkeypatch):
    monkeypatch.setattr(pdf_fonts, "MAIN_PACKAGE", "no_such_font_package")

    with pytest.raises(FontsUnavailable, match="fontpkg-lato"):
        guide_fonts.__wrapped__()


def test_bold_and_italic_faces_are_registered(fonts):
    assert len({fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic}) == 4


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_user_text_becomes_markup_reportlab_accepts(text: str):
    fonts = guide_fonts()
    style = ParagraphStyle("test", fontName=fonts.regular)

    paragraph = Paragraph(fonts.markup(text), style)
    paragraph.wrap(400, 800)

    # Whatever was dropped or replaced, every printable ASCII character comes through unchanged.
    kept = paragraph.getPlainText()
    for char in text:
        if char.isascii() and char.isprintable() and not char.isspace():
            assert char in kept
