"""Server-drawn SVG for the spread of scores in one part of the audit. Always shown next to a table.

Same approach as `guide/chart.py`: plain shapes and text, no script, a title and description for
screen readers. It only ever draws figures that have been through `disclosure` (perturbed counts).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..disclosure import BAND_LABELS, FEWER
from .figures import DistributionRow

BAR_COLOUR = "#1d70b8"
TEXT_COLOUR = "#0b0c0c"
SECONDARY_TEXT = "#505a5f"
LEFT, PLOT_WIDTH, TOP, PLOT_HEIGHT = 40, 560, 30, 140


def _x(percent: float) -> float:
    return LEFT + PLOT_WIDTH * percent / 100


def _scale_top(counts: tuple[int | None, ...]) -> int:
    """A round number at or above the tallest bar, so bar heights compare honestly."""
    tallest = max((count for count in counts if count), default=5)
    return max(5, -(-tallest // 5) * 5)


def distribution_chart(row: DistributionRow, *, chart_id: str) -> Markup:
    """Five bars (0-19% ... 80-100%) of organisation counts, with the middle band named beneath."""
    width, height = LEFT + PLOT_WIDTH + 20, TOP + PLOT_HEIGHT + 50
    baseline = TOP + PLOT_HEIGHT
    top = _scale_top(row.band_counts)
    parts = [
        f'<svg class="app-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{escape(row.title)}: spread of scores</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(row))}</desc>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT + PLOT_WIDTH}" y2="{TOP}" stroke="#b1b4b6" stroke-dasharray="4 4"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 5}" font-size="13" text-anchor="end" fill="{SECONDARY_TEXT}">{top}</text>',
        f'<text x="{LEFT - 6}" y="{baseline + 5}" font-size="13" text-anchor="end" fill="{SECONDARY_TEXT}">0</text>',
    ]
    for index, (count, label) in enumerate(zip(row.band_counts, BAND_LABELS, strict=True)):
        left, right = _x(index * 20) + 4, _x(index * 20 + 20) - 4
        middle = (left + right) / 2
        if count is None:
            parts.append(_text(middle, baseline - 8, FEWER, SECONDARY_TEXT))
        else:
            bar = PLOT_HEIGHT * count / top
            parts.append(
                f'<rect x="{left:.1f}" y="{baseline - bar:.1f}" width="{right - left:.1f}" height="{bar:.1f}" '
                f'fill="{BAR_COLOUR}"/>'
            )
            parts.append(_text(middle, baseline - bar - 6, str(count), TEXT_COLOUR, bold=True))
        parts.append(_text(middle, baseline + 18, label, TEXT_COLOUR))
    parts.append(f'<line x1="{LEFT}" y1="{baseline}" x2="{LEFT + PLOT_WIDTH}" y2="{baseline}" stroke="{TEXT_COLOUR}"/>')
    parts.append(_text(LEFT, baseline + 44, f"Middle band: {row.middle}.", TEXT_COLOUR, anchor="start"))
    parts.append("</svg>")
    # Safe: every piece of text above went through escape(); the rest is our own fixed markup.
    return Markup("".join(parts))  # nosec B704


def _text(x: float, y: float, text: str, colour: str, *, bold: bool = False, anchor: str = "middle") -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="14" text-anchor="{anchor}" fill="{colour}"{weight}>'
        f"{escape(text)}</text>"
    )


def describe(row: DistributionRow) -> str:
    """The chart's figures in a sentence, for its text alternative."""
    if not row.enough:
        return f"{row.title}: figures are hidden because {row.organisations} organisations have a score."
    bands = "; ".join(f"{label}: {text}" for label, text in zip(BAND_LABELS, row.band_texts, strict=True))
    return f"Organisations with a score: {row.organisations}. {bands}. Middle band: {row.middle}."
