"""Organisation names in every script a user can type: drawn with real glyphs, in the right order, and read back.

Round trips use poppler's pdftotext (what copying and searching give); glyph checks use HarfBuzz's own shaping of
each line (glyph 0 is .notdef, the empty box) and the rendered cover (pdftoppm) for ink where the name is.
"""

from __future__ import annotations

import datetime
import io

import pytest
from pypdf import PdfReader

from inclusion_audit.guide.pdf import render_guide_pdf
from inclusion_audit.guide.pdf_fonts import DIRECTION_MARKS, PLACEHOLDER, guide_fonts
from inclusion_audit.guide.pdf_script import ScriptSetter

from .poppler import page_image, pdftotext
from .test_pdf import make_guide

DAY = datetime.date(2026, 11, 24)
NAMES = {
    "Arabic": "جمعية الأمل الخيرية",
    "Hebrew": "עמותת אור לכולם",
    "Devanagari": "सेवा संस्था क्षत्रिय समाज",
    "Bengali": "মানুষের জন্য সমিতি",
    "Gurmukhi": "ਸਿੱਖ ਸੇਵਾ ਸਭਾ",
    "Tamil": "தமிழ் சங்கம்",
    "Thai": "มูลนิธิเพื่อนหญิง",
    "Chinese": "北京社区服务中心",
    "Japanese": "東京のひまわり会",
    "Korean": "서울 이웃 모임",
    "Cyrillic": "Общество «Надежда»",
    "Greek": "Ελληνική Κοινότητα",
    "Emoji": "Pride 🏳️\u200d🌈 family 👨\u200d👩\u200d👧 UK 🇬🇧 😊",
}
MIXED = "Zoë's Café · 北京 · جمعية الأمل · सेवा · 🏳️\u200d🌈"
# Where the cover's name sits at 72 dpi (below the title, above "Created on").
NAME_BAND = slice(240, 285)


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {script: render_guide_pdf(make_guide(name=name), generated_on=DAY) for script, name in NAMES.items()}


def bold_setter(size: float = 20) -> ScriptSetter:
    fonts = guide_fonts()
    return ScriptSetter(fonts, fonts.bold, size)


@pytest.mark.parametrize("script", NAMES)
def test_name_round_trips_through_pdftotext(pdfs: dict[str, bytes], script: str):
    cover = pdftotext(pdfs[script], first=1, last=1)
    header = pdftotext(pdfs[script], first=2, last=2)

    assert NAMES[script] in cover
    assert NAMES[script] in header  # the running header on every page after the cover


@pytest.mark.parametrize("script", NAMES)
def test_every_character_of_the_name_has_a_glyph(script: str):
    fonts = guide_fonts()
    (line,) = bold_setter().lines(NAMES[script], width=480)

    for run in line.runs:
        assert PLACEHOLDER not in run.text
        if run.shaped:
            assert 0 not in run.glyphs, f"{script}: .notdef in {run.font} for {run.text!r}"
        else:
            assert fonts.main_chars.issuperset(run.text), run.text


@pytest.mark.parametrize("script", NAMES)
def test_cover_shows_ink_where_the_name_is(pdfs: dict[str, bytes], script: str):
    width, _, pixels = page_image(pdfs[script], 1)
    band = pixels[NAME_BAND.start * width : NAME_BAND.stop * width]

    assert sum(pixel < 128 for pixel in band) > 150


def test_script_fonts_are_embedded_as_subsets(pdfs: dict[str, bytes]):
    embedded = set()
    for pdf in pdfs.values():
        for page in PdfReader(io.BytesIO(pdf)).pages[:1]:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert "/FontFile2" in font["/FontDescriptor"]
                prefix, _, name = str(font["/BaseFont"]).lstrip("/").partition("+")
                assert len(prefix) == 6 and prefix.isupper(), f"{name} is not a subset"
                embedded.add(name)

    for family in ("NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari", "NotoSansThai", "NotoEmoji"):
        assert any(name.startswith(family) for name in embedded), family
    assert any(name.startswith("NotoSansSC") for name in embedded)


def test_emoji_sequences_and_flags_are_one_picture_each():
    (line,) = bold_setter().lines("🏳️\u200d🌈👨\u200d👩\u200d👧🇬🇧")
    (run,) = line.runs

    pictures = [glyph for glyph, advance in zip(run.glyphs, run.advances, strict=True) if advance]
    assert len(pictures) == 3 and 0 not in run.glyphs  # no joiner or half-flag drawn on its own


def test_right_to_left_name_with_a_latin_word_is_in_visual_order():
    (line,) = bold_setter().lines("جمعية ABC الأمل")

    # Left to right on the page: the last Arabic word, then ABC, then the first (HarfBuzz orders each Arabic run).
    assert [run.text for run in line.runs] == ["الأمل", " ", "ABC", " ", "جمعية"]


def test_latin_name_with_an_arabic_phrase_keeps_the_phrase_together():
    (line,) = bold_setter().lines("Café جمعية الأمل 2024")

    # A number after Arabic text belongs to it (Unicode rule W2), so it sits to the left of the phrase.
    assert [run.text for run in line.runs] == ["Café 2024", " ", "جمعية الأمل"]


def test_direction_marks_steer_the_order_and_are_not_drawn():
    pdf = render_guide_pdf(make_guide(name="abc\u202edef\u202c ghi"), generated_on=DAY)
    (line,) = bold_setter().lines("abc\u202edef\u202c ghi\u2066\u2069\u200f")

    drawn = "".join(run.text for run in line.runs)
    assert DIRECTION_MARKS.isdisjoint(drawn)
    assert "abcfed ghi" in drawn  # right-to-left override honoured
    assert "abcfed ghi" in pdftotext(pdf, first=1, last=1)


def test_a_name_of_only_direction_marks_draws_nothing():
    assert bold_setter().lines("\u202a\u202b\u202e\u2067\u2069", width=400) == []


def test_mixed_script_name_reads_back_word_by_word():
    pdf = render_guide_pdf(make_guide(name=MIXED), generated_on=DAY)

    cover = pdftotext(pdf, first=1, last=1)
    for word in ("Zoë's", "Café", "北京", "جمعية", "الأمل", "सेवा", "🏳️\u200d🌈"):
        assert word in cover


def test_long_name_wraps_on_the_cover_and_is_shortened_in_the_header():
    name = "The Very Long Named Community Interest Company for Refugee and Migrant Wellbeing " * 2
    setter = bold_setter(9)

    lines = bold_setter().lines(name, width=480)
    first = setter.first_line(name, 300)

    assert len(lines) > 2 and all(line.width <= 480 for line in lines)
    assert first is not None and first.width <= 300 and first.text.endswith("\u2026")


def test_a_word_longer_than_the_line_is_broken():
    lines = bold_setter().lines("北京社区服务中心" * 6 + " Wellbeing" + "x" * 80, width=200)

    assert len(lines) > 3 and all(line.width <= 200 for line in lines)
