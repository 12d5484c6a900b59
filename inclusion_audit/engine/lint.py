"""Style warnings for content editors: things the spec asks for that do not stop the content loading.

These are advice, not errors: a guide still builds if a body runs a little long. `content check`
lists them so editors can tidy up before publishing.
"""

from __future__ import annotations

import re

from .content import Content, SnippetDef
from .rule_checks import unguarded_comparisons

QUESTIONS_PER_SECTION = (5, 9)
QUESTIONS_IN_ALL = (28, 34)
MIN_SNIPPETS = 60
# Short enough that a whole guide stays readable: the first step is in the action, the body adds the how.
BODY_WORDS = (20, 130)
# An action about doing the audit or reading the guide is not a step towards reaching people.
META_ACTION = re.compile(r"\b(audit|this guide|action plan|(top|first) (three|five|3|5) actions)\b", re.IGNORECASE)

# Wording about one audit in particular: an answer to such a question is about that audit, not the next one.
ONE_AUDIT = re.compile(r"\b(first|last|previous|next|this) audit\b", re.IGNORECASE)

LINK_TARGET = re.compile(r"\]\([^)]*\)")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
BODY_CHECKS = (
    (re.compile(r"<[a-zA-Z/!][^>]*>"), "contains HTML; use Markdown only"),
    (re.compile(r"^\s*\|.*\|\s*$", re.MULTILINE), "looks like it contains a table; use a bulleted list"),
    (re.compile(r"!\["), "contains an image; images are not supported"),
    (re.compile(r"^(#{1,2}|#{4,})\s", re.MULTILINE), "uses a heading level other than ###"),
    (re.compile(r"\]\(http://"), "has a link that is not https"),
)


def word_count(markdown: str) -> int:
    # Link addresses are not read by people, so they do not count towards the length.
    return len(WORD.findall(LINK_TARGET.sub("", markdown)))


def body_warnings(snippet: SnippetDef) -> list[str]:
    warnings = [f"{snippet.path}: body {message}" for pattern, message in BODY_CHECKS if pattern.search(snippet.body)]
    words = word_count(snippet.body)
    low, high = BODY_WORDS
    if not low <= words <= high:
        warnings.append(f"{snippet.path}: body has {words} words (aim for {low}-{high})")
    return warnings


def meta_actions(content: Content) -> list[str]:
    """Action lines about the audit or the guide itself, which the plan must never hold."""
    return [
        f"{snippet.path}: action: is about the audit or guide itself: {snippet.meta.action}"
        for snippet in content.snippets
        if snippet.meta.action and META_ACTION.search(f"{snippet.meta.action} {snippet.meta.first_step or ''}")
    ]


def answers_for_one_audit(content: Content) -> list[str]:
    """Questions whose answer holds for one audit only (review questions, or wording that names an audit)
    but would be carried into the next audit: they need `carry_over: false`."""
    problems = []
    for section in content.sections:
        for question in section.questions:
            if not question.carry_over:
                continue
            words = " ".join([question.text, question.hint or "", *(option.label for option in question.options)])
            if question.review:
                reason = "a review question"
            elif match := ONE_AUDIT.search(words):
                reason = f'it says "{match.group(0)}"'
            else:
                continue
            problems.append(f"{section.path}: {question.id} is for one audit ({reason}); add carry_over: false")
    return problems


def content_warnings(content: Content) -> list[str]:
    warnings = []
    low, high = QUESTIONS_PER_SECTION
    for section in content.sections:
        if not low <= len(section.questions) <= high:
            warnings.append(f"{section.path}: has {len(section.questions)} questions (aim for {low}-{high})")
    low, high = QUESTIONS_IN_ALL
    if not low <= len(content.questions) <= high:
        warnings.append(f"sections/: {len(content.questions)} questions in all (aim for {low}-{high})")
    if len(content.snippets) < MIN_SNIPPETS:
        warnings.append(f"snippets/: {len(content.snippets)} snippets (at least {MIN_SNIPPETS} expected)")
    for snippet in content.snippets:
        warnings.extend(body_warnings(snippet))
        warnings.extend(
            f"{snippet.path}: when: compares {name} without `{name} != null and` before it (false when null)"
            for name in unguarded_comparisons(snippet.when_rule)
        )
    return warnings
