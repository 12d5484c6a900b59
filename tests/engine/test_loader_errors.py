"""Each kind of broken content gives a ContentError naming the file, the field and the problem."""

from __future__ import annotations

import pytest

from inclusion_audit.engine import ContentError, load_content

from .content_builder import ContentBuilder


def problems_of(builder: ContentBuilder) -> tuple[str, ...]:
    with pytest.raises(ContentError) as caught:
        builder.load()
    return caught.value.problems


def assert_one_problem(builder: ContentBuilder, *expected_parts: str) -> str:
    problems = problems_of(builder)
    matching = [p for p in problems if all(part in p for part in expected_parts)]
    assert matching, f"no problem mentions {expected_parts}; got {problems}"
    return matching[0]


def test_fixture_content_is_valid(builder: ContentBuilder) -> None:
    content = builder.load()
    assert [s.id for s in content.sections] == ["commitment", "communities"]


def test_section_yaml_that_does_not_parse(builder: ContentBuilder) -> None:
    builder.raw["sections/03-broken.yml"] = "id: broken\nquestions: [unclosed\n"
    message = assert_one_problem(builder, "sections/03-broken.yml: YAML does not parse at line")
    assert "line 3" in message or "line 2" in message


def test_snippet_front_matter_yaml_that_does_not_parse(builder: ContentBuilder) -> None:
    builder.raw["snippets/commitment/bad.md"] = "---\nid: bad\ntitle: [oops\n---\nBody\n"
    assert_one_problem(builder, "snippets/commitment/bad.md: YAML does not parse")


def test_key_given_twice(builder: ContentBuilder) -> None:
    builder.raw["snippets/commitment/twice.md"] = "---\nid: twice\nwhen: 'true'\nwhen: 'false'\n---\nBody\n"
    assert_one_problem(builder, "snippets/commitment/twice.md: YAML does not parse at line 4", '"when" appears twice')


def test_file_that_is_not_utf8(builder: ContentBuilder) -> None:
    builder.write()
    (builder.root / "snippets/commitment/latin1.md").write_bytes("---\ntitle: caf\u00e9\n---\n".encode("latin-1"))
    with pytest.raises(ContentError) as caught:
        load_content(builder.root)
    assert "snippets/commitment/latin1.md: is not saved as UTF-8 text (re-save it as UTF-8)" in caught.value.problems


def test_snippet_without_front_matter(builder: ContentBuilder) -> None:
    builder.raw["snippets/commitment/plain.md"] = "Just a body\n"
    assert_one_problem(builder, "snippets/commitment/plain.md", "must start with a `---` line")


def test_missing_field(builder: ContentBuilder) -> None:
    del builder.sections["01-commitment"]["questions"][1]["text"]
    assert_one_problem(builder, "sections/01-commitment.yml: questions[1].text: required field is missing")


