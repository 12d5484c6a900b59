"""The engine's output types: plain, frozen dataclasses with no Flask or database ties.

A `Guide` is what the HTML page, the PDF renderer and the results page draw from. It is stored with
each submitted audit (`Guide.to_dict()`), so an old guide renders exactly as it did on the day it was
submitted even after the content files change. Reading it back goes through pydantic, which checks
the stored JSON against these types and fills in defaults for fields that older guides lack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter


@dataclass(frozen=True)
class Profile:
    """What the organisation told us about itself; drives conditional questions and modules."""

    name: str
    org_type: str | None = None
    size_band: str | None = None
    area: str | None = None
    groups: tuple[str, ...] = ()
    local_area: str | None = None
    # Whether the organisation works with families, children or pregnant women (None: not asked).
    works_with_families: bool | None = None
    # The organisation's own words for the "other" groups it works with.
    other_groups: str | None = None


@dataclass(frozen=True)
class SectionResult:
    """One section's score. `percent` and `band` are None when too few answers could be scored.

    `band` is the stage (Emerging, Developing, Established); the field keeps its first name so that
    guides stored before the word changed still read back.
    """

    section_id: str
    title: str
    principle: int
    percent: int | None
    band: str | None
    band_label: str | None
    points: int
    max_points: int
    answered: int
    questions: int
    dont_know: int
    not_applicable: int
    # Answers that counted towards the percent, and review questions left out because this was a first audit.
    scored: int | None = None
    not_scored_first_audit: int = 0


@dataclass(frozen=True)
class Overall:
    percent: int | None
    band: str | None
    band_label: str | None
    dont_know: int
    not_applicable: int
    scored: int | None = None


@dataclass(frozen=True)
class Stage:
    """A stage a percentage falls in: the first whose `below` it is under (the last has none)."""

    id: str
    label: str
    below: float | None
    meaning: str


# Every guide stored before stages were kept with it was built with these (content/config.yml has not
# changed them since the service started), so an old guide reads back with the stages it was scored on.
LEGACY_STAGES: tuple[Stage, ...] = (
    Stage(
        "emerging", "Emerging", 40, "You are at the start. The guide suggests first steps that make a real difference."
    ),
    Stage(
        "developing", "Developing", 75, "Good foundations are in place. The guide suggests how to make them consistent."
    ),
    Stage(
        "established",
        "Established",
        None,
        "This is part of how you work. The guide suggests how to keep it going and share what you have learned.",
    ),
)


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Snippet:
    """A piece of guidance chosen for this organisation, with its Markdown body."""

    id: str
    title: str
    kind: str
    section_id: str | None
    body_markdown: str
    effort: str
    priority: int
    action: str | None = None
    principles: tuple[int, ...] = ()
    core20plus5: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    group: str | None = None
    sources: tuple[Source, ...] = ()
    # Ids of the key facts this guidance relies on; each fact is printed once, in the guide's facts part.
    facts: tuple[str, ...] = ()
    # Shown as its title and action only, because its chapter already gives several steps in full.
    brief: bool = False


@dataclass(frozen=True)
class Action:
    """One line of the action plan, pointing at the guidance that explains it."""

    rank: int
    text: str
    snippet_id: str
    section_id: str | None
    section_title: str | None
    effort: str
    principles: tuple[int, ...] = ()
    core20plus5: tuple[str, ...] = ()
    # A first step small enough to take this month.
    first_step: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Fact:
    """A fact several pieces of guidance rely on (a right, a rule, a definition), written once."""

    id: str
    title: str
    body_markdown: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class HelpEntry:
    """A place to get help, training or data: local (from the area's pack) or national.

    `what` is one paragraph of the guidance Markdown subset (bold, italic, https links)."""

    title: str
    publisher: str
    what: str
    kind: str
    url: str | None = None
    local: bool = False
    section_id: str | None = None
    # A role mailbox or phone number to ask (local help written by coordinators); None in older guides.
    contact: str | None = None


@dataclass(frozen=True)
class GuideSection:
    result: SectionResult
    intro: str
    snippets: tuple[Snippet, ...]


@dataclass(frozen=True)
class Guide:
    profile: Profile
    overall: Overall
    sections: tuple[GuideSection, ...]
    actions: tuple[Action, ...]
    group_modules: tuple[Snippet, ...]
    signposts: tuple[Snippet, ...]
    content_version: str
    # Labels the renderers need but the engine should not hard-code in templates.
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    stages: tuple[Stage, ...] = LEGACY_STAGES
    facts: tuple[Fact, ...] = ()
    help: tuple[HelpEntry, ...] = ()
    # Guides stored before this field existed were scored with every question counted.
    first_audit: bool = False
    # The share of applicable questions a section needed on the scale to get a score (None: no minimum).
    min_scored_share: float | None = None

    @property
    def this_month(self) -> tuple[Action, ...]:
        """What to do this month: the plan's quick wins (at most three), else its first action."""
        quick = tuple(action for action in self.actions if action.effort == "quick-win" and action.first_step)
        if quick:
            return quick[:3]
        return tuple(action for action in self.actions[:1] if action.first_step)

    @property
    def thresholds(self) -> tuple[int, ...]:
        """The percentages where one stage ends and the next begins, as scored on the day."""
        return tuple(int(stage.below) for stage in self.stages if stage.below is not None)

    @property
    def counts(self) -> tuple[int, int]:
        """("Not sure" answers, "Does not apply" answers) over the whole audit."""
        return self.overall.dont_know, self.overall.not_applicable

    def to_dict(self) -> dict[str, Any]:
        return _GUIDE.dump_python(self, mode="json")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Guide:
        return _GUIDE.validate_python(data)


_GUIDE: TypeAdapter[Guide] = TypeAdapter(Guide)
