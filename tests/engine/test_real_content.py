"""The real content meets the guide issue's rules: size, coverage, no contradictions, honest scales, declared ids."""

from __future__ import annotations

import itertools

import pytest

from inclusion_audit.engine import Content, Profile, build_guide, coverage_gaps, load_content
from inclusion_audit.engine.claims import contradictions
from inclusion_audit.engine.links import home_page_links
from inclusion_audit.engine.lint import answers_for_one_audit, meta_actions

from .real_content import CONTENT_ROOT, guide_snippet_ids, require_real_content

EMPTY_PROFILE = Profile(name="")
# Every question id the content has ever asked (content version 7492e69ea768, before this rewrite). Stored
# audits hold answers under these ids, so each must still be asked, renamed or retired.
EARLIER_QUESTION_IDS = (
    "named_lead",
    "trustees_discuss",
    "strategy_commitment",
    "resources_set_aside",
    "policies_checked",
    "equality_policy_groups",
    "system_forums",
    "local_groups_known",
    "local_data_used",
    "inclusive_monitoring",
    "who_is_missing",
    "lived_experience_insight",
    "unmet_needs_recorded",
    "trauma_informed_training",
    "entitlements_knowledge",
    "cultural_awareness",
    "safeguarding_modern_slavery",
    "peer_roles",
    "supervision_wellbeing",
    "advocacy_confidence",
    "access_without_id",
    "flexible_hours_outreach",
    "interpreting_accessible_info",
    "digital_exclusion_support",
    "supported_referral",
    "joined_up_transitions",
    "health_promotion",
    "coproduction_lived_experience",
    "feedback_complaints",
    "outcomes_tracking",
    "share_evidence",
    "shape_local_plans",
    "review_last_actions",
    "reaudit_planned",
)
KNOWLEDGE_QUESTIONS = (
    "trauma_informed_training",
    "entitlements_knowledge",
    "cultural_awareness",
    "safeguarding_modern_slavery",
    "advocacy_confidence",
)


@pytest.fixture(scope="module")
def content() -> Content:
    return require_real_content()


def test_real_content_reloads_to_the_same_version(content: Content) -> None:
    # How fast it loads is measured by `make bench`, not asserted here (the machine's load would make it flaky).
    assert load_content(CONTENT_ROOT).version == content.version


def test_sizes_match_the_issue(content: Content) -> None:
    assert 28 <= len(content.questions) <= 34
    assert len(content.sections) == 5
    for section in content.sections:
        assert 5 <= len(section.questions) <= 9, f"{section.path} has {len(section.questions)} questions"
    assert len(content.snippets) >= 60


def test_no_contradictions_coverage_gaps_home_page_links_or_meta_actions(content: Content) -> None:
    assert contradictions(content) == []
    assert coverage_gaps(content) == []
    assert home_page_links(content) == []
    assert meta_actions(content) == []
    assert answers_for_one_audit(content) == []
    assert [question.id for question in content.questions.values() if not question.carry_over] == [
        "review_last_actions"
    ]


def test_every_earlier_question_id_is_still_asked_renamed_or_retired(content: Content) -> None:
    renamed = {old for question in content.questions.values() for old in question.renamed_from}
    retired = set(content.config.retired_questions)
    missing = [qid for qid in EARLIER_QUESTION_IDS if qid not in content.questions and qid not in renamed | retired]
    assert missing == []
    assert retired.isdisjoint(content.questions) and renamed.isdisjoint(content.questions)


def test_does_not_apply_is_offered_only_where_a_question_words_it(content: Content) -> None:
    scale_values = {option.value for option in content.config.answer_scale}
    assert "not_applicable" not in scale_values
    offered = [q.id for q in content.questions.values() if q.option("not_applicable") is not None]
    assert offered == []  # no question in the real content declares it: every one applies to every organisation


def test_knowledge_questions_use_the_knowledge_scale(content: Content) -> None:
    knowledge = [option.label for option in content.config.scales["knowledge"]]
    for question_id in KNOWLEDGE_QUESTIONS:
        assert [option.label for option in content.questions[question_id].options] == knowledge


def test_keeping_no_records_on_purpose_is_a_top_answer(content: Content) -> None:
    monitoring = content.questions["inclusive_monitoring"]
    assert monitoring.option("anonymous").score == monitoring.top_score == 3


def test_reviewing_last_actions_is_a_review_question(content: Content) -> None:
    assert [q.id for q in content.questions.values() if q.review] == ["review_last_actions"]


