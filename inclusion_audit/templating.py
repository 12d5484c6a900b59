"""Template filters shared by every page."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from markupsafe import Markup


def long_date(value: date | datetime | None) -> str:
    """'24 November 2026', the GOV.UK date style."""
    if value is None:
        return ""
    from .guide.pdf import format_date  # English month names whatever the server's locale

    return format_date(value if not isinstance(value, datetime) else value.date())


def markdown_filter(text: str) -> Markup:
    from .guide.markdown import parse, to_html

    return to_html(parse(text))


def init_templating(app: Flask) -> None:
    app.add_template_filter(long_date, "long_date")
    app.add_template_filter(markdown_filter, "markdown")
