"""Building guides from the fixture content: matching, ordering, the action plan, facts, help and storage."""

from __future__ import annotations

import json

from inclusion_audit.engine import Content, Guide, Profile, build_guide
from inclusion_audit.engine.model import LEGACY_STAGES

SMALL_CHARITY = Profile(name="Small charity", org_type="charity", size_band="under_10", area="north")


def section_snippet_ids(guide: Guide, section_id: str) -> list[str]:
    section = next(s for s in guide.sections if s.result.section_id == section_id)
    return [snippet.id for snippet in section.snippets]


def action_ids(guide: Guide) -> list[str]:
    return [action.snippet_id for action in guide.actions]


def test_section_snippets_follow_question_order_then_kind(content: Content) -> None:
    answers = {"named_lead": "early", "trustees_discuss": "dont_know", "budget": "not_started"}
    guide = build_guide(content, SMALL_CHARITY, answers)
    # named_lead (question 0): get-started before find-out; budget (question 2) after both.
    assert section_snippet_ids(guide, "commitment") == ["lead-get-started", "commitment-find-out", "budget-get-started"]


def test_no_answers_gives_no_section_guidance_but_always_the_definition_and_help(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {})
    assert all(not section.snippets for section in guide.sections)
    assert guide.actions == ()
    assert [fact.id for fact in guide.facts] == ["definition"]
    assert [(entry.title, entry.local) for entry in guide.help] == [
        ("Local health reports", True),
        ("Healthwatch", False),
    ]


def test_local_pack_only_for_its_own_area_and_help_rules_apply(content: Content) -> None:
    west = Profile(name="West", area="west", groups=("migrants_refugees",))
    titles = [entry.title for entry in build_guide(content, west, {}).help]
    assert titles == ["Healthwatch", "NHS charging"]  # no North pack; the charging entry's rule holds


def test_group_modules_only_for_groups_served_in_config_order(content: Content) -> None:
    assert build_guide(content, SMALL_CHARITY, {}).group_modules == ()
    profile = Profile(name="Drop-in", groups=("migrants_refugees", "homelessness"))
    guide = build_guide(content, profile, {})
    assert [s.id for s in guide.group_modules] == ["homelessness-module", "migrants-module"]
    assert [s.group for s in guide.group_modules] == ["homelessness", "migrants_refugees"]


def test_unknown_profile_values_do_not_break_the_guide(content: Content) -> None:
    profile = Profile(name="Odd", org_type="spaceship", groups=("astronauts",))
    guide = build_guide(content, profile, {"named_lead": "early"})
    assert section_snippet_ids(guide, "commitment") == ["lead-get-started"]
    assert guide.group_modules == ()


def test_percent_rule_is_null_guarded(content: Content) -> None:
    # communities_percent is null with no communities answers: the guarded rule is simply false.
    assert "communities-low" not in section_snippet_ids(build_guide(content, SMALL_CHARITY, {}), "communities")
    low = build_guide(content, SMALL_CHARITY, {"know_groups": "partly", "monitoring": "no"})  # 2 of 6 = 33%
    assert "communities-low" in section_snippet_ids(low, "communities")
    high = build_guide(content, SMALL_CHARITY, {"know_groups": "partly", "monitoring": "yes"})  # 5 of 6 = 83%
    assert "communities-low" not in section_snippet_ids(high, "communities")


def test_actions_rank_by_impact_times_gap(content: Content) -> None:
    # monitoring "no": priority 1 (impact 5) x gap 3 = 15; know_groups "not_started": impact 3 x gap 3 = 9;
    # named_lead "partly": impact 3 x gap 1 = 3. communities-low is about "not sure" answers, and there are none.
    answers = {"named_lead": "partly", "know_groups": "not_started", "monitoring": "no"}
    guide = build_guide(content, SMALL_CHARITY, answers)
    assert action_ids(guide) == ["monitoring-get-started", "groups-get-started", "lead-strengthen"]
    assert [a.rank for a in guide.actions] == [1, 2, 3]
    first = guide.actions[0]
    assert (first.text, first.section_id, first.section_title, first.effort) == (
        "Do the monitoring-get-started thing.",
        "communities",
        "Communities",
        "quick-win",
    )
    assert first.first_step == "Start the monitoring-get-started thing."
    assert first.principles == (2,)
    assert guide.actions[1].core20plus5 == ("plus_groups",)


