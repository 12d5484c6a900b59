"""Guidance Markdown, parsed once into a small block model that both the HTML page and the PDF draw from.

Content editors write a deliberately small subset of Markdown: paragraphs, headings, bullet and numbered
lists, bold, italic, inline code and links. Parsing it into plain frozen dataclasses (rather than letting
each renderer interpret Markdown itself) means the web page and the PDF cannot drift apart, and link
safety is decided in exactly one place: a `Run.href` is only ever set to an http(s) or mailto address.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

# Raw HTML off: a "<script>" typed into content is shown as text, never passed through.
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with one combination of styles. "\\n" in `text` is a hard line break."""

    text: str
    strong: bool = False
    em: bool = False
    code: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1


Block = Paragraph | Heading | BulletList | OrderedList


def safe_href(url: str | None) -> str | None:
    """The URL if it is one we are happy to link to (http, https or mailto), otherwise None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # for example a malformed IPv6 host
        return None
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES:
        return None
    if scheme == "mailto":
        return url.strip() if parts.path else None
    return url.strip() if parts.netloc else None


def parse(markdown: str) -> list[Block]:
    """Parse guidance Markdown into blocks. Unsupported constructs degrade to plain paragraphs."""
    return list(_parse_cached(markdown or ""))


def inline_runs(markdown: str) -> tuple[Run, ...]:
    """A one-paragraph text (a help entry's description) as runs, to sit inside a list item. Text that is
    more than paragraphs (a list, a heading) is given as it was typed rather than lose any of it."""
    blocks = parse(markdown)
    if not all(isinstance(block, Paragraph) for block in blocks):
        return (Run(markdown),)
    runs: list[Run] = []
    for block in blocks:
        runs += [Run(" ")] if runs else []
        runs += block.runs
    return _merge(runs)


def plain_text(runs: Iterable[Run]) -> str:
    """The runs' text with styling dropped, for bookmarks, titles and tests."""
    return "".join(run.text for run in runs)


# The same snippet bodies are parsed for every guide; blocks are immutable, so sharing them is safe.
@lru_cache(maxsize=1024)
def _parse_cached(markdown: str) -> tuple[Block, ...]:
    return tuple(_read_blocks(iter(_parser.parse(markdown)), until=None))


def _read_blocks(tokens: Iterator[Token], until: str | None) -> list[Block]:
    """Consume block tokens up to (and including) the closing token `until`."""
    blocks: list[Block] = []
    for token in tokens:
        kind = token.type
        if kind == until:
            break
        if kind in ("heading_open", "paragraph_open"):
            runs = _read_inline(tokens)
            if runs and kind == "heading_open":
                blocks.append(Heading(level=int(token.tag[1:]), runs=runs))
            elif runs:
                blocks.append(Paragraph(runs))
        elif kind == "bullet_list_open":
            blocks.append(BulletList(_read_items(tokens, "bullet_list_close")))
        elif kind == "ordered_list_open":
            start = token.attrGet("start")
            blocks.append(OrderedList(_read_items(tokens, "ordered_list_close"), start=int(start or 1)))
        elif kind == "blockquote_open":
            # Quotes have no special meaning in guidance, so their content simply flows on.
            blocks.extend(_read_blocks(tokens, "blockquote_close"))
        elif kind in ("fence", "code_block") and token.content.strip():
            blocks.append(Paragraph((Run(token.content.rstrip("\n"), code=True),)))
    return blocks


def _read_items(tokens: Iterator[Token], until: str) -> tuple[ListItem, ...]:
    items = []
    for token in tokens:
        if token.type == until:
            break
        if token.type == "list_item_open":
            items.append(ListItem(tuple(_read_blocks(tokens, "list_item_close"))))
    return tuple(items)


def _read_inline(tokens: Iterator[Token]) -> tuple[Run, ...]:
    """Read the inline token and the closing tag that follow a paragraph or heading opener."""
    inline = next(tokens)
    next(tokens)
    return _runs(inline.children or [])


# Inline tokens that carry text: None means "use the token's content" (for an image, its alt text).
_TEXT_TOKENS: dict[str, str | None] = {
    "text": None,
    "html_inline": None,
    "image": None,
    "softbreak": " ",
    "hardbreak": "\n",
}
_STYLE_TOKENS = {
    "strong_open": ("strong", 1),
    "strong_close": ("strong", -1),
    "em_open": ("em", 1),
    "em_close": ("em", -1),
}


def _runs(children: Sequence[Token]) -> tuple[Run, ...]:
    runs: list[Run] = []
    depth = {"strong": 0, "em": 0}
    links: list[str | None] = []

    def add(text: str, code: bool = False) -> None:
        if text:
            href = links[-1] if links else None
            runs.append(Run(text, strong=depth["strong"] > 0, em=depth["em"] > 0, code=code, href=href))

    for child in children:
        kind = child.type
        if kind in _TEXT_TOKENS:
            add(_TEXT_TOKENS[kind] or child.content)
        elif kind == "code_inline":
            add(child.content, code=True)
        elif kind in _STYLE_TOKENS:
            style, step = _STYLE_TOKENS[kind]
            depth[style] += step
        elif kind == "link_open":
            links.append(safe_href(str(child.attrGet("href") or "")))
        elif kind == "link_close" and links:
            links.pop()
    return _merge(runs)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs with identical styling, so renderers emit fewer tags."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last and (last.strong, last.em, last.code, last.href) == (run.strong, run.em, run.code, run.href):
            merged[-1] = Run(last.text + run.text, last.strong, last.em, last.code, last.href)
        else:
            merged.append(run)
    return tuple(merged)


# --- HTML -------------------------------------------------------------------------------------------


# Guidance is shown under a snippet title (an h3 on the guide page), so its own headings start at h4.
DEFAULT_TOP_HEADING_LEVEL = 4


def to_html(blocks: Iterable[Block], *, top_heading_level: int = DEFAULT_TOP_HEADING_LEVEL) -> Markup:
    """Render blocks as GOV.UK Frontend HTML. A Markdown "#" becomes <h{top_heading_level}>."""
    # Safe: _block_html escapes every piece of content text and only emits our own tags.
    return Markup("".join(_block_html(block, top_heading_level) for block in blocks))  # nosec B704


def inline_html(markdown: str) -> Markup:
    """A one-paragraph text as HTML to go inside another element (no <p>)."""
    # Safe: _inline_html escapes every piece of text and only emits our own tags.
    return Markup(_inline_html(inline_runs(markdown)))  # nosec B704


def _block_html(block: Block, top: int) -> str:
    if isinstance(block, Paragraph):
        return f'<p class="govuk-body">{_inline_html(block.runs)}</p>'
    if isinstance(block, Heading):
        level = min(6, top + block.level - 1)
        size = "m" if level <= 2 else "s"
        return f'<h{level} class="govuk-heading-{size}">{_inline_html(block.runs)}</h{level}>'
    items = "".join(_item_html(item, top) for item in block.items)
    if isinstance(block, BulletList):
        return f'<ul class="govuk-list govuk-list--bullet">{items}</ul>'
    start = f' start="{block.start}"' if block.start != 1 else ""
    return f'<ol class="govuk-list govuk-list--number"{start}>{items}</ol>'


def _item_html(item: ListItem, top: int) -> str:
    # GOV.UK lists hold their text directly in the <li>; only later paragraphs get their own <p>.
    blocks = list(item.blocks)
    lead = _inline_html(blocks.pop(0).runs) if blocks and isinstance(blocks[0], Paragraph) else ""
    return f"<li>{lead}{''.join(_block_html(block, top) for block in blocks)}</li>"


def _inline_html(runs: Iterable[Run]) -> str:
    parts = []
    for href, group in groupby(runs, key=lambda run: run.href):
        inner = "".join(_styled_html(run) for run in group)
        parts.append(f'<a class="govuk-link" href="{escape(href)}">{inner}</a>' if href else inner)
    return "".join(parts)


def _styled_html(run: Run) -> str:
    text = str(escape(run.text)).replace("\n", "<br>")
    if run.code:
        text = f"<code>{text}</code>"
    if run.em:
        text = f"<em>{text}</em>"
    if run.strong:
        text = f"<strong>{text}</strong>"
    return text
