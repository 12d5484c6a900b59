"""The loaded, validated content: what the rest of the engine works from.

Built once by `loader.load_content`; everything here is read-only. Rules are stored already
compiled so that building a guide never parses an expression again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from rule_engine import Rule

from .model import Fact, HelpEntry, Snippet, Source
from .schema import Config, FactMeta, HelpEntryMeta, Option, QuestionTags, SnippetMeta


@dataclass(frozen=True)
class QuestionDef:
    id: str
    section_id: str
    text: str
    hint: str | None
    # Final options after applying the question's own `options`, or its scale plus `labels` and `does_not_apply`.
    options: tuple[Option, ...]
    show_when: str | None = None
    show_rule: Rule | None = field(default=None, compare=False, repr=False)
    review: bool = False
    renamed_from: tuple[str, ...] = ()
    prefill_from_plan: bool = False
    tags: QuestionTags | None = None  # always set for loaded content (see schema.QuestionTags)
    carry_over: bool = True

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    @property
    def top_score(self) -> int:
        return max((option.score for option in self.options if option.score is not None), default=0)


@dataclass(frozen=True)
class SectionDef:
    id: str
    title: str
    principle: int
    intro: str
    questions: tuple[QuestionDef, ...]
    path: str
    renamed_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class SnippetDef:
    meta: SnippetMeta
    body: str
    path: str
    when_rule: Rule = field(compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.meta.id

    def principles(self, section: SectionDef | None) -> tuple[int, ...]:
        """The snippet's own principles, else its section's principle."""
        if self.meta.principles is not None:
            return tuple(self.meta.principles)
        return (section.principle,) if section else ()

    def to_output(self, section: SectionDef | None) -> Snippet:
        meta = self.meta
        return Snippet(
            id=meta.id,
            title=meta.title,
            kind=meta.kind,
            section_id=meta.section,
            body_markdown=self.body,
            effort=meta.effort,
            priority=meta.priority,
            action=meta.action,
            principles=self.principles(section),
            core20plus5=tuple(meta.core20plus5),
            questions=tuple(meta.questions),
            group=meta.group,
            sources=tuple(Source(title=s.title, url=s.url) for s in meta.sources),
            facts=tuple(meta.facts),
        )


@dataclass(frozen=True)
class FactDef:
    meta: FactMeta
    body: str
    path: str

    @property
    def id(self) -> str:
        return self.meta.id

    def to_output(self) -> Fact:
        sources = tuple(Source(title=s.title, url=s.url) for s in self.meta.sources)
        return Fact(id=self.meta.id, title=self.meta.title, body_markdown=self.body, sources=sources)


@dataclass(frozen=True)
class HelpEntryDef:
    meta: HelpEntryMeta
    path: str
    field: str
    # None: national help, for everyone.
    area: str | None
    when_rule: Rule | None = field(default=None, compare=False, repr=False)
    # Only local help written in the service has one (content files have no contact field).
    contact: str | None = None

    def to_output(self) -> HelpEntry:
        meta = self.meta
        return HelpEntry(
            title=meta.title,
            publisher=meta.publisher,
            what=meta.what,
            kind=meta.kind,
            url=meta.url,
            local=self.area is not None,
            section_id=meta.section,
            contact=self.contact,
        )


@dataclass(frozen=True)
class Content:
    config: Config
    sections: tuple[SectionDef, ...]
    snippets: tuple[SnippetDef, ...]
    version: str
    facts: tuple[FactDef, ...] = ()
    help: tuple[HelpEntryDef, ...] = ()
    # Filled in __post_init__ from `sections`, in audit order.
    questions: MappingProxyType[str, QuestionDef] = field(init=False, repr=False)
    sections_by_id: MappingProxyType[str, SectionDef] = field(init=False, repr=False)
    # Every id stored audits may use -> the id it has now: each current id to itself, each earlier id
    # (`renamed_from`) to its replacement. Retired ids are not here.
    question_ids: MappingProxyType[str, str] = field(init=False, repr=False)
    section_ids: MappingProxyType[str, str] = field(init=False, repr=False)
    facts_by_id: MappingProxyType[str, FactDef] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        questions = {q.id: q for section in self.sections for q in section.questions}
        object.__setattr__(self, "questions", MappingProxyType(questions))
        object.__setattr__(self, "sections_by_id", MappingProxyType({s.id: s for s in self.sections}))
        question_ids = {old: q.id for q in questions.values() for old in q.renamed_from} | {q: q for q in questions}
        section_ids = {old: s.id for s in self.sections for old in s.renamed_from} | {s.id: s.id for s in self.sections}
        object.__setattr__(self, "question_ids", MappingProxyType(question_ids))
        object.__setattr__(self, "section_ids", MappingProxyType(section_ids))
        object.__setattr__(self, "facts_by_id", MappingProxyType({f.id: f for f in self.facts}))

    def current_answers(self, answers: dict[str, str]) -> dict[str, str]:
        """Stored answers under today's question ids: renamed ones moved across, retired ones left out."""
        current = {self.question_ids[key]: value for key, value in answers.items() if key in self.question_ids}
        # An answer stored under today's id wins over one under an earlier id of the same question.
        current.update({key: value for key, value in answers.items() if key in self.questions})
        return current

    def section_of(self, snippet: SnippetDef) -> SectionDef | None:
        return self.sections_by_id.get(snippet.meta.section or "")
