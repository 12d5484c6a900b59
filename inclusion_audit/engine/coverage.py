"""Does the content give guidance for every answer? Used by `content check` and by the tests.

An answer "triggers" a snippet when the snippet matches with that answer given and does not match
with the question left unanswered (profile empty, all other questions unanswered). Comparing with
that baseline stops an always-shown signpost from hiding a question that has no guidance.
"""

from __future__ import annotations

from .content import Content, QuestionDef, SnippetDef
from .guide import matched_snippets, rule_facts
from .model import Profile
from .scoring import ResolvedAnswers, score_resolved

EMPTY_PROFILE = Profile(name="")
LOW_SCORES = (0, 1)
MIDDLE_SCORE = 2
HIGH_SCORE = 3


def triggered_by(content: Content, answers: dict[str, str], profile: Profile = EMPTY_PROFILE) -> list[SnippetDef]:
    """Snippets matched with `answers` and `profile` but not with no answers and an empty profile."""
    baseline = {snippet.id for snippet in _matched(content, {}, EMPTY_PROFILE)}
    return [snippet for snippet in _matched(content, answers, profile) if snippet.id not in baseline]


def _matched(content: Content, answers: dict[str, str], profile: Profile) -> list[SnippetDef]:
    # Every question counts as shown here: coverage is about the guidance, not about show_when.
    resolved = ResolvedAnswers(values=answers, visible=frozenset(content.questions))
    results, overall = score_resolved(content, resolved)
    return matched_snippets(content, rule_facts(content, profile, resolved, results, overall))


def _answer_gaps(content: Content, question: QuestionDef) -> list[str]:
    gaps = []
    for option in question.options:
        if option.score is None and option.value != "dont_know":
            continue
        triggered = triggered_by(content, {question.id: option.value})
        if option.value == "dont_know":
            if not any(s.meta.kind == "find-out" for s in triggered):
                gaps.append(f'{question.id} = "dont_know" triggers no find-out snippet')
        elif not triggered:
            gaps.append(f'{question.id} = "{option.value}" (score {option.score}) triggers no snippet')
    return gaps


def coverage_gaps(content: Content) -> list[str]:
    """One line per answer or group that no snippet responds to; empty when coverage is complete."""
    gaps = [gap for question in content.questions.values() for gap in _answer_gaps(content, question)]
    for group in content.config.profile.groups:
        profile = Profile(name="", groups=(group,))
        modules = [
            s for s in triggered_by(content, {}, profile) if s.meta.kind == "group-module" and s.meta.group == group
        ]
        if not modules:
            gaps.append(f'group "{group}" has no group-module shown when only that group is chosen')
    return gaps
