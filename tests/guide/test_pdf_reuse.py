"""Paragraphs laid out for one guide are reused by the next (a speed-up): the bytes must not change."""

from __future__ import annotations

import datetime
import threading

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


def test_threads_render_the_same_side_by_side():
    guides = _guides()
    fresh = [_fresh(guide) for guide in guides]
    results: dict[int, list[bytes]] = {}

    def work(index: int) -> None:
        results[index] = [render_guide_pdf(guide, generated_on=DAY) for guide in guides * 2]

    threads = [threading.Thread(target=work, args=(index,)) for index in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(output == fresh * 2 for output in results.values())
