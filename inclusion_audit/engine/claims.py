"""Proving that guidance never contradicts the answers it is shown for.

Each snippet declares what its text assumes (`claims: {question: [answers]}`; a group module assumes
its group was chosen). A rule can only look at a handful of symbols, each with a small set of possible
values, so we check every combination of the values the rule can see: if the rule ever holds where a
claim does not, that combination is the counterexample. Checking them all is a proof, not a sample.

Two kinds of guidance must never meet on one question: "get started" (low answers) and "strengthen" or
"sustain" (middle and top answers). Once every claim is proved, two snippets can only appear together
if their claims about a shared question overlap, so checking that no such claims overlap completes the proof.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import rules
from .content import Content, SnippetDef
from .errors import problem
from .rule_checks import symbols_used

# Beyond this many combinations a rule is too tangled to prove quickly; the editor is asked to simplify it.
MAX_COMBINATIONS = 200_000
LOW_KIND = "get-started"
HIGH_KINDS = frozenset({"strengthen", "sustain"})
PERCENTS: tuple[int | None, ...] = (None, *range(101))


@dataclass(frozen=True)
class Domains:
    """Every value each rule symbol can take."""

    values: Mapping[str, Sequence[Any]]

    @classmethod
    def of(cls, content: Content) -> Domains:
        lists = content.config.profile
        values: dict[str, Sequence[Any]] = {qid: (None, *q.values) for qid, q in content.questions.items()}
        values["org_type"] = (None, *lists.org_types)
        values["size_band"] = (None, *lists.size_bands)
        values["area"] = (None, *lists.areas)
        values["local_area"] = (None, *(place for places in lists.local_areas.values() for place in places))
        groups = list(lists.groups)
        values[rules.GROUPS_SYMBOL] = [
            combo for size in range(len(groups) + 1) for combo in itertools.combinations(groups, size)
        ]
        values[rules.FAMILIES_SYMBOL] = (None, True, False)
        values[rules.FIRST_AUDIT_SYMBOL] = (True, False)
        stage_ids = (None, *(stage.id for stage in content.config.stages))
        for section in content.sections:
            values[rules.percent_symbol(section.id)] = PERCENTS
            values[rules.band_symbol(section.id)] = stage_ids
        values[rules.OVERALL_PERCENT] = PERCENTS
        return cls(values)

    def size(self, symbols: Sequence[str]) -> int:
        total = 1
        for symbol in symbols:
            total *= len(self.values[symbol])
        return total

    def assignments(self, symbols: Sequence[str]) -> Iterator[dict[str, Any]]:
        for combo in itertools.product(*(self.values[symbol] for symbol in symbols)):
            yield dict(zip(symbols, combo, strict=True))


def _shown(text: object) -> str:
    if text is None:
        return "unanswered"
    if isinstance(text, tuple):
        return "[" + ", ".join(text) + "]"
    return f'"{text}"'


def _example(assignment: Mapping[str, Any]) -> str:
    return ", ".join(f"{name} = {_shown(value)}" for name, value in assignment.items())


def _claims(snippet: SnippetDef) -> dict[str, frozenset[str]]:
    return {question: frozenset(values) for question, values in snippet.meta.claims.items()}


def _unprovable(snippet: SnippetDef, used: Sequence[str], domains: Domains) -> list[str]:
    """Claims no combination could ever prove: the rule does not look at what they are about."""
    meta, path = snippet.meta, snippet.path
    problems = [
        problem(path, f"claims.{question}", "the rule never checks this question, so it cannot assume an answer")
        for question in meta.claims
        if question not in used
    ]
    if meta.group is not None and rules.GROUPS_SYMBOL not in used:
        problems.append(problem(path, "when", f'the rule must check that "{meta.group}" is in groups'))
    if not problems and domains.size(used) > MAX_COMBINATIONS:
        problems.append(problem(path, "when", f"too many combinations to prove ({domains.size(used):,}); simplify it"))
    return problems


def _first_failures(snippet: SnippetDef, used: Sequence[str], domains: Domains) -> dict[str, dict[str, Any]]:
    """For each claim (and "group"), the first combination where the rule holds but the claim does not."""
    claims, group = _claims(snippet), snippet.meta.group
    failed: dict[str, dict[str, Any]] = {}
    for assignment in domains.assignments(used):
        if not rules.matches(snippet.when_rule, assignment):
            continue
        for question, allowed in claims.items():
            if question not in failed and assignment[question] not in allowed:
                failed[question] = assignment
        if group is not None and "group" not in failed and group not in assignment[rules.GROUPS_SYMBOL]:
            failed["group"] = assignment
    return failed


def _unproved(snippet: SnippetDef, domains: Domains) -> list[str]:
    """One problem line per claim the rule does not guarantee, with a counterexample."""
    meta, path = snippet.meta, snippet.path
    if not meta.claims and meta.group is None:
        return []  # nothing claimed, nothing to prove
    used = [symbol for symbol in symbols_used(snippet.when_rule) if symbol in domains.values]
    problems = _unprovable(snippet, used, domains)
    if problems:
        return problems
    for name, assignment in _first_failures(snippet, used, domains).items():
        if name == "group":
            message = f'shown when "{meta.group}" is not among the groups (for example {_example(assignment)})'
            problems.append(problem(path, "group", message))
        else:
            found = _shown(assignment[name])
            message = f"the rule also holds when {name} is {found} (for example {_example(assignment)})"
            problems.append(problem(path, f"claims.{name}", message))
    return problems


def _clashes(content: Content) -> list[str]:
    """Get-started guidance whose claims overlap those of strengthen or sustain guidance on a shared question.

    With every claim proved, disjoint claims mean the two can never appear together. The loader already
    keeps get-started claims to low answers and the others to middle and top ones, so this finds nothing
    unless that rule is loosened; it is kept so the proof does not silently depend on it.
    """
    problems = []
    low = [s for s in content.snippets if s.meta.kind == LOW_KIND]
    high = [s for s in content.snippets if s.meta.kind in HIGH_KINDS]
    for first in low:
        for second in high:
            for question in (q for q in first.meta.questions if q in second.meta.questions):
                shared = _claims(first).get(question, frozenset()) & _claims(second).get(question, frozenset())
                if shared:
                    answers = ", ".join(f'"{value}"' for value in sorted(shared))
                    message = f"can appear with {second.path} ({second.meta.kind}) when {question} is {answers}"
                    problems.append(problem(first.path, f"claims.{question}", message))
    return problems


def contradictions(content: Content) -> list[str]:
    """Every way a guide could contradict the answers; an empty list is a proof that none can."""
    domains = Domains.of(content)
    problems = [line for snippet in content.snippets for line in _unproved(snippet, domains)]
    return problems + _clashes(content)
