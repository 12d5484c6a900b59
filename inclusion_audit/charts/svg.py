"""The pieces every chart shares: its opening tag with an accessible name, and escaped text."""

from __future__ import annotations

from markupsafe import Markup, escape

from .palette import Palette


def opening(chart_id: str, title: str, description: str, width: float, height: float) -> list[str]:
    """The SVG's start: a role of img, named by its title and described by its description (both escaped)."""
    return [
        f'<svg class="app-chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" xmlns="http://www.w3.org/2000/svg" '
        'preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def text(
    x: float,
    y: float,
    words: str,
    *,
    size: int = 14,
    colour: str = Palette.TEXT,
    bold: bool = False,
    anchor: str = "start",
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{colour}"{weight}>'
        f"{escape(words)}</text>"
    )


def finish(parts: list[str]) -> Markup:
    parts.append("</svg>")
    # Safe: every piece of text went through escape() (opening() and text() above); the rest is fixed markup.
    return Markup("".join(parts))  # nosec B704
