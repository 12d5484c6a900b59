"""The example answer files are valid and each gets the guide its organisation should: tailored and truthful."""

from __future__ import annotations

from collections import Counter

import pytest

from inclusion_audit.engine import Content, Guide, build_guide, preview_text
from inclusion_audit.engine.answers_file import load_example

from .real_content import EXAMPLES, guide_snippet_ids, require_real_content

EXAMPLE_NAMES = (
    "starting-out",
    "well-advanced",
    "volunteer-food-bank",
    "grt-womens-group",
    "sex-work-project",
    "large-homelessness-charity",
    "refugee-organisation",
)


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    content = require_real_content()
    built = {}
    for name in EXAMPLE_NAMES:
        example = load_example(content, EXAMPLES / f"{name}.yml")
        built[name] = build_guide(content, example.profile, example.answers, first_audit=example.first_audit)
    return built


def kinds_of(guide: Guide) -> Counter:
    return Counter(snippet.kind for section in guide.sections for snippet in section.snippets)


def test_the_examples_are_the_ones_tested() -> None:
    assert sorted(path.stem for path in EXAMPLES.glob("*.yml")) == sorted(EXAMPLE_NAMES)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_answers_every_question(name: str) -> None:
    content: Content = require_real_content()
    example = load_example(content, EXAMPLES / f"{name}.yml")
    assert set(example.answers) == set(content.questions)
    assert "(example)" in example.profile.name
    assert example.profile.area in content.config.profile.areas
    assert "actions" in preview_text(content, EXAMPLES / f"{name}.yml")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_action_plan_is_short_spread_and_about_reaching_people(guides: dict[str, Guide], name: str) -> None:
    content = require_real_content()
    guide = guides[name]
    assert 1 <= len(guide.actions) <= 5
    assert [action.rank for action in guide.actions] == list(range(1, len(guide.actions) + 1))
    chapters = Counter(action.section_id or "groups" for action in guide.actions)
    assert max(chapters.values()) <= 2
    in_plan = {snippet.id: snippet.meta.in_plan for snippet in content.snippets}
    assert all(in_plan[action.snippet_id] and action.first_step for action in guide.actions)
    assert all("audit" not in action.text.lower() for action in guide.actions)
    assert guide.this_month and len(guide.this_month) <= 3


def test_a_beginner_gets_first_steps_without_praise(guides: dict[str, Guide]) -> None:
    guide = guides["starting-out"]
    assert kinds_of(guide)["sustain"] == 0
    ids = guide_snippet_ids(guide)
    assert {"named-lead-get-started", "trauma-informed-get-started", "commitment-find-out"} <= ids
    # Volunteers only: advice a volunteer group can follow, not staff supervision or paid roles.
    assert {"wellbeing-get-started-volunteers", "peer-roles-get-started-volunteers"} <= ids
    assert not {"wellbeing-get-started", "peer-roles-get-started", "resources-get-started"} & ids
    assert {m.group for m in guide.group_modules} == {"homelessness", "migrants_refugees"}
    assert all(section.result.band == "emerging" for section in guide.sections)


def test_a_well_established_charity_is_praised_only_where_it_said_so(guides: dict[str, Guide]) -> None:
    content = require_real_content()
    guide = guides["well-advanced"]
    example = load_example(content, EXAMPLES / "well-advanced.yml")
    assert kinds_of(guide)["get-started"] == 0
    for section in guide.sections:
        for snippet in section.snippets:
            if snippet.kind == "sustain":
                assert all(example.answers[q] in ("embedded", "anonymous") for q in snippet.questions), snippet.id
    assert {m.group for m in guide.group_modules} == {"drugs_alcohol", "sex_workers", "justice"}
    assert guide.overall.band == "established"
    # A re-audit: the review question counts.
    assert guide.first_audit is False
    assert all(section.result.not_scored_first_audit == 0 for section in guide.sections)


def test_a_sex_work_project_gets_a_safety_step_and_anonymity_counts_as_good(guides: dict[str, Guide]) -> None:
    guide = guides["sex-work-project"]
    assert "group-sex-workers" in {action.snippet_id for action in guide.actions}
    ids = guide_snippet_ids(guide)
    assert "monitoring-sustain" in ids and "monitoring-get-started" not in ids


def test_a_gypsy_roma_traveller_group_is_told_of_its_protection_under_race(guides: dict[str, Guide]) -> None:
    guide = guides["grt-womens-group"]
    assert [m.group for m in guide.group_modules] == ["gypsy_roma_traveller"]
    assert "Equality Act" in guide.group_modules[0].body_markdown
    assert "equality-act" in {fact.id for fact in guide.facts}
    assert "prevention-get-started-families" in guide_snippet_ids(guide)  # works with families


def test_a_large_charity_gets_board_and_commissioning_help(guides: dict[str, Guide]) -> None:
    guide = guides["large-homelessness-charity"]
    titles = {entry.title for entry in guide.help}
    assert "NHS Confederation - leadership resources on health inequalities" in titles
    assert "Health Equity Audit - local guidance" in titles
    assert "Create a peer volunteer role" not in {s.title for sec in guide.sections for s in sec.snippets}


def test_an_unsure_food_bank_gets_find_out_steps_and_honest_not_enough_answers(guides: dict[str, Guide]) -> None:
    guide = guides["volunteer-food-bank"]
    assert kinds_of(guide)["find-out"] == 5
    unscored = [s.result for s in guide.sections if s.result.percent is None]
    assert unscored and all(r.band is None for r in unscored)
    assert guide.overall.dont_know >= 15
    assert guide.profile.other_groups and [m.group for m in guide.group_modules] == ["other_excluded"]


def test_local_help_belongs_to_the_organisations_own_area(guides: dict[str, Guide]) -> None:
    north = {entry.title for entry in guides["starting-out"].help if entry.local}
    west = {entry.title for entry in guides["well-advanced"].help if entry.local}
    assert "North Northamptonshire Council" in north and "West Northamptonshire Council" not in north
    assert "West Northamptonshire Council" in west and "North Northamptonshire Council" not in west


def test_refugee_organisation_gets_charging_and_costs_facts_once(guides: dict[str, Guide]) -> None:
    guide = guides["refugee-organisation"]
    fact_ids = [fact.id for fact in guide.facts]
    assert len(fact_ids) == len(set(fact_ids))
    assert {"nhs-charging", "gp-registration"} <= set(fact_ids)