def test_areas_are_the_two_unitary_councils_each_with_a_local_pack(content: Content) -> None:
    areas = content.config.profile.areas
    assert areas == {
        "north_northamptonshire": "North Northamptonshire",
        "west_northamptonshire": "West Northamptonshire",
    }
    packs = {entry.area for entry in content.help if entry.area is not None}
    assert packs == set(areas)
    assert set(content.config.profile.local_areas) == set(areas)


def triggered(content: Content, answers: dict[str, str], profile: Profile = EMPTY_PROFILE) -> set[str]:
    """Snippets shown with these answers that are not shown with no answers and an empty profile."""
    baseline = guide_snippet_ids(build_guide(content, EMPTY_PROFILE, {}))
    return guide_snippet_ids(build_guide(content, profile, answers)) - baseline


@pytest.mark.parametrize(
    "group",
    [
        "homelessness",
        "drugs_alcohol",
        "migrants_refugees",
        "gypsy_roma_traveller",
        "sex_workers",
        "justice",
        "modern_slavery",
        "other_excluded",
    ],
)
def test_each_group_has_a_chapter_only_when_chosen(content: Content, group: str) -> None:
    assert group in content.config.profile.groups
    guide = build_guide(content, Profile(name="", groups=(group,)), {})
    assert {module.group for module in guide.group_modules} == {group}


def test_config_groups_are_the_ones_tested(content: Content) -> None:
    # If config.yml gains a group, the parametrised test above must list it too.
    assert len(content.config.profile.groups) == 8


def test_every_snippet_can_appear(content: Content) -> None:
    """No snippet is dead: each shows for some profile with every answer the same, or a single answer."""
    lists = content.config.profile
    shown: set[str] = set()
    for question in content.questions.values():
        for value in question.values:
            shown |= guide_snippet_ids(build_guide(content, EMPTY_PROFILE, {question.id: value}))
    values = {option.value for scale in (content.config.answer_scale,) for option in scale}
    for size, families, group in itertools.product(lists.size_bands, (True, False), lists.groups):
        profile = Profile(name="", size_band=size, works_with_families=families, groups=(group,))
        for value in values:
            shown |= guide_snippet_ids(build_guide(content, profile, dict.fromkeys(content.questions, value)))
    for org_type, area in itertools.product(lists.org_types, [None, *lists.areas]):
        profile = Profile(name="", org_type=org_type, area=area)
        for value in values:
            shown |= guide_snippet_ids(build_guide(content, profile, dict.fromkeys(content.questions, value)))
    never = sorted({s.id for s in content.snippets} - shown)
    assert not never, f"snippets that no simple answer set shows: {never}"


def test_advice_follows_the_organisations_type_and_area(content: Content) -> None:
    low = dict.fromkeys(content.questions, "not_started")
    charity = guide_snippet_ids(build_guide(content, Profile(name="", org_type="charity"), low))
    group = guide_snippet_ids(build_guide(content, Profile(name="", org_type="community_group"), low))
    assert "trustees-discuss-get-started" in charity - group
    assert "trustees-discuss-get-started-other" in group - charity
    north = guide_snippet_ids(build_guide(content, Profile(name="", area="north_northamptonshire"), low))
    nowhere = guide_snippet_ids(build_guide(content, Profile(name=""), low))
    assert {"local-partnerships-get-started", "local-data-get-started-northamptonshire"} <= north - nowhere


def test_volunteer_groups_and_staffed_organisations_get_different_advice(content: Content) -> None:
    low = dict.fromkeys(content.questions, "not_started")
    volunteers = guide_snippet_ids(build_guide(content, Profile(name="", size_band="volunteer_only"), low))
    staffed = guide_snippet_ids(build_guide(content, Profile(name="", size_band="over_50"), low))
    assert {"wellbeing-get-started-volunteers", "peer-roles-get-started-volunteers"} <= volunteers - staffed
    assert {"wellbeing-get-started", "peer-roles-get-started"} <= staffed - volunteers


def test_family_work_brings_maternity_and_childrens_guidance(content: Content) -> None:
    low = {"health_promotion": "not_started"}
    families = build_guide(content, Profile(name="", works_with_families=True), low)
    others = build_guide(content, Profile(name="", works_with_families=False), low)
    family_tags = {tag for s in families.sections for snippet in s.snippets for tag in snippet.core20plus5}
    assert {"maternity", "cyp_oral_health"} <= family_tags
    assert "prevention-get-started-families" not in guide_snippet_ids(others)
