"""Cross-file checks for the guidance: snippets, key facts and help entries (local packs and national help).

Runs after the sections are built, since guidance refers to questions, answers and sections. Like the
section checks, problems are collected rather than raised, one line per problem with file and field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from rule_engine import Context, Rule

from . import rules
from .content import FactDef, HelpEntryDef, QuestionDef, SectionDef, SnippetDef
from .errors import problem
from .schema import SECTION_KINDS, Config, FactMeta, HelpEntryMeta, SnippetMeta

Compile = Callable[[str, str, str, Context], Rule | None]

# The answers (by score) each kind of guidance may assume. A get-started snippet speaks to low answers and
# a sustain snippet to the top answer, so a guide can never hold both about one question.
LOW_SCORES = frozenset({0, 1})


@dataclass(frozen=True)
class SnippetFile:
    path: str
    meta: SnippetMeta
    body: str


@dataclass(frozen=True)
class FactFile:
    path: str
    meta: FactMeta
    body: str


@dataclass(frozen=True)
class HelpSource:
    """The entries of one help file: national (`area` None) or an area's local pack."""

    path: str
    area: str | None
    entries: tuple[HelpEntryMeta, ...]


class GuidanceBuilder:
    def __init__(
        self,
        config: Config,
        problems: list[str],
        questions: Mapping[str, QuestionDef],
        sections: Mapping[str, SectionDef],
        compile_rule: Compile,
    ) -> None:
        self.config = config
        self.problems = problems
        self.questions = questions
        self.sections = sections
        self.compile = compile_rule
        self.fact_ids: set[str] = set()

    def report(self, path: str, field: str | None, message: str) -> None:
        self.problems.append(problem(path, field, message))

    # Key facts

    def facts(self, files: list[FactFile]) -> tuple[FactDef, ...]:
        facts = []
        first_paths: dict[str, str] = {}
        for fact_file in files:
            first = first_paths.setdefault(fact_file.meta.id, fact_file.path)
            if first != fact_file.path:
                self.report(fact_file.path, "id", f'duplicate fact id "{fact_file.meta.id}" (first used in {first})')
                continue
            if PurePosixPath(fact_file.path).name != f"{fact_file.meta.id}.md":
                self.report(fact_file.path, "id", f'"{fact_file.meta.id}" does not match the file name')
            facts.append(FactDef(fact_file.meta, fact_file.body, fact_file.path))
        self.fact_ids = {fact.id for fact in facts}
        return tuple(facts)

    # Snippets

    def snippets(self, files: list[SnippetFile], context: Context) -> tuple[SnippetDef, ...]:
        first_paths: dict[str, str] = {}
        snippets = []
        for snippet_file in files:
            path, snippet_id = snippet_file.path, snippet_file.meta.id
            first = first_paths.setdefault(snippet_id, path)
            if first != path:
                self.report(path, "id", f'duplicate snippet id "{snippet_id}" (first used in {first})')
                continue
            snippets.append(self._snippet(snippet_file, context))
        return tuple(snippets)

    def _snippet(self, snippet_file: SnippetFile, context: Context) -> SnippetDef:
        path, meta = snippet_file.path, snippet_file.meta
        self._check_place(path, meta)
        self._check_references(path, meta)
        self._check_claims(path, meta)
        rule = self.compile(path, "when", meta.when, context)
        # A rule that failed to compile is already reported; `false` keeps the snippet inert meanwhile.
        return SnippetDef(meta, snippet_file.body, path, rule or rules.compile_rule("false", context))

    def _check_place(self, path: str, meta: SnippetMeta) -> None:
        parts = PurePosixPath(path).parts
        if parts[-1] != f"{meta.id}.md":
            self.report(path, "id", f'"{meta.id}" does not match the file name (expected "{meta.id}.md")')
        folder = (meta.section or "") if meta.kind in SECTION_KINDS else "groups"
        if parts[:-1] != ("snippets", folder):
            self.report(path, None, f"a {meta.kind} snippet belongs in snippets/{folder}/")

    def _check_references(self, path: str, meta: SnippetMeta) -> None:
        config = self.config
        if meta.section is not None and meta.section not in self.sections:
            self.report(path, "section", f'unknown section "{meta.section}"')
        for index, question_id in enumerate(meta.questions):
            if question_id not in self.questions:
                self.report(path, f"questions[{index}]", f'unknown question "{question_id}"')
        if meta.group is not None and meta.group not in config.profile.groups:
            self.report(path, "group", f'unknown group "{meta.group}" (not in config.yml profile.groups)')
        for index, tag in enumerate(meta.core20plus5):
            if tag not in config.core20plus5:
                self.report(path, f"core20plus5[{index}]", f'unknown Core20PLUS5 tag "{tag}" (not in config.yml)')
        for index, number in enumerate(meta.principles or ()):
            if number not in config.principles:
                self.report(path, f"principles[{index}]", f"{number} is not a principle in config.yml")
        for index, fact_id in enumerate(meta.facts):
            if fact_id not in self.fact_ids:
                self.report(path, f"facts[{index}]", f'unknown fact "{fact_id}" (no facts/{fact_id}.md)')

    def _check_claims(self, path: str, meta: SnippetMeta) -> None:
        """Claims name real answers, and fit the kind: get-started speaks to low answers, sustain to the top one."""
        for question_id, values in meta.claims.items():
            field = f"claims.{question_id}"
            question = self.questions.get(question_id)
            if question is None:
                self.report(path, field, f'unknown question "{question_id}"')
                continue
            unknown = [value for value in values if question.option(value) is None]
            if unknown or not values:
                choices = ", ".join(question.values)
                self.report(path, field, f"list answers this question has ({choices}), not {unknown or 'nothing'}")
                continue
            if question_id not in meta.questions:
                continue  # an assumption about another question: allowed, and proved like the rest
            wrong = [value for value in values if not _fits_kind(meta.kind, question, value)]
            if wrong:
                self.report(
                    path, field, f"a {meta.kind} snippet cannot assume {', '.join(wrong)} ({_kind_rule(meta.kind)})"
                )

    # Help: national and local packs

    def help(self, sources: list[HelpSource], context: Context) -> tuple[HelpEntryDef, ...]:
        entries = []
        areas = self.config.profile.areas
        seen_areas: dict[str, str] = {}
        for source in sources:
            if source.area is not None:
                if source.area not in areas:
                    self.report(source.path, "area", f'unknown area "{source.area}" (not in config.yml profile.areas)')
                    continue
                if PurePosixPath(source.path).stem != source.area:
                    self.report(source.path, "area", f'"{source.area}" does not match the file name')
                first = seen_areas.setdefault(source.area, source.path)
                if first != source.path:
                    self.report(source.path, "area", f"a second local pack for this area (first: {first})")
                    continue
            for index, meta in enumerate(source.entries):
                field = f"entries[{index}]"
                if meta.section is not None and meta.section not in self.sections:
                    self.report(source.path, f"{field}.section", f'unknown section "{meta.section}"')
                for number, topic in enumerate(meta.topics):
                    if topic not in self.config.training_topics:
                        message = f'unknown training topic "{topic}" (not in config.yml training_topics)'
                        self.report(source.path, f"{field}.topics[{number}]", message)
                rule = None if meta.when is None else self.compile(source.path, f"{field}.when", meta.when, context)
                entries.append(HelpEntryDef(meta, source.path, field, source.area, rule))
        return tuple(entries)


def _fits_kind(kind: str, question: QuestionDef, value: str) -> bool:
    option = question.option(value)
    score = option.score if option is not None else None
    if kind == "get-started":
        return score in LOW_SCORES
    if kind == "strengthen":
        return score is not None and score not in LOW_SCORES
    if kind == "sustain":
        return score == question.top_score
    return True


def _kind_rule(kind: str) -> str:
    return {
        "get-started": "only answers scoring 0 or 1",
        "strengthen": "only answers scoring 2 or more",
        "sustain": "only the top-scoring answers",
    }.get(kind, "")
