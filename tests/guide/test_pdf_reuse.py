"""Paragraphs laid out for one guide are reused by the next (a speed-up): the bytes must not change.

Kept paragraphs are per thread, but there is no test rendering in several threads at once: on Python 3.11
reportlab's contents page (ast.literal_eval) can rarely hit CPython's thread-unsafe AST recursion counter
(python/cpython#106905, fixed in 3.13), with or without this reuse.
"""

from __future__ import annotations

import datetime

from inclusion_audit.engine import build_guide
from inclusion_audit.engine.answers_file import load_answers_file
from inclusion_audit.guide.pdf import render_guide_pdf
from inclusion_audit.guide.pdf_text import forget_kept_paragraphs
from tests.engine.real_content import EXAMPLES, require_real_content

DAY = datetime.date(2026, 11, 24)


def _guides():
    content = require_real_content()
    return [
        build_guide(content, *load_answers_file(content, EXAMPLES / name))
        for name in sorted(p.name for p in EXAMPLES.glob("*.yml"))
    ]


def _fresh(guide) -> bytes:
    forget_kept_paragraphs()
    return render_guide_pdf(guide, generated_on=DAY)


def test_a_guide_renders_the_same_after_other_guides():
    guides = _guides()
    fresh = [_fresh(guide) for guide in guides]
    forget_kept_paragraphs()
    for _ in range(2):
        for guide, expected in zip(reversed(guides), reversed(fresh), strict=True):
            assert render_guide_pdf(guide, generated_on=DAY) == expected
