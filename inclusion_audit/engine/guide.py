"""Building the tailored guide from content, profile and answers.

Everything here is deterministic: snippets are matched by their `when` rules and then put in a
fixed order, so the same answers always give an identical Guide (which is stored and compared).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from . import rules
from .actions import top_actions, value_of
from .content import Content, HelpEntryDef, SectionDef, SnippetDef
from .model import Fact, Guide, GuideSection, HelpEntry, Overall, Profile, SectionResult, Snippet, Stage
from .schema import HELP_KINDS
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
# How many steps a section chapter gives in full, besides those in the action plan.
FULL_PER_SECTION = 2
HELP_KIND_LABELS = {"help": "Help", "training": "Training", "data": "Data about your area", "guidance": "Guidance"}


def build_guide(
    content: Content, profile: Profile, answers: Mapping[str, object], *, first_audit: bool = True
) -> Guide:
    profile = dataclasses.replace(profile, groups=tuple(profile.groups or ()))
    resolved = resolve_answers(content, profile, answers, first_audit=first_audit)
    results, overall = score_resolved(content, resolved)
    facts = rule_facts(content, profile, resolved, results, overall)
    matched = matched_snippets(content, facts)
    actions = top_actions(content, matched, resolved)
    full = _shown_in_full(content, matched, resolved, {action.snippet_id for action in actions})
    sections = tuple(
        _guide_section(section, result, matched, full)
        for section, result in zip(content.sections, results, strict=True)
    )
    modules = _group_modules(content, matched)
    return Guide(
        profile=profile,
        overall=overall,
        sections=sections,
        actions=actions,
        group_modules=modules,
        signposts=(),
        content_version=content.version,
        labels=guide_labels(content),
        stages=tuple(Stage(s.id, s.label, s.below, s.meaning) for s in content.config.stages),
        facts=_facts(content, [*(s for section in sections for s in section.snippets), *modules]),
        help=_help(content, profile, facts),
        first_audit=first_audit,
        min_scored_share=content.config.scoring.min_scored_share,
    )


def rule_facts(
    content: Content, profile: Profile, resolved: ResolvedAnswers, results: list[SectionResult], overall: Overall
) -> dict[str, Any]:
    """The value of every rule symbol: answers (null if unanswered or hidden), profile and scores."""
    facts: dict[str, Any] = {question_id: None for question_id in content.questions}
    facts.update(resolved.values)
    facts.update(rules.profile_values(profile))
    facts.update(rules.result_values(results, overall))
    facts[rules.FIRST_AUDIT_SYMBOL] = resolved.first_audit
    return facts


def matched_snippets(content: Content, facts: Mapping[str, Any]) -> list[SnippetDef]:
    return [snippet for snippet in content.snippets if rules.matches(snippet.when_rule, facts)]


def _of_kind(snippets: list[SnippetDef], kind: str) -> list[SnippetDef]:
    return [snippet for snippet in snippets if snippet.meta.kind == kind]


def _shown_in_full(
    content: Content, matched: list[SnippetDef], resolved: ResolvedAnswers, planned: set[str]
) -> set[str]:
    """Snippets printed in full: those in the action plan, the most valuable few in each section, and any
    without an action line (short by nature). The rest are shown by title and action, to keep guides short."""
    full = {s.id for s in matched if s.id in planned or not s.meta.action}
    by_section: dict[str, list[tuple[int, str]]] = {}
    for snippet in matched:
        if snippet.meta.section and snippet.meta.action:
            by_section.setdefault(snippet.meta.section, []).append((-value_of(content, snippet, resolved), snippet.id))
    for candidates in by_section.values():
        candidates.sort()
        room = FULL_PER_SECTION - sum(1 for _, sid in candidates if sid in planned)
        full.update(sid for _, sid in [c for c in candidates if c[1] not in planned][: max(room, 0)])
    return full


def _guide_section(
    section: SectionDef, result: SectionResult, matched: list[SnippetDef], full: set[str]
) -> GuideSection:
    position = {question.id: index for index, question in enumerate(section.questions)}

    def order(snippet: SnippetDef) -> tuple[int, int, str]:
        first_question = min((position.get(q, len(position)) for q in snippet.meta.questions), default=len(position))
        return first_question, SECTION_KIND_ORDER.get(snippet.meta.kind, len(SECTION_KIND_ORDER)), snippet.id

    own = sorted((s for s in matched if s.meta.section == section.id), key=order)
    snippets = tuple(dataclasses.replace(s.to_output(section), brief=s.id not in full) for s in own)
    return GuideSection(result=result, intro=section.intro, snippets=snippets)


def _group_modules(content: Content, matched: list[SnippetDef]) -> tuple[Snippet, ...]:
    group_order = {group: index for index, group in enumerate(content.config.profile.groups)}
    modules = sorted(
        _of_kind(matched, "group-module"), key=lambda s: (group_order.get(s.meta.group or "", len(group_order)), s.id)
    )
    return tuple(s.to_output(None) for s in modules)


def _facts(content: Content, shown: list[Snippet]) -> tuple[Fact, ...]:
    """Facts shown in every guide, then those the guidance printed in full relies on, in the order it refers to them."""
    wanted = [fact.id for fact in content.facts if fact.meta.always]
    wanted += [fact_id for snippet in shown if not snippet.brief for fact_id in snippet.facts]
    return tuple(content.facts_by_id[fact_id].to_output() for fact_id in dict.fromkeys(wanted))


def _help(content: Content, profile: Profile, facts: Mapping[str, Any]) -> tuple[HelpEntry, ...]:
    """The organisation's local pack (by its area), then national help, each filtered by its rule."""

    def applies(entry: HelpEntryDef) -> bool:
        if entry.area is not None and entry.area != profile.area:
            return False
        return entry.when_rule is None or rules.matches(entry.when_rule, facts)

    kind_order = {kind: index for index, kind in enumerate(HELP_KINDS)}
    chosen = [entry for entry in content.help if applies(entry)]
    chosen.sort(key=lambda entry: (entry.area is None, kind_order[entry.meta.kind]))
    return tuple(entry.to_output() for entry in chosen)


def guide_labels(content: Content) -> dict[str, dict[str, str]]:
    """Display labels for every code a Guide contains, so renderers need not read the content."""
    config = content.config
    return {
        "bands": {band.id: band.label for band in config.stages},
        "band_meanings": {band.id: band.meaning for band in config.stages},
        "sections": {section.id: section.title for section in content.sections},
        "org_types": dict(config.profile.org_types),
        "size_bands": dict(config.profile.size_bands),
        "areas": dict(config.profile.areas),
        "local_areas": {
            place: label for places in config.profile.local_areas.values() for place, label in places.items()
        },
        "groups": dict(config.profile.groups),
        # String keys so that the labels survive a round trip through JSON unchanged.
        "principles": {str(number): text for number, text in config.principles.items()},
        "core20plus5": dict(config.core20plus5),
        "kinds": dict(KIND_LABELS),
        "effort": dict(EFFORT_LABELS),
        "help_kinds": dict(HELP_KIND_LABELS),
    }