def test_at_most_two_actions_from_one_section_even_if_the_plan_is_shorter(content: Content) -> None:
    answers = {
        "named_lead": "early",  # impact 4 x gap 2 = 8
        "trustees_discuss": "early",  # 3 x 2 = 6, longer term
        "budget": "early",  # 3 x 2 = 6
        "know_groups": "early",  # 3 x 2 = 6
        "monitoring": "no",  # 5 x 3 = 15
    }
    guide = build_guide(content, SMALL_CHARITY, answers)
    # Equal values: quick wins first, then audit order. trustees-get-started would be a third from commitment.
    assert action_ids(guide) == [
        "monitoring-get-started",
        "lead-get-started",
        "budget-get-started",
        "groups-get-started",
    ]


def test_find_out_counts_as_a_gap_only_for_not_sure_answers(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {"named_lead": "dont_know", "trustees_discuss": "not_started"})
    # commitment-find-out: impact 5 x 2 ("not sure") = 10; trustees-get-started: impact 3 x gap 3 = 9.
    assert action_ids(guide) == ["commitment-find-out", "trustees-get-started"]
    assert "commitment-find-out" not in action_ids(build_guide(content, SMALL_CHARITY, {"named_lead": "early"}))


def test_group_modules_contribute_actions(content: Content) -> None:
    profile = Profile(name="Shelter", groups=("homelessness",))
    guide = build_guide(content, profile, {"named_lead": "partly"})
    assert action_ids(guide) == ["homelessness-module", "lead-strengthen"]  # 3 x 2 = 6 beats 3 x 1 = 3
    module_action = guide.actions[0]
    assert (module_action.section_id, module_action.group) == (None, "homelessness")


def test_sustain_snippets_never_become_actions(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {"named_lead": "embedded", "trustees_discuss": "embedded"})
    assert section_snippet_ids(guide, "commitment") == ["commitment-sustain"]
    assert guide.actions == ()


def test_this_month_is_the_plans_quick_wins(content: Content) -> None:
    answers = {"named_lead": "early", "trustees_discuss": "early", "monitoring": "no"}
    guide = build_guide(content, SMALL_CHARITY, answers)
    assert action_ids(guide) == ["monitoring-get-started", "lead-get-started", "trustees-get-started"]
    # trustees-get-started is longer-term, so it is not among this month's steps.
    assert [a.first_step for a in guide.this_month] == [
        "Start the monitoring-get-started thing.",
        "Start the lead-get-started thing.",
    ]


def test_a_chapter_gives_few_steps_in_full_and_lists_the_rest(content: Content) -> None:
    answers = {"named_lead": "early", "trustees_discuss": "early", "budget": "early", "monitoring": "no"}
    guide = build_guide(content, SMALL_CHARITY, answers)
    commitment = next(s for s in guide.sections if s.result.section_id == "commitment")
    brief = {snippet.id: snippet.brief for snippet in commitment.snippets}
    planned = set(action_ids(guide))
    # The plan's steps are always in full; at most two more per chapter; the rest by their action only.
    assert all(not brief[sid] for sid in planned if sid in brief)
    assert sum(1 for is_brief in brief.values() if not is_brief) <= 2 + len(planned & set(brief))
    assert any(brief.values())


def test_facts_come_once_from_guidance_shown_in_full(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {"named_lead": "early"})
    assert [fact.id for fact in guide.facts] == ["definition", "gp-rights"]
    assert guide.facts[1].title == "Registering with a GP"


def test_snippet_fields_are_carried_into_the_guide(content: Content) -> None:
    profile = Profile(name="Shelter", groups=("homelessness",))
    guide = build_guide(content, profile, {"named_lead": "early"})
    snippet = guide.sections[0].snippets[0]
    assert snippet.id == "lead-get-started"
    assert snippet.principles == (1,)  # defaulted from the section
    assert snippet.questions == ("named_lead",)
    assert snippet.facts == ("gp-rights",)
    assert snippet.sources[0].url == "https://www.example.org/guidance"
    assert "- First step" in snippet.body_markdown
    module = guide.group_modules[0]
    assert (module.section_id, module.principles, module.action) == (None, (1, 2), "Do the homelessness thing.")


