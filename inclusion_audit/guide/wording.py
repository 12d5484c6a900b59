"""Sentences the results page, the web guide and the PDF all say, written once so they say the same."""

from __future__ import annotations

from collections.abc import Iterable

from ..engine.model import Stage

NOT_ENOUGH_ANSWERS = "Not enough answers"
# Steps a chapter lists by their action only, after the guidance it gives in full.
MORE_STEPS = "More steps to consider"


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def actions_heading(number: int) -> str:
    """The action plan's heading, always matching the number of actions shown."""
    if number == 0:
        return "Your actions"
    return "Your first action" if number == 1 else f"Your {number} actions"


def unscored_note(dont_know: int, not_applicable: int) -> str:
    """Overall: how many answers were left out of the scores, or nothing when none were."""
    parts = []
    if dont_know:
        parts.append(f"{count(dont_know, 'answer')} \u201cNot sure\u201d")
    if not_applicable:
        parts.append(f"{count(not_applicable, 'answer')} \u201cDoes not apply\u201d")
    return f"Not scored: {' and '.join(parts)}." if parts else ""


def scored_note(
    scored: int | None, questions: int, *, dont_know: int = 0, not_applicable: int = 0, first_audit: int = 0
) -> str:
    """A section: how many questions counted, and why the others did not."""
    extras = []
    if dont_know:
        extras.append(f"{dont_know} \u201cNot sure\u201d")
    if not_applicable:
        extras.append(f"{not_applicable} \u201cDoes not apply\u201d")
    if first_audit:
        extras.append(f"{first_audit} not scored on a first audit")
    # Guides stored before `scored` was kept: the answered questions minus the unscored ones.
    text = f"{scored} of {count(questions, 'question')} scored" if scored is not None else count(questions, "question")
    return f"{text} ({', '.join(extras)})." if extras else f"{text}."


def stage_ranges(stages: Iterable[Stage]) -> str:
    """'Emerging: below 40%. Developing: 40% to 74%. Established: 75% or more.' from the stored stages."""
    parts, low = [], 0
    for stage in stages:
        if stage.below is None:
            parts.append(f"{stage.label}: {low}% or more.")
        else:
            high = int(stage.below)
            parts.append(f"{stage.label}: below {high}%." if low == 0 else f"{stage.label}: {low}% to {high - 1}%.")
            low = high
    return " ".join(parts)


def share_rule(share: float | None) -> str:
    """The rule for "not enough answers", as the guide was scored; empty for guides scored without one."""
    if not share:
        return ""
    amount = "half" if share == 0.5 else f"{round(share * 100)}%"
    return (
        f"A section gets a score only when at least {amount} of the questions that apply were answered on the "
        "scale; otherwise it shows \u201cnot enough answers\u201d."
    )
