"""The one set of colours for charts, pages' documents (PDF, Word) and certificates.

GOV.UK Frontend's colours, so documents look like the service they came from. Text colours pass WCAG AA (4.5:1)
on white; every colour that carries meaning in a chart keeps at least 3:1 against white (WCAG 1.4.11), which
tests/test_palette.py checks.
"""

from __future__ import annotations


class Palette:
    TEXT = "#0b0c0c"
    SECONDARY_TEXT = "#505a5f"
    BRAND = "#1d70b8"
    BORDER = "#b1b4b6"  # lines and gridlines only: never the only carrier of a figure
    LIGHT_GREY = "#f3f2f1"  # backgrounds only

    # Stages are steps on a journey, not a mark: no red for the first one.
    STAGES = {"emerging": "#5694ca", "developing": "#1d70b8", "established": "#00703c"}
    NO_DATA = BORDER
    # Lines on one chart: told apart by colour and by marker shape, so they read without colour vision. No red,
    # which readers take for "bad" whatever the line is.
    SERIES = ("#1d70b8", "#00703c", "#4c2c92", "#d53880", "#6f4e00")
    MARKERS = ("circle", "square", "triangle", "diamond", "cross")

    @classmethod
    def meaningful(cls) -> tuple[str, ...]:
        """Colours that carry a figure or tell lines apart: each needs 3:1 against white."""
        return (cls.TEXT, cls.SECONDARY_TEXT, cls.BRAND, *cls.STAGES.values(), *cls.SERIES)
