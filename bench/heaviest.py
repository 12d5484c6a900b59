"""The most demanding guide: the profile and answers that match the most snippets (then the most text).

A seeded hill climb over the profile choices and every question's options, from a few random starts.
Matching is cheap (rules only, no Guide), so the search takes a second or two.
"""

from __future__ import annotations

import dataclasses
import random

from inclusion_audit.engine import Content, Profile, resolve_answers, score
from inclusion_audit.engine.guide import matched_snippets, rule_facts

STARTS = 4


def weight(content: Content, profile: Profile, answers: dict[str, str]) -> tuple[int, int]:
    """(snippets matched, characters of their text): what makes a guide long."""
    resolved = resolve_answers(content, profile, answers)
    results, overall = score(content, profile, answers)
    matched = matched_snippets(content, rule_facts(content, profile, resolved, results, overall))
    return len(matched), sum(len(snippet.body) for snippet in matched)


def heaviest(content: Content, seed: int = 2026) -> tuple[Profile, dict[str, str], tuple[int, int]]:
    lists = content.config.profile
    choices = {
        "org_type": list(lists.org_types),
        "size_band": list(lists.size_bands),
        "area": list(lists.areas),
    }
    rng = random.Random(seed)
    best: tuple[Profile, dict[str, str], tuple[int, int]] | None = None
    for _ in range(STARTS):
        profile = Profile(
            name="Riverside Community Trust and Drop-in Project",
            groups=tuple(lists.groups),  # every group: one module each
            **{field: rng.choice(values) for field, values in choices.items()},
        )
        answers = {q.id: rng.choice(q.values) for q in content.questions.values()}
        found = _climb(content, profile, answers, choices)
        if best is None or found[2] > best[2]:
            best = found
    assert best is not None  # noqa: S101
    return best


def _climb(content, profile, answers, choices) -> tuple[Profile, dict[str, str], tuple[int, int]]:
    current = weight(content, profile, answers)
    improved = True
    while improved:
        improved = False
        for field, values in choices.items():
            for value in values:
                candidate = dataclasses.replace(profile, **{field: value})
                score_ = weight(content, candidate, answers)
                if score_ > current:
                    profile, current, improved = candidate, score_, True
        for question in content.questions.values():
            for value in question.values:
                candidate_answers = {**answers, question.id: value}
                score_ = weight(content, profile, candidate_answers)
                if score_ > current:
                    answers, current, improved = candidate_answers, score_, True
    return profile, answers, current
