"""Pydantic models describing the raw shape of each content file.

These check one file at a time (types, required fields, id patterns, value ranges). Checks that
need several files at once, such as duplicate ids or rules naming questions, live in `crosscheck.py`.
Unknown fields are forbidden everywhere so that a misspelt field name is reported, not silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    field_validator,
    model_validator,
)

SECTION_ID = r"^[a-z][a-z_]*$"
QUESTION_ID = r"^[a-z][a-z0-9_]*$"
SNIPPET_ID = r"^[a-z0-9][a-z0-9-]*$"
KEY = QUESTION_ID  # other codes (answer values, band ids) follow the same pattern

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Strict ints: YAML turns `yes` into true, and pydantic would otherwise quietly read that as 1.
Score = Annotated[StrictInt, Field(ge=0, le=3)]
PrincipleNumber = Annotated[StrictInt, Field(ge=1, le=5)]

SNIPPET_KINDS = ("get-started", "find-out", "strengthen", "sustain", "group-module", "signpost")
SECTION_KINDS = frozenset({"get-started", "find-out", "strengthen", "sustain"})
KINDS_NEEDING_ACTION = frozenset({"get-started", "find-out", "strengthen"})

Kind = Literal["get-started", "find-out", "strengthen", "sustain", "group-module", "signpost"]
Effort = Literal["quick-win", "longer-term"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    """One possible answer. A null score means the answer is not counted (not applicable, don't know)."""

    value: Annotated[str, StringConstraints(pattern=KEY)]
    label: Text
    hint: Text | None = None
    score: Score | None


def _unique_values(options: list[Option]) -> list[Option]:
    seen: set[str] = set()
    for option in options:
        if option.value in seen:
            raise ValueError(f'duplicate option value "{option.value}"')
        seen.add(option.value)
    return options


class Band(Strict):
    id: Annotated[str, StringConstraints(pattern=KEY)]
    label: Text
    below: float | None = None
    meaning: Text


class ProfileLists(Strict):
    org_types: dict[str, Text]
    size_bands: dict[str, Text]
    areas: dict[str, Text]
    groups: dict[str, Text] = Field(min_length=1)


QuestionId = Annotated[str, StringConstraints(pattern=QUESTION_ID)]
SectionId = Annotated[str, StringConstraints(pattern=SECTION_ID)]


class Config(Strict):
    answer_scale: list[Option] = Field(min_length=2)
    bands: list[Band] = Field(min_length=1)
    principles: dict[PrincipleNumber, Text]
    core20plus5: dict[str, Text]
    profile: ProfileLists
    # Ids that stored audits use but the content no longer asks about, on purpose (see docs/content-guide.md).
    retired_questions: list[QuestionId] = Field(default_factory=list)
    retired_sections: list[SectionId] = Field(default_factory=list)

    @field_validator("answer_scale")
    @classmethod
    def _scale_values_unique(cls, options: list[Option]) -> list[Option]:
        return _unique_values(options)

    @field_validator("bands")
    @classmethod
    def _bands_ascend(cls, bands: list[Band]) -> list[Band]:
        *bounded, last = bands
        if last.below is not None:
            raise ValueError(f'the last band ("{last.id}") must not have `below`: it catches everything above')
        limits = [band.below for band in bounded]
        if any(limit is None for limit in limits):
            raise ValueError("every band except the last needs `below`")
        if limits != sorted(limits):
            raise ValueError("bands must be listed from lowest to highest `below`")
        return bands


class Question(Strict):
    id: Annotated[str, StringConstraints(pattern=QUESTION_ID)]
    # Earlier ids of this same question: stored audits' answers under those ids are read as this question's.
    renamed_from: list[QuestionId] = Field(default_factory=list)
    text: Text
    hint: Text | None = None
    show_when: Text | None = None
    options: list[Option] | None = Field(default=None, min_length=2)
    labels: dict[str, Text] | None = None
    # Answered for the organisation from its last action plan when a new audit starts (it can change it).
    prefill_from_plan: StrictBool = False

    @field_validator("options")
    @classmethod
    def _option_values_unique(cls, options: list[Option] | None) -> list[Option] | None:
        return None if options is None else _unique_values(options)


class Section(Strict):
    id: Annotated[str, StringConstraints(pattern=SECTION_ID)]
    renamed_from: list[SectionId] = Field(default_factory=list)
    title: Text
    principle: PrincipleNumber
    intro: Text
    questions: list[Question] = Field(min_length=1)


class SourceLink(Strict):
    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https://[^\s/]+\.[^\s]+$")]


class SnippetMeta(Strict):
    """The front matter of a snippet file; the Markdown body is kept separately."""

    id: Annotated[str, StringConstraints(pattern=SNIPPET_ID)]
    title: Text
    section: Annotated[str, StringConstraints(pattern=SECTION_ID)] | None = None
    kind: Kind
    priority: Annotated[StrictInt, Field(ge=1, le=5)]
    effort: Effort
    action: Text | None = None
    questions: list[Annotated[str, StringConstraints(pattern=QUESTION_ID)]] = Field(default_factory=list)
    group: str | None = None
    core20plus5: list[str] = Field(default_factory=list)
    principles: list[PrincipleNumber] | None = None
    sources: list[SourceLink] = Field(min_length=1)
    when: Text

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> SnippetMeta:
        problems = []
        if self.kind in KINDS_NEEDING_ACTION and self.action is None:
            problems.append(f"action: required for {self.kind} snippets (one line for the action plan)")
        if self.kind in SECTION_KINDS and self.section is None:
            problems.append(f"section: required for {self.kind} snippets")
        if self.kind not in SECTION_KINDS and self.section is not None:
            problems.append(f"section: leave out for {self.kind} snippets")
        if self.section is not None and not self.questions:
            problems.append("questions: list at least one question id when section is set")
        if self.kind == "group-module" and self.group is None:
            problems.append("group: required for group-module snippets")
        if self.kind != "group-module" and self.group is not None:
            problems.append("group: only group-module snippets have a group")
        if problems:
            raise ValueError("; ".join(problems))
        return self
