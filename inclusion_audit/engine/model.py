"""The engine's output types: plain, frozen dataclasses with no Flask or database ties.

A `Guide` is what both the HTML page and the PDF renderer draw from. It is also stored
(as `Guide.to_dict()`) with each submitted audit, so that an old guide renders exactly as
it did on the day it was submitted even after the content files change.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Profile:
    """What the organisation told us about itself; drives conditional questions and modules."""

    name: str
    org_type: str | None = None
    size_band: str | None = None
    area: str | None = None
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class SectionResult:
    """One section's score. `percent` and `band` are None when nothing in it was scorable."""

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


@dataclass(frozen=True)
class Overall:
    percent: int | None
    band: str | None
    band_label: str | None
    dont_know: int
    not_applicable: int


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


@dataclass(frozen=True)
class Action:
    """One line of the top-5 action plan, pointing at the snippet that explains it."""

    rank: int
    text: str
    snippet_id: str
    section_id: str | None
    section_title: str | None
    effort: str
    principles: tuple[int, ...] = ()
    core20plus5: tuple[str, ...] = ()


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Guide:
        def snippet(d: dict[str, Any]) -> Snippet:
            return Snippet(
                **{
                    **d,
                    "principles": tuple(d.get("principles", ())),
                    "core20plus5": tuple(d.get("core20plus5", ())),
                    "questions": tuple(d.get("questions", ())),
                    "sources": tuple(Source(**s) for s in d.get("sources", ())),
                }
            )

        def action(d: dict[str, Any]) -> Action:
            return Action(
                **{
                    **d,
                    "principles": tuple(d.get("principles", ())),
                    "core20plus5": tuple(d.get("core20plus5", ())),
                }
            )

        profile = data["profile"]
        return cls(
            profile=Profile(**{**profile, "groups": tuple(profile.get("groups", ()))}),
            overall=Overall(**data["overall"]),
            sections=tuple(
                GuideSection(
                    result=SectionResult(**s["result"]),
                    intro=s["intro"],
                    snippets=tuple(snippet(x) for x in s["snippets"]),
                )
                for s in data["sections"]
            ),
            actions=tuple(action(a) for a in data["actions"]),
            group_modules=tuple(snippet(x) for x in data["group_modules"]),
            signposts=tuple(snippet(x) for x in data["signposts"]),
            content_version=data["content_version"],
            labels={k: dict(v) for k, v in data.get("labels", {}).items()},
        )
