"""Which questions are shown, and the per-section and overall scores.

A section's percentage is the points scored over the points possible, counting only questions that
are shown and answered with a scored option. "Does not apply" and "Not sure" are left out of both
sides, so they can never lower a score. They cannot raise one by hiding weak answers either: a
section gets a percentage only when enough of the questions that apply were answered on the scale
(`scoring.min_scored_share` in config.yml), otherwise it shows "not enough answers". Review questions
(`review: true`) are not scored on an organisation's first audit, when there is nothing to review.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import rules
from .content import Content, QuestionDef, SectionDef
from .model import Overall, Profile, SectionResult
from .schema import StageSpec

MAX_SCORE = 3
DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class ResolvedAnswers:
    """The answers that count: only shown questions, only values the question offers."""

    values: Mapping[str, str]
    visible: frozenset[str]
    first_audit: bool = True


def answer_for(question: QuestionDef, answers: Mapping[str, object]) -> str | None:
    """The question's answer: under its own id, else under an id it was renamed from (stored audits)."""
    for key in (question.id, *question.renamed_from):
        answer = answers.get(key)
        if isinstance(answer, str) and question.option(answer) is not None:
            return answer
    return None


def resolve_answers(
    content: Content, profile: Profile, answers: Mapping[str, object], *, first_audit: bool = True
) -> ResolvedAnswers:
    # Questions are visited in audit order, so a `show_when` sees the earlier answers exactly as the
    # form would: an answer to a question that is itself hidden reads as null.
    values: dict[str, str] = {}
    visible: set[str] = set()
    facts = {**rules.profile_values(profile), rules.FIRST_AUDIT_SYMBOL: first_audit}
    for question in content.questions.values():
        if question.show_rule is not None and not rules.matches(question.show_rule, {**facts, **values}):
            continue
        visible.add(question.id)
        answer = answer_for(question, answers)
        if answer is not None:
            values[question.id] = answer
    return ResolvedAnswers(values=values, visible=frozenset(visible), first_audit=first_audit)


def visible_questions(
    content: Content, section_id: str, profile: Profile, answers: Mapping[str, object], *, first_audit: bool = True
) -> list[QuestionDef]:
    """The section's questions that this organisation is asked, in order (unknown section: empty list)."""
    section = content.sections_by_id.get(section_id)
    if section is None:
        return []
    visible = resolve_answers(content, profile, answers, first_audit=first_audit).visible
    return [question for question in section.questions if question.id in visible]


def percent_of(points: int, max_points: int) -> int | None:
    """Whole-number percentage, halves rounded up (62.5 -> 63); None when nothing was scorable."""
    if max_points <= 0:
        return None
    return (200 * points + max_points) // (2 * max_points)


def band_for(bands: list[StageSpec], percent: int | None) -> StageSpec | None:
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
    not_scored_first_audit: int = 0

    def add(self, question: QuestionDef, value: str | None, first_audit: bool) -> None:
        self.questions += 1
        if question.review and first_audit:
            # Nothing to review yet: asked for the guidance it brings, but neither scored nor counted as missing.
            self.not_scored_first_audit += 1
            self.answered += value is not None
            return
        if value is None:
            return
        self.answered += 1
        self.dont_know += value == DONT_KNOW
        self.not_applicable += value == NOT_APPLICABLE
        option = question.option(value)
        if option is not None and option.score is not None:
            self.points += option.score
            self.scored += 1

    def enough(self, share: float) -> bool:
        """Whether enough of the questions that apply were answered on the scale to give a fair percentage."""
        applicable = self.questions - self.not_applicable - self.not_scored_first_audit
        return self.scored > 0 and self.scored >= share * applicable


def score(
    content: Content, profile: Profile, answers: Mapping[str, object], *, first_audit: bool = True
) -> tuple[list[SectionResult], Overall]:
    return score_resolved(content, resolve_answers(content, profile, answers, first_audit=first_audit))


def score_resolved(content: Content, resolved: ResolvedAnswers) -> tuple[list[SectionResult], Overall]:
    overall = _Tally()
    share = content.config.scoring.min_scored_share
    results = []
    for section in content.sections:
        tally = _Tally()
        for question in section.questions:
            if question.id in resolved.visible:
                tally.add(question, resolved.values.get(question.id), resolved.first_audit)
                overall.add(question, resolved.values.get(question.id), resolved.first_audit)
        results.append(_section_result(content, section, tally, share))
    percent = percent_of(overall.points, MAX_SCORE * overall.scored) if overall.enough(share) else None
    band = band_for(content.config.stages, percent)
    return results, Overall(
        percent=percent,
        band=band.id if band else None,
        band_label=band.label if band else None,
        dont_know=overall.dont_know,
        not_applicable=overall.not_applicable,
        scored=overall.scored,
    )


def _section_result(content: Content, section: SectionDef, tally: _Tally, share: float) -> SectionResult:
    max_points = MAX_SCORE * tally.scored
    percent = percent_of(tally.points, max_points) if tally.enough(share) else None
    band = band_for(content.config.stages, percent)
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
        scored=tally.scored,
        not_scored_first_audit=tally.not_scored_first_audit,
    )
