"""The top-5 action plan: the most useful next steps drawn from the matched guidance.

Ranking puts the weakest sections first, then the weakest answers within them, then quick wins
ahead of longer-term work, then the editor's priority; the snippet id settles any remaining tie so
that the same answers always give the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .content import Content, SnippetDef
from .model import Action, SectionResult
from .schema import KINDS_NEEDING_ACTION
from .scoring import ResolvedAnswers

ACTION_PLAN_SIZE = 5
# A plan of five steps all from one section reads as a to-do list for that section alone; capping
# each section spreads the plan over the weakest areas while still putting the weakest first.
MAX_ACTIONS_PER_SECTION = 2


def lowest_score(content: Content, snippet: SnippetDef, resolved: ResolvedAnswers) -> int | None:
    """The lowest scored answer among the questions the snippet is about (None if none is scored)."""
    scores = []
    for question_id in snippet.meta.questions:
        question = content.questions.get(question_id)
        value = resolved.values.get(question_id)
        option = question.option(value) if question and value else None
        if option is not None and option.score is not None:
            scores.append(option.score)
    return min(scores, default=None)


def _rank_key(
    snippet: SnippetDef, percents: Mapping[str | None, int | None], lowest: int | None
) -> tuple[bool, int, bool, int, bool, int, str]:
    percent = percents.get(snippet.meta.section)
    # Unknown values (no section percent, no scored answer) sort after known ones.
    return (
        percent is None,
        percent or 0,
        lowest is None,
        lowest or 0,
        snippet.meta.effort != "quick-win",
        snippet.meta.priority,
        snippet.id,
    )


def _spread(ranked: list[SnippetDef]) -> list[SnippetDef]:
    """Ranked order, but a section's third and later candidates wait until every other candidate is used."""
    counts: dict[str | None, int] = {}
    first, later = [], []
    for snippet in ranked:
        counts[snippet.meta.section] = counts.get(snippet.meta.section, 0) + 1
        (first if counts[snippet.meta.section] <= MAX_ACTIONS_PER_SECTION else later).append(snippet)
    return first + later


def top_actions(
    content: Content, matched: Iterable[SnippetDef], results: Iterable[SectionResult], resolved: ResolvedAnswers
) -> tuple[Action, ...]:
    percents: dict[str | None, int | None] = {result.section_id: result.percent for result in results}
    candidates = [s for s in matched if s.meta.kind in KINDS_NEEDING_ACTION and s.meta.action]
    ranked = sorted(candidates, key=lambda s: _rank_key(s, percents, lowest_score(content, s, resolved)))
    actions: list[Action] = []
    seen_texts: set[str] = set()
    for snippet in _spread(ranked):
        text = snippet.meta.action or ""
        # Two snippets sharing the same action line would read as a repeated step.
        if text.casefold() in seen_texts:
            continue
        seen_texts.add(text.casefold())
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
            )
        )
        if len(actions) == ACTION_PLAN_SIZE:
            break
    return tuple(actions)
