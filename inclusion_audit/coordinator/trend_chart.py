"""Server-drawn SVG line chart: each part's share of organisations at 60% or more, quarter by quarter. Always
shown next to a table.

Lines differ by colour and by marker shape, so the chart works without colour vision; a legend
names each line. A quarter whose share is hidden (fewer than 10 organisations) leaves a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# GOV.UK palette colours that contrast with white and with each other.
COLOURS = ("#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#b58840")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")
LEFT, PLOT_WIDTH, TOP, PLOT_HEIGHT = 48, 560, 20, 200


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int | None, ...]  # one per quarter


_POLYGONS = {
    "square": ((-5, -5), (5, -5), (5, 5), (-5, 5)),
    "triangle": ((0, -6), (6, 5), (-6, 5)),
    "diamond": ((0, -6), (6, 0), (0, 6), (-6, 0)),
}


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    if shape in _POLYGONS:
        points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in _POLYGONS[shape])
        return f'<polygon points="{points}" fill="{colour}"/>'
    cross = f"M{x - 5:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 5:.1f} M{x - 5:.1f} {y + 5:.1f} L{x + 5:.1f} {y - 5:.1f}"
    return f'<path d="{cross}" stroke="{colour}" stroke-width="3"/>'


def trend_chart(series: list[Series], quarters: list[tuple[str, str]], *, chart_id: str, title: str) -> Markup:
    """`quarters` are (first line, second line) axis labels, e.g. ('Jan to Mar', '2026')."""
    legend_top = TOP + PLOT_HEIGHT + 56
    width, height = LEFT + PLOT_WIDTH + 20, legend_top + 24 * len(series) + 8
    step = PLOT_WIDTH / max(len(quarters), 1)

    def x(index: int) -> float:
        return LEFT + step * (index + 0.5)

    def y(percent: int) -> float:
        return TOP + PLOT_HEIGHT * (1 - percent / 100)

    parts = [
        f'<svg class="app-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(series, quarters))}</desc>',
    ]
    for percent in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{LEFT}" y1="{y(percent):.1f}" x2="{LEFT + PLOT_WIDTH}" y2="{y(percent):.1f}" '
            f'stroke="{"#0b0c0c" if percent == 0 else "#b1b4b6"}"/>'
            f'<text x="{LEFT - 6}" y="{y(percent) + 5:.1f}" font-size="13" text-anchor="end" fill="#505a5f">'
            f"{percent}%</text>"
        )
    for index, (first, second) in enumerate(quarters):
        for line, text in enumerate((first, second)):
            parts.append(
                f'<text x="{x(index):.1f}" y="{TOP + PLOT_HEIGHT + 18 + 15 * line}" font-size="12" '
                f'text-anchor="middle" fill="#0b0c0c">{escape(text)}</text>'
            )
    for number, line in enumerate(series):
        colour, shape = COLOURS[number % len(COLOURS)], MARKERS[number % len(MARKERS)]
        points = [(x(i), y(v)) if v is not None else None for i, v in enumerate(line.values)]
        # Join neighbouring quarters only: a hidden quarter breaks the line rather than bridging it.
        for here, there in zip(points, points[1:], strict=False):
            if here and there:
                parts.append(
                    f'<line x1="{here[0]:.1f}" y1="{here[1]:.1f}" x2="{there[0]:.1f}" y2="{there[1]:.1f}" '
                    f'stroke="{colour}" stroke-width="2"/>'
                )
        parts.extend(_marker(shape, px, py, colour) for px, py in (p for p in points if p))
        key_y = legend_top + 24 * number
        parts.append(_marker(shape, LEFT + 6, key_y - 5, colour))
        parts.append(f'<text x="{LEFT + 20}" y="{key_y}" font-size="14" fill="#0b0c0c">{escape(line.label)}</text>')
    parts.append("</svg>")
    # Safe: every piece of text above went through escape(); the rest is our own fixed markup.
    return Markup("".join(parts))  # nosec B704


def describe(series: list[Series], quarters: list[tuple[str, str]]) -> str:
    names = [" ".join(q) for q in quarters]
    return " ".join(
        f"{line.label}: "
        + ", ".join(f"{name} {'hidden' if v is None else f'{v}%'}" for name, v in zip(names, line.values, strict=True))
        + "."
        for line in series
    )