def test_extra_field(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["colour"] = "blue"
    assert_one_problem(builder, "snippets/commitment/lead-strengthen.md: colour: unknown field")


def test_missing_field_in_config(builder: ContentBuilder) -> None:
    del builder.config["stages"][0]["meaning"]
    assert_one_problem(builder, "config.yml: stages[0].meaning: required field is missing")


def test_duplicate_section_id(builder: ContentBuilder) -> None:
    tags = builder.sections["01-commitment"]["questions"][0]["tags"]
    question = {"id": "x1", "text": "Q", "tags": tags}
    builder.sections["03-commitment"] = {**builder.sections["01-commitment"], "questions": [question]}
    assert_one_problem(
        builder,
        'sections/03-commitment.yml: id: duplicate section id "commitment" (first used in sections/01-commitment',
    )


def test_duplicate_question_id_across_sections(builder: ContentBuilder) -> None:
    builder.sections["02-communities"]["questions"][2]["id"] = "named_lead"
    builder.sections["02-communities"]["questions"][2].pop("show_when")
    assert_one_problem(
        builder,
        'sections/02-communities.yml: questions[2].id: duplicate question id "named_lead" '
        "(first used in sections/01-commitment.yml)",
    )


def test_duplicate_snippet_id(builder: ContentBuilder) -> None:
    copy = {
        **builder.snippet("lead-strengthen"),
        "section": "communities",
        "questions": ["monitoring"],
        "claims": {"monitoring": ["yes"]},
    }
    builder.snippets.append(copy)
    message = assert_one_problem(builder, 'duplicate snippet id "lead-strengthen"')
    assert message.startswith("snippets/communities/lead-strengthen.md: id:")
    assert "first used in snippets/commitment/lead-strengthen.md" in message


def test_rule_that_does_not_parse(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["when"] = 'named_lead == "partly" andd true'
    assert_one_problem(builder, "snippets/commitment/lead-strengthen.md: when: rule does not parse", "andd")


def test_show_when_that_does_not_parse(builder: ContentBuilder) -> None:
    builder.sections["01-commitment"]["questions"][2]["show_when"] = 'size_band != "volunteer_only" and'
    assert_one_problem(builder, "sections/01-commitment.yml: questions[2].show_when: rule does not parse")


def test_rule_naming_unknown_symbol(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["when"] = 'named_leed == "partly"'
    message = assert_one_problem(builder, 'lead-strengthen.md: when: rule names unknown symbol "named_leed"')
    assert 'did you mean "named_lead"' in message


def test_rule_comparing_question_with_value_it_does_not_have(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["when"] = 'named_lead in ["partly", "embeded"]'
    assert_one_problem(builder, "lead-strengthen.md: when:", 'named_lead with "embeded"')


def test_rule_comparing_custom_option_question_with_scale_value(builder: ContentBuilder) -> None:
    builder.snippet("monitoring-get-started")["when"] = '"not_started" == monitoring'
    assert_one_problem(builder, "monitoring-get-started.md: when:", 'monitoring with "not_started"')


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ('org_type == "charity_shop"', 'org_type with "charity_shop"'),
        ('size_band != "huge"', 'size_band with "huge"'),
        ('area in ["north", "london"]', 'area with "london"'),
        ('local_area == "corbie"', 'local_area with "corbie"'),
        ('"rough_sleepers" in groups', 'group "rough_sleepers"'),
        ('commitment_band == "great"', 'commitment_band with "great"'),
    ],
)
def test_rule_comparing_profile_symbols_with_unknown_values(builder: ContentBuilder, rule: str, expected: str) -> None:
    builder.snippet("migrants-module")["when"] = rule
    assert_one_problem(builder, "snippets/groups/migrants-module.md: when:", expected)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("questions", ["named_lead", "no_such_question"], "claims: say which answers the text assumes for no_such"),
        ("section", "leadership", 'section: unknown section "leadership"'),
        ("core20plus5", ["plus_groups", "dentistry"], 'core20plus5[1]: unknown Core20PLUS5 tag "dentistry"'),
    ],
)
def test_section_snippet_with_unknown_reference(
    builder: ContentBuilder, field: str, value: object, expected: str
) -> None:
    builder.snippet("lead-strengthen")[field] = value
    assert_one_problem(builder, "lead-strengthen.md: " + expected)


def test_group_module_with_unknown_group(builder: ContentBuilder) -> None:
    builder.snippet("homelessness-module")["group"] = "rough_sleeping"
    assert_one_problem(builder, 'snippets/groups/homelessness-module.md: group: unknown group "rough_sleeping"')


def test_show_when_referring_to_a_later_question(builder: ContentBuilder) -> None:
    builder.sections["01-commitment"]["questions"][1]["show_when"] = 'know_groups == "embedded"'
    assert_one_problem(
        builder, "sections/01-commitment.yml: questions[1].show_when:", '"know_groups", a later question'
    )


def test_show_when_referring_to_a_section_result(builder: ContentBuilder) -> None:
    builder.sections["02-communities"]["questions"][0]["show_when"] = "commitment_percent != null"
    assert_one_problem(builder, "questions[0].show_when:", '"commitment_percent", a result')


def test_section_with_no_questions(builder: ContentBuilder) -> None:
    builder.sections["02-communities"]["questions"] = []
    assert_one_problem(builder, "sections/02-communities.yml: questions:", "at least 1 item")


