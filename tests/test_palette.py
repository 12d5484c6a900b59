"""One palette for every chart and document, and every colour that carries meaning readable against white."""

from __future__ import annotations

import pathlib
import re

from inclusion_audit.charts import Palette

PACKAGE = pathlib.Path(__file__).parent.parent / "inclusion_audit"


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def test_every_colour_that_carries_a_figure_keeps_3_to_1_against_white():
    low = {colour: round(contrast_with_white(colour), 2) for colour in Palette.meaningful()}
    assert all(ratio >= 3 for ratio in low.values()), low
    assert contrast_with_white(Palette.TEXT) >= 4.5 and contrast_with_white(Palette.SECONDARY_TEXT) >= 4.5


def test_no_chart_line_or_stage_is_red():
    # Readers take red for "bad": stages are steps on a journey and sections are not ranked by colour.
    for colour in (*Palette.STAGES.values(), *Palette.SERIES):
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert not (r > 150 and g < 80 and b < 80), colour


def test_lines_on_one_chart_differ_in_colour_and_in_marker():
    assert len(set(Palette.SERIES)) == len(Palette.SERIES) == len(set(Palette.MARKERS))


def test_no_module_outside_the_palette_writes_a_colour_of_its_own():
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|RGBColor\(0x")
    found = {
        str(path.relative_to(PACKAGE)): literal.findall(path.read_text(encoding="utf-8"))
        for path in PACKAGE.rglob("*.py")
        if path.name != "palette.py"
    }
    assert {path: hits for path, hits in found.items() if hits} == {}
