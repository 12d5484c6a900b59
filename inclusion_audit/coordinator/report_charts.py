"""The board report's charts, drawn with reportlab graphics from the same figures as the dashboard's SVG charts
(perturbed counts and shares only), in the service's palette.

Like the web charts, a band whose count is hidden says "fewer than 5" instead of a bar, and a quarter whose share
is hidden leaves a gap in its line; lines differ by marker shape as well as colour, and a legend names them.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import HexColor

from ..charts import Palette
from ..disclosure import FEWER
from .report_data import SpreadFigure, TrendFigure

TEXT = HexColor(Palette.TEXT)
SECONDARY = HexColor(Palette.SECONDARY_TEXT)
BAR = HexColor(Palette.BRAND)
GRID = HexColor(Palette.BORDER)
SIZE = 8.5


def _scale_top(values: list[int]) -> int:
    """A round number at or above the largest value, so bars compare honestly (the web chart's rule)."""
    return max(5, -(-max(values, default=5) // 5) * 5)


def spread_drawing(figure: SpreadFigure, width: float, font: str, bold: str) -> Drawing:
    """Five bars of organisations per band of score, with the middle band beneath."""
    left, top_pad, plot_height = 28.0, 12.0, 110.0
    height = top_pad + plot_height + 40
    drawing = Drawing(width, height)
    baseline = 34.0
    plot_width = width - left - 4
    counts = figure.row.band_counts
    top = _scale_top([count for count in counts if count])
    drawing.add(
        Line(
            left,
            baseline + plot_height,
            left + plot_width,
            baseline + plot_height,
            strokeColor=GRID,
            strokeDashArray=[3, 3],
            strokeWidth=0.5,
        )
    )
    drawing.add(
        String(
            left - 4,
            baseline + plot_height - 3,
            str(top),
            fontName=font,
            fontSize=SIZE,
            fillColor=SECONDARY,
            textAnchor="end",
        )
    )
    drawing.add(
        String(left - 4, baseline - 3, "0", fontName=font, fontSize=SIZE, fillColor=SECONDARY, textAnchor="end")
    )
    slot = plot_width / len(counts)
    for index, (count, label) in enumerate(zip(counts, figure.table()[1], strict=True)):
        x0, x1 = left + index * slot + 4, left + (index + 1) * slot - 4
        middle = (x0 + x1) / 2
        if count is None:
            drawing.add(
                String(
                    middle, baseline + 5, FEWER, fontName=font, fontSize=SIZE, fillColor=SECONDARY, textAnchor="middle"
                )
            )
        else:
            bar = plot_height * count / top
            drawing.add(Rect(x0, baseline, x1 - x0, bar, fillColor=BAR, strokeColor=None))
            drawing.add(
                String(
                    middle,
                    baseline + bar + 3,
                    str(count),
                    fontName=bold,
                    fontSize=SIZE + 1,
                    fillColor=TEXT,
                    textAnchor="middle",
                )
            )
        drawing.add(
            String(middle, baseline - 13, label[0], fontName=font, fontSize=SIZE, fillColor=TEXT, textAnchor="middle")
        )
    drawing.add(Line(left, baseline, left + plot_width, baseline, strokeColor=TEXT, strokeWidth=0.75))
    drawing.add(
        String(left, 4, f"Middle band: {figure.row.middle}.", fontName=font, fontSize=SIZE + 0.5, fillColor=TEXT)
    )
    return drawing


def _marker(shape: str, x: float, y: float, colour) -> object:  # noqa: ANN001 (a reportlab Color)
    if shape == "circle":
        return Circle(x, y, 3, fillColor=colour, strokeColor=None)
    points = {
        "square": (-3, -3, 3, -3, 3, 3, -3, 3),
        "triangle": (0, 3.6, 3.6, -3, -3.6, -3),
        "diamond": (0, 3.6, 3.6, 0, 0, -3.6, -3.6, 0),
    }.get(shape)
    if points is not None:
        moved = [value + (x if i % 2 == 0 else y) for i, value in enumerate(points)]
        return Polygon(moved, fillColor=colour, strokeColor=None)
    return PolyLine([x - 3, y - 3, x + 3, y + 3, x, y, x - 3, y + 3, x + 3, y - 3], strokeColor=colour, strokeWidth=1.8)


def trend_drawing(figure: TrendFigure, width: float, font: str) -> Drawing:
    """Each section's share at 60% or more, quarter by quarter, 0 to 100%, with a legend beneath."""
    left, plot_height = 34.0, 130.0
    legend_rows = len(figure.series)
    legend_height = legend_rows * 13 + 6
    baseline = legend_height + 24
    height = baseline + plot_height + 10
    drawing = Drawing(width, height)
    plot_width = width - left - 10
    for percent in (0, 50, 100):
        y = baseline + plot_height * percent / 100
        drawing.add(
            Line(
                left,
                y,
                left + plot_width,
                y,
                strokeColor=TEXT if percent == 0 else GRID,
                strokeWidth=0.75 if percent == 0 else 0.5,
            )
        )
        drawing.add(
            String(left - 4, y - 3, f"{percent}%", fontName=font, fontSize=SIZE, fillColor=SECONDARY, textAnchor="end")
        )
    quarters = len(figure.quarters)
    step = plot_width / max(quarters, 1)

    def x_of(index: int) -> float:
        return left + step * (index + 0.5)

    for index, quarter in enumerate(figure.quarters):
        drawing.add(
            String(
                x_of(index),
                baseline - 12,
                _short(quarter),
                fontName=font,
                fontSize=SIZE - 0.5,
                fillColor=TEXT,
                textAnchor="middle",
            )
        )
    for number, (title, values) in enumerate(figure.series):
        colour = HexColor(Palette.SERIES[number % len(Palette.SERIES)])
        shape = Palette.MARKERS[number % len(Palette.MARKERS)]
        points = [
            (x_of(i), baseline + plot_height * value / 100) for i, value in enumerate(values) if value is not None
        ]
        for i in range(len(values) - 1):  # a line only between two shown quarters next to each other
            if values[i] is not None and values[i + 1] is not None:
                y0 = baseline + plot_height * values[i] / 100
                y1 = baseline + plot_height * values[i + 1] / 100
                drawing.add(Line(x_of(i), y0, x_of(i + 1), y1, strokeColor=colour, strokeWidth=1.5))
        for x, y in points:
            drawing.add(_marker(shape, x, y, colour))
        legend_y = legend_height - 13 * (number + 1) + 4
        drawing.add(_marker(shape, left + 4, legend_y + 3, colour))
        drawing.add(String(left + 14, legend_y, title, fontName=font, fontSize=SIZE + 0.5, fillColor=TEXT))
    return drawing


def _short(quarter: str) -> str:
    """'January to March 2026' as 'Jan-Mar 2026', to fit eight quarters across the page."""
    words = quarter.split()
    return f"{words[0][:3]}-{words[2][:3]} {words[3]}" if len(words) == 4 else quarter
