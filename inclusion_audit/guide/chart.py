"""Server-drawn SVG bar charts. Always shown next to a table holding the same figures.

No JavaScript and no chart library: the SVG is simple shapes and text, so it prints, zooms and
works without scripts. Screen readers get the table; the SVG carries a text alternative too.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

BAND_COLOURS = {"emerging": "#d4351c", "developing": "#f47738", "established": "#00703c"}
NO_DATA_COLOUR = "#b1b4b6"


@dataclass(frozen=True)
class Bar:
    label: str
    percent: int | None
    band: str | None = None


def bar_chart(bars: list[Bar], *, title: str, thresholds: tuple[int, ...] = ()) -> Markup:
    """Horizontal bars from 0 to 100%, one row per bar, with dashed lines at the band thresholds."""
    label_width, chart_width, row_height, top = 260, 400, 44, 24
    height = top + row_height * len(bars) + 24
    width = label_width + chart_width + 70
    parts = [
        f'<svg class="app-chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(_description(bars))}</desc>',
    ]
    for threshold in thresholds:
        x = label_width + chart_width * threshold / 100
        parts.append(
            f'<line x1="{x:.0f}" y1="{top - 8}" x2="{x:.0f}" y2="{height - 20}" '
            'stroke="#505a5f" stroke-dasharray="4 4"/>'
            f'<text x="{x:.0f}" y="{top - 12}" font-size="13" text-anchor="middle" fill="#505a5f">{threshold}%</text>'
        )
    for index, bar in enumerate(bars):
        y = top + index * row_height
        parts.append(
            f'<text x="{label_width - 10}" y="{y + 24}" font-size="15" text-anchor="end" fill="#0b0c0c">'
            f"{escape(_shorten(bar.label))}</text>"
        )
        if bar.percent is None:
            parts.append(
                f'<text x="{label_width + 6}" y="{y + 24}" font-size="15" fill="#505a5f">Not enough answers</text>'
            )
            continue
        length = max(chart_width * bar.percent / 100, 2)
        colour = BAND_COLOURS.get(bar.band or "", NO_DATA_COLOUR)
        parts.append(
            f'<rect x="{label_width}" y="{y + 6}" width="{length:.1f}" height="26" fill="{colour}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 24}" font-size="15" font-weight="bold" fill="#0b0c0c">'
            f"{bar.percent}%</text>"
        )
    parts.append(
        f'<line x1="{label_width}" y1="{top - 4}" x2="{label_width}" y2="{height - 20}" stroke="#0b0c0c"/></svg>'
    )
    return Markup("".join(parts))


def _shorten(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _description(bars: list[Bar]) -> str:
    return "; ".join(
        f"{bar.label}: {'not enough answers' if bar.percent is None else f'{bar.percent}%'}" for bar in bars
    )
