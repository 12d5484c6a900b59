"""Lines of a share (0-100%) quarter by quarter, one per section. A hidden quarter leaves a gap in its line.

Lines differ by colour and by marker shape, so the chart works without colour vision; a legend names each line.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .palette import Palette
from .svg import finish, opening, text

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

    parts = opening(chart_id, title, describe(series, quarters), width, height)
    for percent in (0, 25, 50, 75, 100):
        stroke = Palette.TEXT if percent == 0 else Palette.BORDER
        parts.append(
            f'<line x1="{LEFT}" y1="{y(percent):.1f}" x2="{LEFT + PLOT_WIDTH}" y2="{y(percent):.1f}" '
            f'stroke="{stroke}"/>'
        )
        parts.append(
            text(LEFT - 6, y(percent) + 5, f"{percent}%", size=13, colour=Palette.SECONDARY_TEXT, anchor="end")
        )
    for index, lines in enumerate(quarters):
        for line, words in enumerate(lines):
            parts.append(text(x(index), TOP + PLOT_HEIGHT + 18 + 15 * line, words, size=12, anchor="middle"))
    for number, line in enumerate(series):
        colour = Palette.SERIES[number % len(Palette.SERIES)]
        shape = Palette.MARKERS[number % len(Palette.MARKERS)]
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
        parts.append(text(LEFT + 20, key_y, line.label))
    return finish(parts)


def describe(series: list[Series], quarters: list[tuple[str, str]]) -> str:
    names = [" ".join(q) for q in quarters]
    return " ".join(
        f"{line.label}: "
        + ", ".join(f"{name} {'hidden' if v is None else f'{v}%'}" for name, v in zip(names, line.values, strict=True))
        + "."
        for line in series
    )
