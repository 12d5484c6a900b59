"""Template filters shared by every page."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from markupsafe import Markup

from .dates import format_date, format_date_time


def long_date(value: date | datetime | None) -> str:
    """'24 November 2026', the GOV.UK date style."""
    return format_date(value)


def markdown_filter(text: str) -> Markup:
    from .guide.markdown import parse, to_html

    return to_html(parse(text))


def init_templating(app: Flask) -> None:
    app.add_template_filter(long_date, "long_date")
    app.add_template_filter(format_date_time, "date_and_time")
    app.add_template_filter(markdown_filter, "markdown")
