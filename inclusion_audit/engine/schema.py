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

SNIPPET_KINDS = ("get-started", "find-out", "strengthen", "sustain", "group-module")
SECTION_KINDS = frozenset({"get-started", "find-out", "strengthen", "sustain"})
KINDS_NEEDING_ACTION = frozenset({"get-started", "find-out", "strengthen"})
# Kinds whose text speaks about particular answers, so they must say which answers they assume (`claims`).
CLAIMING_KINDS = frozenset({"get-started", "strengthen", "sustain"})
HELP_KINDS = ("help", "training", "data", "guidance")

Kind = Literal["get-started", "find-out", "strengthen", "sustain", "group-module"]
Effort = Literal["quick-win", "longer-term"]
HelpKind = Literal["help", "training", "data", "guidance"]
Url = Annotated[str, StringConstraints(pattern=r"^https://[^\s/]+\.[^\s]+$")]


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


class StageSpec(Strict):
    id: Annotated[str, StringConstraints(pattern=KEY)]
    label: Text
    below: float | None = None
    meaning: Text


class ProfileLists(Strict):
    org_types: dict[str, Text]
    size_bands: dict[str, Text]
    areas: dict[str, Text]
    # Optional smaller places within each area: {area: {local area: label}}.
    local_areas: dict[str, dict[str, Text]] = Field(default_factory=dict)
    groups: dict[str, Text] = Field(min_length=1)

    @model_validator(mode="after")
    def _local_areas_belong_to_areas(self) -> ProfileLists:
        problems = [
            f'local_areas: "{area}" is not one of the areas' for area in self.local_areas if area not in self.areas
        ]
        seen: set[str] = set()
        for places in self.local_areas.values():
            problems += [f'local_areas: "{place}" is listed under two areas' for place in places if place in seen]
            seen.update(places)
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Scoring(Strict):
    # A section (and the overall result) gets a percentage only when at least this share of the
    # questions that apply to the organisation were answered on the scale; otherwise "not enough answers".
    min_scored_share: Annotated[float, Field(gt=0, le=1)]


QuestionId = Annotated[str, StringConstraints(pattern=QUESTION_ID)]
SectionId = Annotated[str, StringConstraints(pattern=SECTION_ID)]


class Config(Strict):
    answer_scale: list[Option] = Field(min_length=2)
    # Other named scales a question can choose with `scale:` (for example one for knowledge questions).
    scales: dict[Annotated[str, StringConstraints(pattern=KEY)], list[Option]] = Field(default_factory=dict)
    stages: list[StageSpec] = Field(min_length=1)
    scoring: Scoring
    principles: dict[PrincipleNumber, Text]
    core20plus5: dict[str, Text]
    # The tags a question can carry besides its principle and Core20PLUS5 areas.
    themes: dict[Annotated[str, StringConstraints(pattern=KEY)], Text]
    training_topics: dict[Annotated[str, StringConstraints(pattern=KEY)], Text]
    profile: ProfileLists
    # Ids that stored audits may still hold but the content no longer asks about, on purpose, each with a note
    # why (see docs/content-guide.md).
    retired_questions: dict[QuestionId, Text] = Field(default_factory=dict)
    retired_sections: dict[SectionId, Text] = Field(default_factory=dict)

    @field_validator("answer_scale")
    @classmethod
    def _scale_values_unique(cls, options: list[Option]) -> list[Option]:
        return _unique_values(options)

    @field_validator("scales")
    @classmethod
    def _named_scales_valid(cls, scales: dict[str, list[Option]]) -> dict[str, list[Option]]:
        for options in scales.values():
            if len(options) < 2:
                raise ValueError("each scale needs at least two answers")
            _unique_values(options)
        return scales

    @field_validator("stages")
    @classmethod
    def _stages_ascend(cls, bands: list[StageSpec]) -> list[StageSpec]:
        *bounded, last = bands
        if last.below is not None:
            raise ValueError(f'the last stage ("{last.id}") must not have `below`: it catches everything above')
        limits = [band.below for band in bounded]
        if any(limit is None for limit in limits):
            raise ValueError("every stage except the last needs `below`")
        if limits != sorted(limits):
            raise ValueError("stages must be listed from lowest to highest `below`")
        return bands


class QuestionTags(Strict):
    """How coordinators group a question with others: each id must be listed in config.yml (checked on load)."""

    principle: PrincipleNumber
    theme: Annotated[str, StringConstraints(pattern=KEY)]
    training: Annotated[str, StringConstraints(pattern=KEY)]
    # The Core20PLUS5 areas the question bears on; written out even when there are none ([]).
    core20plus5: list[Annotated[str, StringConstraints(pattern=KEY)]]


