"""Which questions are shown, and the per-section and overall scores.

A section's percentage is the points scored over the points possible, counting only questions that
are shown and answered with a scored option. "Does not apply" and "Not sure" are left out of both
sides, so they can never lower a score; a section with nothing scorable has no percentage at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import rules
from .content import Content, QuestionDef, SectionDef
from .model import Overall, Profile, SectionResult
from .schema import Band

MAX_SCORE = 3
DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class ResolvedAnswers:
    """The answers that count: only shown questions, only values the question offers."""

    values: Mapping[str, str]
    visible: frozenset[str]


def resolve_answers(content: Content, profile: Profile, answers: Mapping[str, object]) -> ResolvedAnswers:
    # Questions are visited in audit order, so a `show_when` sees the earlier answers exactly as the
    # form would: an answer to a question that is itself hidden reads as null.
    values: dict[str, str] = {}
    visible: set[str] = set()
    facts = rules.profile_values(profile)
    for question in content.questions.values():
        if question.show_rule is not None and not rules.matches(question.show_rule, {**facts, **values}):
            continue
        visible.add(question.id)
        answer = answers.get(question.id)
        if isinstance(answer, str) and question.option(answer) is not None:
            values[question.id] = answer
    return ResolvedAnswers(values=values, visible=frozenset(visible))


def visible_questions(
    content: Content, section_id: str, profile: Profile, answers: Mapping[str, object]
) -> list[QuestionDef]:
    """The section's questions that this organisation is asked, in order (unknown section: empty list)."""
    section = content.sections_by_id.get(section_id)
    if section is None:
        return []
    visible = resolve_answers(content, profile, answers).visible
    return [question for question in section.questions if question.id in visible]


def percent_of(points: int, max_points: int) -> int | None:
    """Whole-number percentage, halves rounded up (62.5 -> 63); None when nothing was scorable."""
    if max_points <= 0:
        return None
    return (200 * points + max_points) // (2 * max_points)


def band_for(bands: list[Band], percent: int | None) -> Band | None:
    if percent is None:
        return None
    return next((band for band in bands if band.below is None or percent < band.below), bands[-1])


@dataclass
class _Tally:
    points: int = 0
    scored: int = 0
    answered: int = 0
    questions: int = 0
    dont_know: int = 0
    not_applicable: int = 0

    def add(self, question: QuestionDef, value: str | None) -> None:
        self.questions += 1
        if value is None:
            return
        self.answered += 1
        self.dont_know += value == DONT_KNOW
        self.not_applicable += value == NOT_APPLICABLE
        option = question.option(value)
        if option is not None and option.score is not None:
            self.points += option.score
            self.scored += 1


def score(content: Content, profile: Profile, answers: Mapping[str, object]) -> tuple[list[SectionResult], Overall]:
    return score_resolved(content, resolve_answers(content, profile, answers))


def score_resolved(content: Content, resolved: ResolvedAnswers) -> tuple[list[SectionResult], Overall]:
    overall = _Tally()
    results = []
    for section in content.sections:
        tally = _Tally()
        for question in section.questions:
            if question.id in resolved.visible:
                tally.add(question, resolved.values.get(question.id))
                overall.add(question, resolved.values.get(question.id))
        results.append(_section_result(content, section, tally))
    percent = percent_of(overall.points, MAX_SCORE * overall.scored)
    band = band_for(content.config.bands, percent)
    return results, Overall(
        percent=percent,
        band=band.id if band else None,
        band_label=band.label if band else None,
        dont_know=overall.dont_know,
        not_applicable=overall.not_applicable,
    )


def _section_result(content: Content, section: SectionDef, tally: _Tally) -> SectionResult:
    max_points = MAX_SCORE * tally.scored
    percent = percent_of(tally.points, max_points)
    band = band_for(content.config.bands, percent)
    return SectionResult(
        section_id=section.id,
        title=section.title,
        principle=section.principle,
        percent=percent,
        band=band.id if band else None,
        band_label=band.label if band else None,
        points=tally.points,
        max_points=max_points,
        answered=tally.answered,
        questions=tally.questions,
        dont_know=tally.dont_know,
        not_applicable=tally.not_applicable,
    )
