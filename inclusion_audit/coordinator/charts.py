"""Server-drawn SVG for the spread of scores in one part of the audit. Always shown next to a table.

Same approach as `guide/chart.py`: plain shapes and text, no script, a title and description for
screen readers. It only ever draws figures that have been through `suppression` (rounded counts).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .figures import DistributionRow
from .stats import BAND_LABELS
from .suppression import FEWER

BAR_COLOUR = "#1d70b8"
SPREAD_COLOUR = "#5694ca"
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
    """Five bars (0-19% ... 80-100%) of organisation counts, with the middle half and median drawn beneath."""
    width, height = LEFT + PLOT_WIDTH + 20, TOP + PLOT_HEIGHT + 90
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
    parts.extend(_spread(row, baseline + 34))
    parts.append("</svg>")
    # Safe: every piece of text above went through escape(); the rest is our own fixed markup.
    return Markup("".join(parts))  # nosec B704


def _spread(row: DistributionRow, y: float) -> list[str]:
    """The middle half as a box and the median as a thick line, on the same 0-100% scale as the bars."""
    spread = row.spread
    if spread is None or spread.lower is None or spread.upper is None or spread.median is None:
        return []
    left, right, median = _x(spread.lower), _x(spread.upper), _x(spread.median)
    return [
        f'<rect x="{left:.1f}" y="{y}" width="{max(right - left, 2):.1f}" height="16" fill="{SPREAD_COLOUR}"/>',
        f'<line x1="{median:.1f}" y1="{y - 4}" x2="{median:.1f}" y2="{y + 20}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="3"/>',
        _text(
            LEFT,
            y + 40,
            f"Middle half: {spread.lower}% to {spread.upper}%. Median: {spread.median}%.",
            TEXT_COLOUR,
            anchor="start",
        ),
    ]


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
    lower, median, upper = row.statistic_texts()
    return (
        f"Organisations with a score: {row.organisations}. {bands}. "
        f"Middle half from {lower} to {upper}, median {median}."
    )