class Question(Strict):
    id: Annotated[str, StringConstraints(pattern=QUESTION_ID)]
    tags: QuestionTags
    # Earlier ids of this same question: stored audits' answers under those ids are read as this question's.
    renamed_from: list[QuestionId] = Field(default_factory=list)
    text: Text
    hint: Text | None = None
    show_when: Text | None = None
    options: list[Option] | None = Field(default=None, min_length=2)
    scale: Annotated[str, StringConstraints(pattern=KEY)] | None = None
    labels: dict[str, Text] | None = None
    # The wording of a "does not apply" answer; questions without it do not offer one.
    does_not_apply: Text | None = None
    # A question about reviewing earlier work: not scored on an organisation's first audit.
    review: bool = False
    # Earlier ids of this question, so answers stored under them are still read.
    renamed_from: list[Annotated[str, StringConstraints(pattern=QUESTION_ID)]] = Field(default_factory=list)
    # Answered for the organisation from its last action plan when a new audit starts (it can change it).
    prefill_from_plan: StrictBool = False
    # False for an answer that holds for one audit only (about the audit before it, say): a new audit starts
    # without it, so nobody confirms last year's answer about last year.
    carry_over: StrictBool = True

    @field_validator("options")
    @classmethod
    def _option_values_unique(cls, options: list[Option] | None) -> list[Option] | None:
        return None if options is None else _unique_values(options)

    @model_validator(mode="after")
    def _one_source_of_answers(self) -> Question:
        if self.options is not None and self.scale is not None:
            raise ValueError("give either options or scale, not both")
        if self.options is not None and self.does_not_apply is not None:
            raise ValueError("does_not_apply: with options of its own, list the not_applicable answer among them")
        return self


class Section(Strict):
    id: Annotated[str, StringConstraints(pattern=SECTION_ID)]
    renamed_from: list[SectionId] = Field(default_factory=list)
    title: Text
    principle: PrincipleNumber
    intro: Text
    questions: list[Question] = Field(min_length=1)


class SourceLink(Strict):
    title: Text
    url: Url


class SnippetMeta(Strict):
    """The front matter of a snippet file; the Markdown body is kept separately."""

    id: Annotated[str, StringConstraints(pattern=SNIPPET_ID)]
    title: Text
    section: Annotated[str, StringConstraints(pattern=SECTION_ID)] | None = None
    kind: Kind
    priority: Annotated[StrictInt, Field(ge=1, le=5)]
    effort: Effort
    action: Text | None = None
    # A step small enough to take this month, shown with the action in the plan.
    first_step: Text | None = None
    # False for guidance whose action is about the audit itself (reviewing it): such steps stay out of the plan.
    in_plan: bool = True
    questions: list[Annotated[str, StringConstraints(pattern=QUESTION_ID)]] = Field(default_factory=list)
    # What the text assumes about the answers: {question: [answers it may have]}. `content check` proves
    # that the `when` rule never shows the snippet for any other answer.
    claims: dict[Annotated[str, StringConstraints(pattern=QUESTION_ID)], list[str]] = Field(default_factory=dict)
    facts: list[Annotated[str, StringConstraints(pattern=SNIPPET_ID)]] = Field(default_factory=list)
    group: str | None = None
    core20plus5: list[str] = Field(default_factory=list)
    principles: list[PrincipleNumber] | None = None
    sources: list[SourceLink] = Field(min_length=1)
    when: Text

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> SnippetMeta:
        problems = []
        if self.kind in KINDS_NEEDING_ACTION and self.in_plan and self.action is None:
            problems.append(f"action: required for {self.kind} snippets (one line for the action plan)")
        if self.action is not None and self.first_step is None:
            problems.append("first_step: required with an action (a step small enough to take this month)")
        if self.action is not None and not self.in_plan:
            problems.append("action: leave out when in_plan is false")
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
        if self.kind in CLAIMING_KINDS:
            unclaimed = [question for question in self.questions if question not in self.claims]
            if unclaimed:
                problems.append(f"claims: say which answers the text assumes for {', '.join(unclaimed)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class FactMeta(Strict):
    """The front matter of a key-fact file (a right, a rule or a definition that guidance refers to)."""

    id: Annotated[str, StringConstraints(pattern=SNIPPET_ID)]
    title: Text
    sources: list[SourceLink] = Field(min_length=1)
    # Shown in every guide, whether or not any guidance refers to it.
    always: bool = False


class HelpEntryMeta(Strict):
    """One place to find help, training or data. Name the resource and its publisher; link only when sure."""

    title: Text
    publisher: Text
    what: Text
    kind: HelpKind
    url: Url | None = None
    # The section it supports, so the guide can list it with that section's help.
    section: Annotated[str, StringConstraints(pattern=SECTION_ID)] | None = None
    when: Text | None = None
    # Training topics (config.yml `training_topics`) a training entry teaches: the coordinators' needs page
    # lists it against those topics.
    topics: list[Annotated[str, StringConstraints(pattern=KEY)]] = Field(default_factory=list)
    # Where the fact comes from and when it was checked, for content reviewers (not shown in guides).
    source: Text


class HelpFile(Strict):
    """`help/national.yml`: help that applies wherever an organisation is."""

    entries: list[HelpEntryMeta] = Field(min_length=1)


class LocalPack(Strict):
    """`local/<area>.yml`: the local help, training and data sources for organisations in one area."""

    area: Annotated[str, StringConstraints(pattern=KEY)]
    entries: list[HelpEntryMeta] = Field(min_length=1)