def test_results_version_stages_and_first_audit_in_guide(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {"named_lead": "early"})
    assert guide.content_version == content.version
    assert guide.sections[0].result.percent == 33
    assert guide.sections[0].intro == "About leadership."
    assert guide.overall.percent is None  # 1 scored of 6 applicable is below the fixture's 30%
    assert [stage.below for stage in guide.stages] == [40, 75, None]
    assert guide.thresholds == (40, 75)
    assert guide.first_audit is True and guide.min_scored_share == 0.3
    assert build_guide(content, SMALL_CHARITY, {}, first_audit=False).first_audit is False


def test_labels_cover_every_code_a_renderer_meets(content: Content) -> None:
    labels = build_guide(content, SMALL_CHARITY, {}).labels
    assert labels["bands"]["developing"] == "Developing"
    assert labels["principles"]["2"] == "Understand"
    assert labels["groups"]["homelessness"] == "Homelessness"
    assert labels["org_types"]["charity"] == "Charity"
    assert labels["size_bands"]["under_10"] == "Under 10 staff"
    assert labels["areas"]["north"] == "North"
    assert labels["local_areas"]["corby"] == "Corby"
    assert labels["core20plus5"]["plus_groups"] == "PLUS groups"
    assert set(labels["kinds"]) == {"get-started", "find-out", "strengthen", "sustain", "group-module", "signpost"}
    assert set(labels["effort"]) == {"quick-win", "longer-term"}


def test_same_input_gives_identical_guide(content: Content) -> None:
    answers = {"named_lead": "early", "trustees_discuss": "dont_know", "know_groups": "partly", "monitoring": "no"}
    profile = Profile(name="X", groups=("homelessness", "migrants_refugees"))
    assert build_guide(content, profile, answers) == build_guide(content, profile, dict(reversed(answers.items())))


def test_guide_round_trips_through_json(content: Content) -> None:
    profile = Profile(
        name="Shelter",
        org_type="charity",
        size_band="under_10",
        area="north",
        local_area="corby",
        groups=("homelessness", "migrants_refugees"),
        works_with_families=True,
        other_groups="Care leavers",
    )
    answers = {"named_lead": "early", "trustees_discuss": "dont_know", "know_groups": "partly", "monitoring": "no"}
    guide = build_guide(content, profile, answers, first_audit=False)
    assert guide.actions and guide.group_modules and guide.facts and guide.help
    stored = json.loads(json.dumps(guide.to_dict()))
    assert Guide.from_dict(stored) == guide


def test_profile_groups_list_is_stored_as_tuple(content: Content) -> None:
    profile = Profile(name="Listy", groups=["homelessness"])  # type: ignore[arg-type]
    guide = build_guide(content, profile, {})
    assert guide.profile.groups == ("homelessness",)
    assert Guide.from_dict(json.loads(json.dumps(guide.to_dict()))) == guide


def test_a_guide_stored_before_stages_facts_and_help_existed_still_reads(content: Content) -> None:
    stored = json.loads(json.dumps(build_guide(content, SMALL_CHARITY, {"named_lead": "early"}).to_dict()))
    for newer in ("stages", "facts", "help", "first_audit", "min_scored_share"):
        del stored[newer]
    del stored["profile"]["local_area"], stored["overall"]["scored"], stored["actions"]
    stored["actions"] = []
    for section in stored["sections"]:
        del section["result"]["scored"], section["result"]["not_scored_first_audit"]
        for snippet in section["snippets"]:
            del snippet["facts"], snippet["brief"]
    old = Guide.from_dict(stored)
    assert old.stages == LEGACY_STAGES and old.thresholds == (40, 75)
    assert old.facts == () and old.help == () and old.first_audit is False
    assert old.sections[0].snippets[0].brief is False
    assert old.sections[0].result.scored is None
