"""Reading a YAML answers file (used by the preview command and the example answer sets).

Format:
    profile: {name: ..., org_type: ..., size_band: ..., area: ..., local_area: ..., groups: [...],
              works_with_families: true/false, other_groups: "..."}
    first_audit: true      (optional; false for a re-audit)
    answers: {question_id: answer_value, ...}
Unlike the engine itself, which quietly ignores junk, this reader rejects unknown profile values,
questions and answers: a typo in an example file should be pointed out, not silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from .content import Content
from .errors import ContentError, problem
from .loader import read_yaml, validate
from .model import Profile
from .schema import Strict, Text


class ProfileEntry(Strict):
    name: Text
    org_type: str | None = None
    size_band: str | None = None
    area: str | None = None
    local_area: str | None = None
    groups: list[str] = Field(default_factory=list)
    works_with_families: bool | None = None
    other_groups: Text | None = None


class AnswersFile(Strict):
    profile: ProfileEntry
    first_audit: bool = True
    answers: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class Example:
    profile: Profile
    answers: dict[str, str]
    first_audit: bool


def load_answers_file(content: Content, path: Path) -> tuple[Profile, dict[str, str]]:
    """The profile and answers of an answers file (see `load_example` for whether it is a first audit)."""
    example = load_example(content, path)
    return example.profile, example.answers


def load_example(content: Content, path: Path) -> Example:
    name = str(path)
    problems: list[str] = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError([problem(name, None, f"cannot be read ({error.strerror})")], what=name) from error
    data = read_yaml(text, name, problems)
    parsed = None if data is None else validate(AnswersFile, data, name, problems)
    if parsed is None:
        raise ContentError(problems, what=name)
    problems.extend(_profile_problems(content, name, parsed.profile))
    problems.extend(_answer_problems(content, name, parsed.answers))
    if problems:
        raise ContentError(problems, what=name)
    entry = parsed.profile
    profile = Profile(
        name=entry.name,
        org_type=entry.org_type,
        size_band=entry.size_band,
        area=entry.area,
        groups=tuple(entry.groups),
        local_area=entry.local_area,
        works_with_families=entry.works_with_families,
        other_groups=entry.other_groups,
    )
    return Example(profile, dict(parsed.answers), parsed.first_audit)


def _profile_problems(content: Content, name: str, entry: ProfileEntry) -> list[str]:
    lists = content.config.profile
    problems = []
    for field, value, known in (
        ("org_type", entry.org_type, lists.org_types),
        ("size_band", entry.size_band, lists.size_bands),
        ("area", entry.area, lists.areas),
    ):
        if value is not None and value not in known:
            problems.append(problem(name, f"profile.{field}", f'"{value}" is not one of {", ".join(known)}'))
    if entry.local_area is not None and entry.local_area not in lists.local_areas.get(entry.area or "", {}):
        places = ", ".join(lists.local_areas.get(entry.area or "", {})) or "none for this area"
        problems.append(
            problem(name, "profile.local_area", f'"{entry.local_area}" is not a local area of the area ({places})')
        )
    for index, group in enumerate(entry.groups):
        if group not in lists.groups:
            problems.append(problem(name, f"profile.groups[{index}]", f'unknown group "{group}"'))
    return problems


def _answer_problems(content: Content, name: str, answers: dict[str, str]) -> list[str]:
    problems = []
    for question_id, value in answers.items():
        question = content.questions.get(question_id)
        if question is None:
            problems.append(problem(name, f"answers.{question_id}", "unknown question"))
        elif question.option(value) is None:
            choices = ", ".join(question.values)
            problems.append(problem(name, f"answers.{question_id}", f'"{value}" is not an answer to it ({choices})'))
    return problems
