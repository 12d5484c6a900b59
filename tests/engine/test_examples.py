"""The two example answer sets are valid and give visibly different guides."""

from __future__ import annotations

import pytest

from inclusion_audit.engine import Content, Guide, build_guide, preview_text
from inclusion_audit.engine.answers_file import load_answers_file

from .real_content import EXAMPLES, guide_snippet_ids, require_real_content

EXAMPLES_NAMES = ("starting-out", "well-advanced")


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    content = require_real_content()
    return {
        name: build_guide(content, *load_answers_file(content, EXAMPLES / f"{name}.yml")) for name in EXAMPLES_NAMES
    }


@pytest.mark.parametrize("name", EXAMPLES_NAMES)
def test_example_answers_every_question(name: str) -> None:
    content: Content = require_real_content()
    profile, answers = load_answers_file(content, EXAMPLES / f"{name}.yml")
    assert set(answers) == set(content.questions)
    assert "(example)" in profile.name
    assert "Top actions" in preview_text(content, EXAMPLES / f"{name}.yml")


def test_examples_land_in_different_bands(guides: dict[str, Guide]) -> None:
    starting, advanced = guides["starting-out"], guides["well-advanced"]
    assert starting.overall.band == "emerging"
    assert advanced.overall.band == "established"
    assert all(section.result.band == "emerging" for section in starting.sections)
    assert all(section.result.band == "established" for section in advanced.sections)


def test_starting_out_gets_first_steps_and_its_group_modules(guides: dict[str, Guide]) -> None:
    starting, advanced = guide_snippet_ids(guides["starting-out"]), guide_snippet_ids(guides["well-advanced"])
    only_starting = {
        "named-lead-get-started",
        "trauma-informed-get-started",
        "commitment-find-out",
        "group-homelessness",
        "group-migrants-gp-registration",
        "signpost-nhs-charging",
    }
    assert only_starting <= starting
    assert not only_starting & advanced


def test_well_advanced_gets_sustain_guidance_and_its_group_modules(guides: dict[str, Guide]) -> None:
    starting, advanced = guide_snippet_ids(guides["starting-out"]), guide_snippet_ids(guides["well-advanced"])
    only_advanced = {"leadership-sustain", "workforce-skills-sustain", "group-sex-workers", "group-justice"}
    assert only_advanced <= advanced
    assert not only_advanced & starting


def test_action_plans_differ_in_kind(guides: dict[str, Guide]) -> None:
    content = require_real_content()
    kinds = {snippet.id: snippet.meta.kind for snippet in content.snippets}
    starting_kinds = {kinds[a.snippet_id] for a in guides["starting-out"].actions}
    advanced_kinds = {kinds[a.snippet_id] for a in guides["well-advanced"].actions}
    assert "get-started" in starting_kinds
    assert advanced_kinds == {"strengthen"}
    assert len(guides["starting-out"].actions) == len(guides["well-advanced"].actions) == 5


def test_action_plan_spreads_over_the_weakest_sections_for_a_beginner() -> None:
    from collections import Counter
    from pathlib import Path

    from inclusion_audit.engine import build_guide, load_content
    from inclusion_audit.engine.answers_file import load_answers_file

    root = Path(__file__).resolve().parents[2] / "content"
    content = load_content(root)
    profile, answers = load_answers_file(content, root / "examples" / "starting-out.yml")
    guide = build_guide(content, profile, answers)
    per_section = Counter(action.section_id for action in guide.actions)
    assert len(guide.actions) == 5
    assert max(per_section.values()) <= 2
    weakest = min((s.result for s in guide.sections if s.result.percent is not None), key=lambda r: r.percent)
    assert guide.actions[0].section_id == weakest.section_id
