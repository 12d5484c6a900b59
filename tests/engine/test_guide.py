"""Building guides from the fixture content: matching, ordering, the action plan and serialisation."""

from __future__ import annotations

import json

from inclusion_audit.engine import Content, Guide, Profile, build_guide

SMALL_CHARITY = Profile(name="Small charity", org_type="charity", size_band="under_10", area="corby")


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


def test_no_answers_gives_no_section_guidance(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {})
    assert all(not section.snippets for section in guide.sections)
    assert guide.actions == ()
    assert [s.id for s in guide.signposts] == ["healthwatch-signpost"]


def test_group_modules_in_config_order_and_signposts_by_priority(content: Content) -> None:
    profile = Profile(name="Drop-in", groups=("migrants_refugees", "homelessness"))
    guide = build_guide(content, profile, {})
    assert [s.id for s in guide.group_modules] == ["homelessness-module", "migrants-module"]
    assert [s.group for s in guide.group_modules] == ["homelessness", "migrants_refugees"]
    assert [s.id for s in guide.signposts] == ["charging-signpost", "healthwatch-signpost"]


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


def test_actions_rank_weakest_section_first(content: Content) -> None:
    # commitment: partly -> 67%. communities: not_started + no -> 0%.
    answers = {"named_lead": "partly", "know_groups": "not_started", "monitoring": "no"}
    guide = build_guide(content, SMALL_CHARITY, answers)
    # Within communities (all lowest score 0): quick wins by priority. A third communities action waits
    # until the other sections have had their turn (at most two per section before the rest).
    assert action_ids(guide) == ["monitoring-get-started", "groups-get-started", "lead-strengthen", "communities-low"]
    assert [a.rank for a in guide.actions] == [1, 2, 3, 4]
    first = guide.actions[0]
    assert (first.text, first.section_id, first.section_title, first.effort) == (
        "Do the monitoring-get-started thing.",
        "communities",
        "Communities",
        "quick-win",
    )
    assert first.principles == (2,)
    assert guide.actions[1].core20plus5 == ("plus_groups",)


def test_at_most_five_actions_lowest_answer_then_effort(content: Content) -> None:
    # commitment: 1+1+1 of 9 = 33%; communities: early + no = 1 of 6 = 17%.
    answers = {
        "named_lead": "early",
        "trustees_discuss": "early",
        "budget": "early",
        "know_groups": "early",
        "monitoring": "no",
    }
    guide = build_guide(content, SMALL_CHARITY, answers)
    assert action_ids(guide) == [
        "monitoring-get-started",  # 17%, lowest answer 0, quick win
        "communities-low",  # 17%, lowest answer 0, longer term
        "lead-get-started",  # 33%, quick win, priority 2
        "budget-get-started",  # 33%, quick win, priority 3
        "groups-get-started",  # 17%, lowest answer 1, but a third communities action waits its turn
    ]  # trustees-get-started (33%, longer term, third from commitment) is sixth and left out
    assert len(set(action_ids(guide))) == 5


def test_action_in_unscored_section_comes_last(content: Content) -> None:
    answers = {"named_lead": "dont_know", "know_groups": "partly", "monitoring": "no"}
    guide = build_guide(content, SMALL_CHARITY, answers)
    assert guide.sections[0].result.percent is None
    assert action_ids(guide) == ["monitoring-get-started", "communities-low", "commitment-find-out"]


def test_sustain_snippets_never_become_actions(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {"named_lead": "embedded"})
    assert section_snippet_ids(guide, "commitment") == ["commitment-sustain"]
    assert guide.actions == ()


def test_snippet_fields_are_carried_into_the_guide(content: Content) -> None:
    profile = Profile(name="Shelter", groups=("homelessness",))
    guide = build_guide(content, profile, {"named_lead": "early"})
    snippet = guide.sections[0].snippets[0]
    assert snippet.id == "lead-get-started"
    assert snippet.principles == (1,)  # defaulted from the section
    assert snippet.questions == ("named_lead",)
    assert snippet.sources[0].url == "https://www.example.org/guidance"
    assert "- First step" in snippet.body_markdown
    module = guide.group_modules[0]
    assert (module.section_id, module.principles, module.action) == (None, (1, 2), None)


def test_results_and_version_in_guide(content: Content) -> None:
    guide = build_guide(content, SMALL_CHARITY, {"named_lead": "early"})
    assert guide.content_version == content.version
    assert guide.sections[0].result.percent == 33
    assert guide.sections[0].intro == "About leadership."
    assert guide.overall.percent == 33


def test_labels_cover_every_code_a_renderer_meets(content: Content) -> None:
    labels = build_guide(content, SMALL_CHARITY, {}).labels
    assert labels["bands"]["developing"] == "Developing"
    assert labels["principles"]["2"] == "Understand"
    assert labels["groups"]["homelessness"] == "Homelessness"
    assert labels["org_types"]["charity"] == "Charity"
    assert labels["size_bands"]["under_10"] == "Under 10 staff"
    assert labels["areas"]["corby"] == "Corby"
    assert labels["core20plus5"]["plus_groups"] == "PLUS groups"
    assert set(labels["kinds"]) == {"get-started", "find-out", "strengthen", "sustain", "group-module", "signpost"}
    assert set(labels["effort"]) == {"quick-win", "longer-term"}


def test_same_input_gives_identical_guide(content: Content) -> None:
    answers = {"named_lead": "early", "trustees_discuss": "dont_know", "know_groups": "partly", "monitoring": "no"}
    profile = Profile(name="X", groups=("homelessness", "migrants_refugees"))
    assert build_guide(content, profile, answers) == build_guide(content, profile, dict(reversed(answers.items())))


def test_guide_round_trips_through_json(content: Content) -> None:
    profile = Profile(name="Shelter", org_type="charity", size_band="under_10", groups=("homelessness",))
    answers = {"named_lead": "early", "trustees_discuss": "dont_know", "know_groups": "partly", "monitoring": "no"}
    guide = build_guide(content, profile, answers)
    assert guide.actions and guide.group_modules and guide.signposts
    stored = json.loads(json.dumps(guide.to_dict()))
    assert Guide.from_dict(stored) == guide


def test_profile_groups_list_is_stored_as_tuple(content: Content) -> None:
    profile = Profile(name="Listy", groups=["homelessness"])  # type: ignore[arg-type]
    guide = build_guide(content, profile, {})
    assert guide.profile.groups == ("homelessness",)
    assert Guide.from_dict(json.loads(json.dumps(guide.to_dict()))) == guide