def test_score_outside_zero_to_three(builder: ContentBuilder) -> None:
    builder.sections["02-communities"]["questions"][1]["options"][1]["score"] = 4
    assert_one_problem(
        builder, "sections/02-communities.yml: questions[1].options[1].score:", "less than or equal to 3"
    )


def test_labels_key_that_is_not_a_scale_value(builder: ContentBuilder) -> None:
    builder.sections["01-commitment"]["questions"][0]["labels"] = {"fully": "Yes, fully"}
    assert_one_problem(builder, "sections/01-commitment.yml: questions[0].labels.fully: not an answer value")


def test_action_required_for_get_started(builder: ContentBuilder) -> None:
    del builder.snippet("lead-get-started")["action"]
    assert_one_problem(builder, "lead-get-started.md: action: required for get-started snippets")


def test_group_required_for_group_module(builder: ContentBuilder) -> None:
    del builder.snippet("migrants-module")["group"]
    assert_one_problem(builder, "migrants-module.md: group: required for group-module snippets")


def test_source_must_be_https(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["sources"] = [{"title": "Old", "url": "http://example.org/page"}]
    assert_one_problem(builder, "lead-strengthen.md: sources[0].url: must start with https:")


def test_bad_snippet_id_pattern_and_kind(builder: ContentBuilder) -> None:
    meta = builder.snippet("lead-strengthen")
    meta["kind"] = "improve"
    meta["priority"] = 9
    problems = problems_of(builder)
    assert any("lead-strengthen.md: kind:" in p for p in problems)
    assert any("lead-strengthen.md: priority:" in p for p in problems)


def test_snippet_file_name_must_match_id(builder: ContentBuilder) -> None:
    builder.raw["snippets/commitment/wrong-name.md"] = (
        "---\nid: right-name\ntitle: T\nsection: commitment\nkind: sustain\npriority: 3\neffort: quick-win\n"
        "questions: [named_lead]\nclaims: {named_lead: [embedded]}\nsources:\n  - {title: S, url: 'https://example.org'}\n"
        "when: 'named_lead == \"embedded\"'\n---\nBody\n"
    )
    assert_one_problem(builder, "snippets/commitment/wrong-name.md: id:", 'expected "right-name.md"')


def test_snippet_in_wrong_folder(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["section"] = "communities"
    builder.snippet("lead-strengthen")["questions"] = ["know_groups"]
    builder.snippet("lead-strengthen")["claims"] = {"know_groups": ["partly"]}
    builder.snippet("lead-strengthen")["when"] = 'know_groups == "partly"'
    builder.write()
    (builder.root / "snippets/communities/lead-strengthen.md").rename(builder.root / "snippets/lead-strengthen.md")
    with pytest.raises(ContentError) as caught:
        load_content(builder.root)
    expected = "snippets/lead-strengthen.md: a strengthen snippet belongs in snippets/communities/"
    assert expected in caught.value.problems


def test_question_id_that_is_a_rule_keyword(builder: ContentBuilder) -> None:
    builder.sections["01-commitment"]["questions"][1]["id"] = "not"
    assert_one_problem(builder, 'questions[1].id: "not" is a reserved word')


def test_section_id_must_match_file_name(builder: ContentBuilder) -> None:
    builder.sections["01-commitment"]["id"] = "leadership"
    assert_one_problem(builder, 'sections/01-commitment.yml: id: "leadership" does not match the file name')


def test_several_problems_are_reported_together(builder: ContentBuilder) -> None:
    builder.snippet("lead-strengthen")["when"] = "nonsense_symbol"
    builder.snippet("budget-get-started")["priority"] = 0
    builder.sections["02-communities"]["questions"][0]["labels"] = {"maybe": "Maybe"}
    with pytest.raises(ContentError) as caught:
        builder.load()
    problems = caught.value.problems
    assert len(problems) == 3
    assert str(caught.value).startswith("3 problems in the content:")
    assert {p.split(":")[0] for p in problems} == {
        "snippets/commitment/lead-strengthen.md",
        "snippets/commitment/budget-get-started.md",
        "sections/02-communities.yml",
    }


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"named_lead": ["partly"], "no_such_question": ["partly"]}, "claims.no_such_question: unknown question"),
        ({"named_lead": ["sometimes"]}, "claims.named_lead: list answers this question has"),
        # A strengthen snippet speaks to middle (or top) answers, never to a low one.
        ({"named_lead": ["early", "partly"]}, "claims.named_lead: a strengthen snippet cannot assume early"),
    ],
)
def test_claims_must_name_real_answers_that_fit_the_kind(builder: ContentBuilder, claims: dict, expected: str) -> None:
    builder.snippet("lead-strengthen")["claims"] = claims
    assert_one_problem(builder, "snippets/commitment/lead-strengthen.md: " + expected)


