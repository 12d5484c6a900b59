"""Shares (0-100%) side by side: for each section, one bar per area or group, under the section's title.

It draws only what it is given: a hidden share draws no bar, only the words given for it, so the chart can never
show more than the table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .palette import Palette
from .svg import finish, opening, text

LABEL_WIDTH, PLOT_WIDTH, BAR_HEIGHT, GAP = 280, 300, 22, 6


@dataclass(frozen=True)
class Block:
    title: str  # the section
    bars: tuple[tuple[str, int | None, str], ...]  # (area or group, share or None, what the share reads as)


def comparison_chart(blocks: Sequence[Block], *, title: str, chart_id: str) -> Markup:
    width = LABEL_WIDTH + PLOT_WIDTH + 110
    height = 10 + sum(30 + len(block.bars) * (BAR_HEIGHT + GAP) + 10 for block in blocks)
    parts = opening(chart_id, title, _description(blocks), width, height)
    y = 10
    for block in blocks:
        parts.append(text(0, y + 18, block.title, size=16, bold=True))
        y += 30
        for index, (label, value, words) in enumerate(block.bars):
            middle = y + BAR_HEIGHT / 2 + 5
            parts.append(text(LABEL_WIDTH - 8, middle, _shorten(label), anchor="end"))
            parts.append(
                f'<line x1="{LABEL_WIDTH}" y1="{y}" x2="{LABEL_WIDTH}" y2="{y + BAR_HEIGHT}" stroke="{Palette.TEXT}"/>'
            )
            if value is None:
                parts.append(text(LABEL_WIDTH + 6, middle, words, colour=Palette.SECONDARY_TEXT))
            else:
                length = max(PLOT_WIDTH * value / 100, 2)
                colour = Palette.SERIES[0] if index else Palette.TEXT  # the first bar is everyone: set apart
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{colour}"/>'
                )
                parts.append(text(LABEL_WIDTH + length + 6, middle, words, bold=True))
            y += BAR_HEIGHT + GAP
        y += 10
    return finish(parts)


def _shorten(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _description(blocks: Sequence[Block]) -> str:
    return " ".join(
        f"{block.title}: " + "; ".join(f"{label} {words}" for label, _, words in block.bars) + "." for block in blocks
    )
