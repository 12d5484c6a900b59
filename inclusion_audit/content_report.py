"""The full `flask content check` report: the engine's checks, plus what only the running app can measure.

Reading time is counted from the question pages as they really render (each section with every question
shown, hints and answer labels included; the site header and footer are not counted). Guide length is
counted from each example's PDF, rendered with the real renderer. Targets come from the guide issue:
13 minutes to complete, the starting-out example within 2,500 words and 12 pages, no guide over 16 pages.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from flask import Flask, render_template

from .audit.section_form import build_section_form, radios_for
from .engine import Content, build_guide, check_report, find_problems
from .engine.answers_file import load_example
from .engine.tags import tag_summary
from .guide.pdf import guide_figures
from .models import NOTES_LIMIT

WORDS_PER_MINUTE = 200
SECONDS_PER_QUESTION = 10
MAX_MINUTES = 13
MAX_PAGES = 16
FIRST_GUIDE = "starting-out"
FIRST_GUIDE_WORDS, FIRST_GUIDE_PAGES = 2_500, 12
# Guides are dated in the report so the same content always gives the same figures.
REPORT_DATE = datetime.date(2026, 12, 1)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")


class _MainText(HTMLParser):
    """The visible text inside <main>, leaving out scripts, styles and hidden elements."""

    SKIPPED = {"script", "style", "template"}

    def __init__(self) -> None:
        super().__init__()
        self.in_main = 0
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.in_main += 1
        if tag in self.SKIPPED or any(name == "hidden" for name, _ in attrs):
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.in_main -= 1
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if self.in_main and not self.skipping:
            self.parts.append(data)


def visible_words(html: str) -> int:
    parser = _MainText()
    parser.feed(html)
    return len(WORD.findall(" ".join(parser.parts)))


def question_page_words(app: Flask, content: Content) -> dict[str, int]:
    """Words on each section's question page, rendered with every question shown (the longest it can be)."""
    words = {}
    for number, section in enumerate(content.sections, start=1):
        questions = list(section.questions)
        with app.test_request_context(f"/audit/section/{section.id}"):
            html = render_template(
                "audit/section.html",
                section=section,
                questions=questions,
                form=build_section_form(questions, require_all=False),
                radios=radios_for(questions),
                notes_limit=NOTES_LIMIT,
                conflict=[],
                restored=False,
                from_check=False,
                number=number,
                total=len(content.sections),
            )
        words[section.id] = visible_words(html)
    return words


def completion_minutes(words: int, questions: int) -> float:
    return words / WORDS_PER_MINUTE + questions * SECONDS_PER_QUESTION / 60


@dataclass(frozen=True)
class ExampleFigures:
    name: str
    words: int
    pages: int
    actions: tuple[str, ...]

    @property
    def within_targets(self) -> bool:
        if self.name == FIRST_GUIDE and (self.words > FIRST_GUIDE_WORDS or self.pages > FIRST_GUIDE_PAGES):
            return False
        return self.pages <= MAX_PAGES


def example_figures(content: Content, examples: Path) -> list[ExampleFigures]:
    figures = []
    for path in sorted(Path(examples).glob("*.yml")):
        example = load_example(content, path)
        guide = build_guide(content, example.profile, example.answers, first_audit=example.first_audit)
        measured = guide_figures(guide, generated_on=REPORT_DATE)
        actions = tuple(action.text for action in guide.actions)
        figures.append(ExampleFigures(path.stem, measured.words, measured.pages, actions))
    return figures


def full_report(app: Flask, content: Content, examples: Path) -> tuple[str, bool]:
    """The report text, and whether every check passed and every target was met."""
    findings = find_problems(content)
    lines = [check_report(content, findings).rstrip("\n"), tag_summary(content)]
    pages = question_page_words(app, content)
    total = sum(pages.values())
    minutes = completion_minutes(total, len(content.questions))
    lines.append(f"Question pages: {total:,} words on screen (main content; header and footer not counted)")
    lines += [f"  {section_id}: {count:,} words" for section_id, count in pages.items()]
    lines.append(
        f"Time to complete: {total:,} words / {WORDS_PER_MINUTE} a minute + {SECONDS_PER_QUESTION} seconds x "
        f"{len(content.questions)} questions = {minutes:.1f} minutes (target {MAX_MINUTES})"
    )
    examples = example_figures(content, examples)
    lines.append(
        f"Example guides (targets: {FIRST_GUIDE} at most {FIRST_GUIDE_WORDS:,} words and {FIRST_GUIDE_PAGES} "
        f"pages; every guide at most {MAX_PAGES} pages):"
    )
    for figures in examples:
        mark = "" if figures.within_targets else "  <- over target"
        lines.append(f"  {figures.name}: {figures.words:,} words, {figures.pages} pages{mark}")
        lines += [f"    {rank}. {text}" for rank, text in enumerate(figures.actions, start=1)]
    passed = not findings.failing and minutes <= MAX_MINUTES and all(f.within_targets for f in examples)
    lines.append("All checks passed and every target is met." if passed else "Some checks failed: see above.")
    return "\n".join(lines) + "\n", passed