def test_sustain_snippet_cannot_assume_a_middle_answer(builder: ContentBuilder) -> None:
    builder.snippet("commitment-sustain")["claims"]["named_lead"] = ["partly", "embedded"]
    assert_one_problem(builder, "commitment-sustain.md: claims.named_lead: a sustain snippet cannot assume partly")


def test_snippet_about_a_question_must_say_what_it_assumes(builder: ContentBuilder) -> None:
    del builder.snippet("lead-get-started")["claims"]
    assert_one_problem(builder, "lead-get-started.md: claims: say which answers the text assumes for named_lead")


def test_action_needs_a_first_step_and_stays_out_of_the_plan_when_told(builder: ContentBuilder) -> None:
    del builder.snippet("lead-get-started")["first_step"]
    assert_one_problem(builder, "lead-get-started.md: first_step: required with an action")


def test_unknown_fact(builder: ContentBuilder) -> None:
    builder.snippet("lead-get-started")["facts"] = ["gp-rights", "no-such-fact"]
    assert_one_problem(builder, 'lead-get-started.md: facts[1]: unknown fact "no-such-fact"')


def test_local_pack_for_an_unknown_area(builder: ContentBuilder) -> None:
    builder.local_packs["east"] = {**builder.local_packs["north"], "area": "east"}
    assert_one_problem(builder, 'local/east.yml: area: unknown area "east"')


def test_help_entry_rule_and_section_are_checked(builder: ContentBuilder) -> None:
    entry = builder.national_help["entries"][1]
    entry["when"] = '"rough_sleepers" in groups'
    entry["section"] = "nowhere"
    problems = problems_of(builder)
    assert any("help/national.yml: entries[1].when:" in p and '"rough_sleepers"' in p for p in problems)
    assert 'help/national.yml: entries[1].section: unknown section "nowhere"' in problems


def test_unknown_scale(builder: ContentBuilder) -> None:
    builder.sections["01-commitment"]["questions"][0]["scale"] = "confidence"
    assert_one_problem(builder, 'sections/01-commitment.yml: questions[0].scale: unknown scale "confidence"')


def test_local_area_must_belong_to_an_area(builder: ContentBuilder) -> None:
    builder.config["profile"]["local_areas"]["east"] = {"oundle": "Oundle"}
    assert_one_problem(builder, 'config.yml: profile: local_areas: "east" is not one of the areas')


def test_old_question_ids_cannot_be_reused_or_claimed_twice(builder: ContentBuilder) -> None:
    questions = builder.sections["01-commitment"]["questions"]
    questions[0]["renamed_from"] = ["trustees_discuss"]  # still a question
    questions[1]["renamed_from"] = ["old_question"]  # already retired in config.yml
    problems = problems_of(builder)
    assert any('questions[0].renamed_from: "trustees_discuss" is still a question id' in p for p in problems)
    assert any('questions[1].renamed_from: "old_question" is also listed in retired_questions' in p for p in problems)


def test_retired_question_must_not_still_be_asked(builder: ContentBuilder) -> None:
    builder.config["retired_questions"]["budget"] = "Gone."
    assert_one_problem(builder, "config.yml: retired_questions.budget: is still a question id")


def test_help_entry_training_topics_must_be_listed(builder: ContentBuilder) -> None:
    builder.local_packs["north"]["entries"][0]["topics"] = ["using_data", "juggling"]
    assert_one_problem(
        builder,
        'local/north.yml: entries[0].topics[1]: unknown training topic "juggling" (not in config.yml training_topics)',
    )
