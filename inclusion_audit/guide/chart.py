"""Server-drawn SVG bar charts. Always shown next to a table holding the same figures.

No JavaScript and no chart library: the SVG is simple shapes and text, so it prints, zooms and
works without scripts. Screen readers get the table; the SVG carries a text alternative too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..engine.model import Guide

# Stages are steps on a journey, not a mark: no red for the first one. Each colour keeps 3:1 against white.
BAND_COLOURS = {"emerging": "#5694ca", "developing": "#1d70b8", "established": "#00703c"}
NO_DATA_COLOUR = "#b1b4b6"


@dataclass(frozen=True)
class Bar:
    label: str
    percent: int | None
    band: str | None = None


def bar_chart(bars: list[Bar], *, title: str, thresholds: Sequence[tuple[int, str]] = ()) -> Markup:
    """Bars from 0 to 100%, each under its own label (narrow enough to stay legible on a phone), with a dashed
    line at each stage threshold, labelled with the stage that starts there: (40, "Developing") reads
    "Developing" over "from 40%"."""
    left, chart_width, row_height, top = 4, 400, 58, 50
    height = top + row_height * len(bars) + 8
    width = left + chart_width + 64
    parts = [
        f'<svg class="app-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(_description(bars, thresholds))}</desc>',
    ]
    for threshold, stage in thresholds:
        x = left + chart_width * threshold / 100
        parts.append(
            f'<line x1="{x:.0f}" y1="{top - 6}" x2="{x:.0f}" y2="{height - 4}" '
            'stroke="#505a5f" stroke-dasharray="4 4"/>'
            f'<text x="{x:.0f}" font-size="14" text-anchor="middle" fill="#505a5f">'
            f'<tspan x="{x:.0f}" y="{top - 28}">{escape(stage)}</tspan>'
            f'<tspan x="{x:.0f}" y="{top - 11}">from {threshold}%</tspan></text>'
        )
    for index, bar in enumerate(bars):
        y = top + index * row_height
        label = escape(_shorten(bar.label))
        parts.append(f'<text x="{left}" y="{y + 18}" font-size="17" fill="#0b0c0c">{label}</text>')
        if bar.percent is None:
            parts.append(f'<text x="{left}" y="{y + 44}" font-size="16" fill="#505a5f">Not enough answers</text>')
            continue
        length = max(chart_width * bar.percent / 100, 2)
        colour = BAND_COLOURS.get(bar.band or "", NO_DATA_COLOUR)
        parts.append(
            f'<rect x="{left}" y="{y + 26}" width="{length:.1f}" height="24" fill="{colour}"/>'
            f'<text x="{left + length + 6:.1f}" y="{y + 44}" font-size="17" font-weight="bold" fill="#0b0c0c">'
            f"{bar.percent}%</text>"
        )
    parts.append("</svg>")
    # Safe: every piece of text above went through escape(); the rest is our own fixed markup.
    return Markup("".join(parts))  # nosec B704


def _shorten(label: str, limit: int = 44) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _description(bars: list[Bar], thresholds: Sequence[tuple[int, str]] = ()) -> str:
    results = "; ".join(
        f"{bar.label}: {'not enough answers' if bar.percent is None else f'{bar.percent}%'}" for bar in bars
    )
    lines = ", ".join(f"{stage} from {threshold}%" for threshold, stage in thresholds)
    return f"{results}. Dashed lines mark where each stage starts: {lines}." if lines else results


def results_chart(guide: Guide, title: str = "Your result in each section of the audit") -> Markup:
    """The bar chart of section results (also used by coordinators' read-only view).

    Its stage lines come from the guide as stored, so an old audit shows the stages it was scored on.
    """
    bars = [Bar(s.result.title, s.result.percent, s.result.band) for s in guide.sections]
    # Each threshold is where the next stage starts, so the line is labelled with that stage.
    starts = [
        (int(stage.below), following.label)
        for stage, following in zip(guide.stages, guide.stages[1:], strict=False)
        if stage.below is not None
    ]
    return bar_chart(bars, title=title, thresholds=starts)
