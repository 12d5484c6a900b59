"""Columns of organisation counts in score bands (0-19% ... 80-100%), for the spread of scores in one section.

It draws only what it is given: a count of None (hidden by disclosure control) draws no column, just the words
given for it, so a chart can never show more than the table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .palette import Palette
from .svg import finish, opening, text

LEFT, PLOT_WIDTH, TOP, PLOT_HEIGHT = 40, 560, 30, 140


def _scale_top(counts: Sequence[int | None]) -> int:
    """A round number at or above the tallest column, so heights compare honestly."""
    tallest = max((count for count in counts if count), default=5)
    return max(5, -(-tallest // 5) * 5)


def spread_chart(
    bands: Sequence[tuple[str, int | None]],
    *,
    title: str,
    description: str,
    note: str,
    hidden: str,
    chart_id: str,
) -> Markup:
    """`bands` are (label, count) from the lowest band up; `hidden` is what a None count reads as."""
    width, height = LEFT + PLOT_WIDTH + 20, TOP + PLOT_HEIGHT + 50
    baseline = TOP + PLOT_HEIGHT
    counts = [count for _, count in bands]
    top = _scale_top(counts)
    column = PLOT_WIDTH / max(len(bands), 1)
    parts = opening(chart_id, title, description, width, height)
    parts += [
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT + PLOT_WIDTH}" y2="{TOP}" stroke="{Palette.BORDER}" '
        'stroke-dasharray="4 4"/>',
        text(LEFT - 6, TOP + 5, str(top), size=13, colour=Palette.SECONDARY_TEXT, anchor="end"),
        text(LEFT - 6, baseline + 5, "0", size=13, colour=Palette.SECONDARY_TEXT, anchor="end"),
    ]
    for index, (label, count) in enumerate(bands):
        left, right = LEFT + column * index + 4, LEFT + column * (index + 1) - 4
        middle = (left + right) / 2
        if count is None:
            parts.append(text(middle, baseline - 8, hidden, colour=Palette.SECONDARY_TEXT, anchor="middle"))
        else:
            bar = PLOT_HEIGHT * count / top
            parts.append(
                f'<rect x="{left:.1f}" y="{baseline - bar:.1f}" width="{right - left:.1f}" height="{bar:.1f}" '
                f'fill="{Palette.BRAND}"/>'
            )
            parts.append(text(middle, baseline - bar - 6, str(count), bold=True, anchor="middle"))
        parts.append(text(middle, baseline + 18, label, anchor="middle"))
    parts.append(
        f'<line x1="{LEFT}" y1="{baseline}" x2="{LEFT + PLOT_WIDTH}" y2="{baseline}" stroke="{Palette.TEXT}"/>'
    )
    parts.append(text(LEFT, baseline + 44, note))
    return finish(parts)
