"""Guidance Markdown: one parse into blocks, rendered to escaped GOV.UK HTML with only safe links."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from inclusion_audit.guide.markdown import (
    BulletList,
    Heading,
    OrderedList,
    Paragraph,
    Run,
    parse,
    plain_text,
    safe_href,
    to_html,
)


def html(markdown: str) -> str:
    return str(to_html(parse(markdown)))


def test_paragraph_with_inline_styles_becomes_runs():
    [block] = parse("Plain **bold _both_** *em* `code`")

    assert block == Paragraph(
        (
            Run("Plain "),
            Run("bold ", strong=True),
            Run("both", strong=True, em=True),
            Run(" "),
            Run("em", em=True),
            Run(" "),
            Run("code", code=True),
        )
    )


def test_headings_and_lists_become_blocks():
    blocks = parse("## Next steps\n\n- one\n- two\n\n3. third\n4. fourth\n")

    assert isinstance(blocks[0], Heading) and blocks[0].level == 2
    assert plain_text(blocks[0].runs) == "Next steps"
    assert isinstance(blocks[1], BulletList) and len(blocks[1].items) == 2
    assert isinstance(blocks[2], OrderedList) and blocks[2].start == 3


def test_nested_list_stays_inside_its_item():
    [outer] = parse("- parent\n  - child\n")

    first_item = outer.items[0]
    assert isinstance(first_item.blocks[0], Paragraph)
    assert isinstance(first_item.blocks[1], BulletList)


def test_paragraph_html_uses_govuk_classes():
    assert html("Hello") == '<p class="govuk-body">Hello</p>'


def test_list_html_uses_govuk_list_classes():
    assert html("- a\n- b") == '<ul class="govuk-list govuk-list--bullet"><li>a</li><li>b</li></ul>'
    assert html("1. a\n2. b") == '<ol class="govuk-list govuk-list--number"><li>a</li><li>b</li></ol>'
    assert 'start="5"' in html("5. a\n6. b")


def test_headings_start_below_the_snippet_title_by_default():
    assert html("# Big\n\n### Small") == '<h4 class="govuk-heading-s">Big</h4><h6 class="govuk-heading-s">Small</h6>'
    top = str(to_html(parse("# Big"), top_heading_level=2))
    assert top == '<h2 class="govuk-heading-m">Big</h2>'


def test_raw_html_is_escaped_not_passed_through():
    out = html('Hi <script>alert("x")</script> & <b>bold</b>')

    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out
    assert "&amp;" in out


def test_html_block_is_escaped_too():
    out = html('<div onclick="evil()">\n\nafter')

    assert "<div" not in out
    assert "&lt;div" in out


def test_http_https_and_mailto_links_become_govuk_links():
    out = html("[a](https://www.gov.uk/x) [b](http://example.org) [c](mailto:help@example.org)")

    assert '<a class="govuk-link" href="https://www.gov.uk/x">a</a>' in out
    assert '<a class="govuk-link" href="http://example.org">b</a>' in out
    assert '<a class="govuk-link" href="mailto:help@example.org">c</a>' in out


def test_autolinks_are_links():
    assert '<a class="govuk-link" href="https://nhs.uk">https://nhs.uk</a>' in html("<https://nhs.uk>")


def test_unsafe_or_relative_links_render_as_text():
    out = html("[x](javascript:alert(1)) [y](/relative) [z](ftp://host/file) [w](data:text/html,hi) [v](vbscript:x)")

    assert "<a" not in out
    for label in ("y", "z", "v"):
        assert label in out


def test_link_href_is_attribute_escaped():
    out = html('[a](https://example.org/?q=1&r="2")')

    assert 'href="https://example.org/?q=1&amp;r=%222%22"' in out


def test_link_text_keeps_its_styles():
    out = html("[**bold link**](https://example.org)")

    assert out == (
        '<p class="govuk-body"><a class="govuk-link" href="https://example.org"><strong>bold link</strong></a></p>'
    )


def test_hard_break_becomes_br_and_soft_break_a_space():
    assert html("one  \ntwo") == '<p class="govuk-body">one<br>two</p>'
    assert html("one\ntwo") == '<p class="govuk-body">one two</p>'


def test_images_show_their_alt_text_only():
    out = html("![A map of the area](https://example.org/map.png)")

    assert "<img" not in out
    assert "A map of the area" in out


def test_code_blocks_are_kept_as_escaped_text():
    out = html("```\n<tag> & more\n```")

    assert "<code>&lt;tag&gt; &amp; more</code>" in out


def test_html_is_markup_so_templates_do_not_escape_it_again():
    assert isinstance(to_html(parse("hi")), Markup)


def test_empty_input_gives_no_blocks():
    assert parse("") == []
    assert to_html([]) == Markup("")


def test_safe_href_rules():
    assert safe_href("https://www.gov.uk") == "https://www.gov.uk"
    assert safe_href("  HTTPS://WWW.GOV.UK  ") == "HTTPS://WWW.GOV.UK"
    assert safe_href("mailto:a@b.org") == "mailto:a@b.org"
    for bad in (None, "", "javascript:alert(1)", "//evil.example", "/path", "https://", "mailto:", "http://[::1"):
        assert safe_href(bad) is None


def test_parsed_blocks_are_not_shared_between_callers():
    first = parse("text")
    first.clear()
    assert parse("text") != []


@given(st.text())
def test_any_text_renders_without_raw_tags_or_unsafe_links(text: str):
    out = html(text)

    # Every tag in the output is one we generate; everything else was escaped.
    for tag in re.findall(r"</?([a-zA-Z0-9]+)", out):
        assert tag in {"p", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code", "br"}
    for href in re.findall(r'href="([^"]*)"', out):
        assert href.lower().startswith(("http://", "https://", "mailto:"))
