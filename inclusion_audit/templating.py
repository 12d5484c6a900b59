"""Template filters shared by every page, and compiled templates shared by every app in the process."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from markupsafe import Markup

from .dates import format_date, format_date_time
from .guide.markdown import inline_html, parse, to_html


def long_date(value: date | datetime | None) -> str:
    """'24 November 2026', the GOV.UK date style."""
    return format_date(value)


def markdown_filter(text: str) -> Markup:
    return to_html(parse(text))


def inline_markdown_filter(text: str) -> Markup:
    return inline_html(text)


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for every app this process makes.

    Each app has its own Jinja environment, so without this every new app (every test, a second app in
    the same process) parses and compiles the GOV.UK component macros again. Jinja stores a checksum of
    the source with the code, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


SHARED_BYTECODE = SharedBytecodeCache()


def init_templating(app: Flask) -> None:
    app.add_template_filter(long_date, "long_date")
    app.add_template_filter(format_date_time, "date_and_time")
    app.add_template_filter(markdown_filter, "markdown")
    app.add_template_filter(inline_markdown_filter, "inline_markdown")
