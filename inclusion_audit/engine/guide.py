"""Building the tailored guide from content, profile and answers.

Everything here is deterministic: snippets are matched by their `when` rules and then put in a
fixed order, so the same answers always give an identical Guide (which is stored and compared).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from . import rules
from .actions import top_actions
from .content import Content, SectionDef, SnippetDef
from .model import Guide, GuideSection, Overall, Profile, SectionResult, Snippet
from .scoring import ResolvedAnswers, resolve_answers, score_resolved

SECTION_KIND_ORDER = {"get-started": 0, "find-out": 1, "strengthen": 2, "sustain": 3}
KIND_LABELS = {
    "get-started": "Get started",
    "find-out": "Find out",
    "strengthen": "Strengthen",
    "sustain": "Sustain and share",
    "group-module": "Working with this group",
    "signpost": "Where to find help",
}
EFFORT_LABELS = {"quick-win": "Quick win", "longer-term": "Longer term"}


def build_guide(content: Content, profile: Profile, answers: Mapping[str, object]) -> Guide:
    profile = dataclasses.replace(profile, groups=tuple(profile.groups or ()))
    resolved = resolve_answers(content, profile, answers)
    results, overall = score_resolved(content, resolved)
    matched = matched_snippets(content, rule_facts(content, profile, resolved, results, overall))
    return Guide(
        profile=profile,
        overall=overall,
        sections=tuple(
            _guide_section(section, result, matched) for section, result in zip(content.sections, results, strict=True)
        ),
        actions=top_actions(content, matched, results, resolved),
        group_modules=_group_modules(content, matched),
        signposts=tuple(
            s.to_output(None) for s in sorted(_of_kind(matched, "signpost"), key=lambda s: (s.meta.priority, s.id))
        ),
        content_version=content.version,
        labels=guide_labels(content),
    )


def rule_facts(
    content: Content, profile: Profile, resolved: ResolvedAnswers, results: list[SectionResult], overall: Overall
) -> dict[str, Any]:
    """The value of every rule symbol: answers (null if unanswered or hidden), profile and scores."""
    facts: dict[str, Any] = {question_id: None for question_id in content.questions}
    facts.update(resolved.values)
    facts.update(rules.profile_values(profile))
    facts.update(rules.result_values(results, overall))
    return facts


def matched_snippets(content: Content, facts: Mapping[str, Any]) -> list[SnippetDef]:
    return [snippet for snippet in content.snippets if rules.matches(snippet.when_rule, facts)]


def _of_kind(snippets: list[SnippetDef], kind: str) -> list[SnippetDef]:
    return [snippet for snippet in snippets if snippet.meta.kind == kind]


def _guide_section(section: SectionDef, result: SectionResult, matched: list[SnippetDef]) -> GuideSection:
    position = {question.id: index for index, question in enumerate(section.questions)}

    def order(snippet: SnippetDef) -> tuple[int, int, str]:
        first_question = min((position.get(q, len(position)) for q in snippet.meta.questions), default=len(position))
        return first_question, SECTION_KIND_ORDER.get(snippet.meta.kind, len(SECTION_KIND_ORDER)), snippet.id

    own = sorted((s for s in matched if s.meta.section == section.id), key=order)
    return GuideSection(result=result, intro=section.intro, snippets=tuple(s.to_output(section) for s in own))


def _group_modules(content: Content, matched: list[SnippetDef]) -> tuple[Snippet, ...]:
    group_order = {group: index for index, group in enumerate(content.config.profile.groups)}
    modules = sorted(
        _of_kind(matched, "group-module"), key=lambda s: (group_order.get(s.meta.group or "", len(group_order)), s.id)
    )
    return tuple(s.to_output(None) for s in modules)


def guide_labels(content: Content) -> dict[str, dict[str, str]]:
    """Display labels for every code a Guide contains, so renderers need not read the content."""
    config = content.config
    return {
        "bands": {band.id: band.label for band in config.bands},
        "band_meanings": {band.id: band.meaning for band in config.bands},
        "sections": {section.id: section.title for section in content.sections},
        "org_types": dict(config.profile.org_types),
        "size_bands": dict(config.profile.size_bands),
        "areas": dict(config.profile.areas),
        "groups": dict(config.profile.groups),
        # String keys so that the labels survive a round trip through JSON unchanged.
        "principles": {str(number): text for number, text in config.principles.items()},
        "core20plus5": dict(config.core20plus5),
        "kinds": dict(KIND_LABELS),
        "effort": dict(EFFORT_LABELS),
    }
