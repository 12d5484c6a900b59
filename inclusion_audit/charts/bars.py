"""Horizontal bars from 0 to 100%, each under its own label, with dashed lines where each stage starts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from .palette import Palette
from .svg import finish, opening, text


@dataclass(frozen=True)
class Bar:
    label: str
    percent: int | None
    band: str | None = None


def bar_chart(
    bars: list[Bar], *, title: str, thresholds: Sequence[tuple[int, str]] = (), chart_id: str = "chart"
) -> Markup:
    """Labels sit above their bars (narrow enough to stay legible on a phone). A threshold (40, "Developing")
    draws a dashed line at 40% reading "Developing" over "from 40%"."""
    left, chart_width, row_height, top = 4, 400, 58, 50
    height = top + row_height * len(bars) + 8
    parts = opening(chart_id, title, _description(bars, thresholds), left + chart_width + 64, height)
    for threshold, stage in thresholds:
        x = left + chart_width * threshold / 100
        parts.append(
            f'<line x1="{x:.0f}" y1="{top - 6}" x2="{x:.0f}" y2="{height - 4}" '
            f'stroke="{Palette.SECONDARY_TEXT}" stroke-dasharray="4 4"/>'
            f'<text x="{x:.0f}" font-size="14" text-anchor="middle" fill="{Palette.SECONDARY_TEXT}">'
            f'<tspan x="{x:.0f}" y="{top - 28}">{escape(stage)}</tspan>'
            f'<tspan x="{x:.0f}" y="{top - 11}">from {threshold}%</tspan></text>'
        )
    for index, bar in enumerate(bars):
        y = top + index * row_height
        parts.append(text(left, y + 18, _shorten(bar.label), size=17))
        if bar.percent is None:
            parts.append(text(left, y + 44, "Not enough answers", size=16, colour=Palette.SECONDARY_TEXT))
            continue
        length = max(chart_width * bar.percent / 100, 2)
        colour = Palette.STAGES.get(bar.band or "", Palette.NO_DATA)
        parts.append(f'<rect x="{left}" y="{y + 26}" width="{length:.1f}" height="24" fill="{colour}"/>')
        parts.append(text(left + length + 6, y + 44, f"{bar.percent}%", size=17, bold=True))
    return finish(parts)


def _shorten(label: str, limit: int = 44) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _description(bars: list[Bar], thresholds: Sequence[tuple[int, str]] = ()) -> str:
    results = "; ".join(
        f"{bar.label}: {'not enough answers' if bar.percent is None else f'{bar.percent}%'}" for bar in bars
    )
    lines = ", ".join(f"{stage} from {threshold}%" for threshold, stage in thresholds)
    return f"{results}. Dashed lines mark where each stage starts: {lines}." if lines else results
