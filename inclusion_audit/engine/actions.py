"""The action plan: the five steps likely to make the most difference, drawn from the matched guidance.

Each candidate is worth its author's impact (from `priority`: 1 is the most important) times the gap on
the questions it is about (how far the answer is below the top of the scale). The most valuable come
first, quick wins ahead of longer-term work when equal, then audit order; the snippet id settles any
remaining tie so the same answers always give the same plan. At most two steps come from one section
(group chapters count together as one), so the plan is not a to-do list for a single area.
"""

from __future__ import annotations

from collections.abc import Iterable

from .content import Content, SnippetDef
from .model import Action
from .scoring import DONT_KNOW, ResolvedAnswers

ACTION_PLAN_SIZE = 5
MAX_ACTIONS_PER_SECTION = 2
# Priority runs 1 (most important) to 5; impact turns it round so that more is better.
TOP_IMPACT = 6
# "Not sure" is a gap too, but a smaller one than a known "not started": finding out comes first.
NOT_SURE_GAP = 2
# Guidance for a group the organisation serves, not tied to any one answer.
GROUP_GAP = 2
GROUP_CHAPTERS = "groups"


def gap(content: Content, snippet: SnippetDef, resolved: ResolvedAnswers) -> int:
    """The largest distance below the top answer among the snippet's questions (0 when all are at the top).

    "Find out" guidance is about the questions answered "Not sure", so only those count for it.
    """
    if snippet.meta.kind == "find-out":
        unsure = any(resolved.values.get(question_id) == DONT_KNOW for question_id in snippet.meta.questions)
        return NOT_SURE_GAP if unsure else 0
    gaps = []
    for question_id in snippet.meta.questions:
        question = content.questions.get(question_id)
        value = resolved.values.get(question_id)
        if question is None or value is None:
            continue
        if value == DONT_KNOW:
            gaps.append(NOT_SURE_GAP)
            continue
        option = question.option(value)
        if option is not None and option.score is not None:
            gaps.append(question.top_score - option.score)
    if not gaps and snippet.meta.kind == "group-module":
        return GROUP_GAP
    return max(gaps, default=0)


def value_of(content: Content, snippet: SnippetDef, resolved: ResolvedAnswers) -> int:
    return (TOP_IMPACT - snippet.meta.priority) * gap(content, snippet, resolved)


def _chapter(snippet: SnippetDef) -> str:
    return snippet.meta.section or GROUP_CHAPTERS


def top_actions(content: Content, matched: Iterable[SnippetDef], resolved: ResolvedAnswers) -> tuple[Action, ...]:
    # Audit order breaks ties: sections as asked, then questions within them; group chapters come last.
    position = {question_id: index for index, question_id in enumerate(content.questions)}

    def audit_order(snippet: SnippetDef) -> int:
        return min((position.get(q, len(position)) for q in snippet.meta.questions), default=len(position))

    candidates = [s for s in matched if s.meta.action and s.meta.in_plan]
    valued = [(value_of(content, s, resolved), s) for s in candidates]
    ranked = sorted(
        ((value, s) for value, s in valued if value > 0),
        key=lambda item: (-item[0], item[1].meta.effort != "quick-win", audit_order(item[1]), item[1].id),
    )
    actions: list[Action] = []
    per_chapter: dict[str, int] = {}
    seen_texts: set[str] = set()
    for _, snippet in ranked:
        text = snippet.meta.action or ""
        chapter = _chapter(snippet)
        # Two snippets sharing the same action line would read as a repeated step.
        if text.casefold() in seen_texts or per_chapter.get(chapter, 0) >= MAX_ACTIONS_PER_SECTION:
            continue
        seen_texts.add(text.casefold())
        per_chapter[chapter] = per_chapter.get(chapter, 0) + 1
        section = content.section_of(snippet)
        actions.append(
            Action(
                rank=len(actions) + 1,
                text=text,
                snippet_id=snippet.id,
                section_id=snippet.meta.section,
                section_title=section.title if section else None,
                effort=snippet.meta.effort,
                principles=snippet.principles(section),
                core20plus5=tuple(snippet.meta.core20plus5),
                first_step=snippet.meta.first_step,
                group=snippet.meta.group,
            )
        )
        if len(actions) == ACTION_PLAN_SIZE:
            break
    return tuple(actions)
