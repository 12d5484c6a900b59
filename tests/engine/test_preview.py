"""The text reports behind `flask content check` and `flask content preview`."""

from __future__ import annotations

from pathlib import Path

import pytest

from inclusion_audit.engine import Content, ContentError, check_report, find_problems, preview_text

from .content_builder import ContentBuilder

ANSWERS = """\
profile:
  name: Riverside Drop-in
  org_type: community_group
  size_band: volunteer_only
  area: north
  groups: [homelessness]
answers:
  named_lead: early
  trustees_discuss: dont_know
  budget: embedded
  know_groups: partly
  monitoring: "no"
"""


def test_check_report_counts_everything(content: Content) -> None:
    report = check_report(content)
    assert f"Content version {content.version}" in report
    assert "Sections: 2" in report
    assert "Questions: 6" in report
    assert "Snippets: 11" in report
    assert "  get-started: 5" in report
    assert "Group modules: 2 for 2 groups" in report
    assert "Key facts: 2" in report
    assert "Help entries: 2 national" in report
    assert "  local pack north: 1 entries" in report
    assert "Contradictions: 0" in report


def test_check_report_lists_coverage_gaps(content: Content) -> None:
    report = check_report(content)
    assert 'know_groups = "embedded" (score 3) triggers no snippet' in report
    assert 'budget = "dont_know" triggers no find-out snippet' in report
    assert 'named_lead = "early"' not in report


def test_check_report_warns_about_unguarded_percent(builder: ContentBuilder) -> None:
    builder.snippet("communities-low")["when"] = "communities_percent < 40"
    report = check_report(builder.load())
    assert "communities-low.md: when: compares communities_percent without `communities_percent != null and`" in report


def test_preview_shows_results_actions_and_guidance(content: Content, tmp_path: Path) -> None:
    path = tmp_path / "answers.yml"
    path.write_text(ANSWERS)
    text = preview_text(content, path)
    assert "Guide preview for Riverside Drop-in" in text
    assert "Groups: Homelessness" in text
    assert "Commitment: 33% Emerging (1 of 2 scored, 1 not sure)" in text  # budget is hidden for volunteers
    assert "Communities: 33% Emerging (2 of 3 scored)" in text  # missing_people shown, unanswered
    assert "ignored because their questions are not shown: budget" in text
    assert "1. [Quick win] Do the monitoring-get-started thing. (Communities; monitoring-get-started)" in text
    assert "- [Find out] Title of commitment-find-out (commitment-find-out)" in text
    assert "homelessness-module" in text
    assert "[fact] Registering with a GP (gp-rights)" in text
    assert "[local data] Local health reports (Public Health North)" in text
    assert "[national help] Healthwatch (Healthwatch England)" in text


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ("named_lead: early", "named_leed: early", "answers.named_leed: unknown question"),
        ("named_lead: early", "named_lead: sometimes", 'answers.named_lead: "sometimes" is not an answer'),
        ("[homelessness]", "[rough_sleepers]", 'profile.groups[0]: unknown group "rough_sleepers"'),
        ("area: north", "area: london", 'profile.area: "london" is not one of'),
        ("area: north\n", "area: north\n  local_area: daventry\n", 'profile.local_area: "daventry" is not a local'),
        ("  name: Riverside Drop-in\n", "", "profile.name: required field is missing"),
        ("answers:", "answers: [", "YAML does not parse"),
    ],
)
def test_answers_file_problems_name_the_file(
    content: Content, tmp_path: Path, replace: str, by: str, expected: str
) -> None:
    path = tmp_path / "broken.yml"
    path.write_text(ANSWERS.replace(replace, by))
    with pytest.raises(ContentError) as caught:
        preview_text(content, path)
    assert any(p.startswith(f"{path}: ") and expected in p for p in caught.value.problems), caught.value.problems


def test_check_report_fails_on_an_answer_for_one_audit_that_would_be_carried_over(builder: ContentBuilder) -> None:
    questions = builder.sections["01-commitment"]["questions"]
    questions[0]["hint"] = "Think of what you said in your last audit."
    tags = questions[0]["tags"]
    questions.append({"id": "reviewed", "text": "Did you review your actions?", "review": True, "tags": tags})
    findings = find_problems(builder.load())
    assert findings.failing  # the small test content has coverage gaps too; this list is what is checked here
    assert findings.one_audit_answers == [
        'sections/01-commitment.yml: named_lead is for one audit (it says "last audit"); add carry_over: false',
        "sections/01-commitment.yml: reviewed is for one audit (a review question); add carry_over: false",
    ]

    questions[0]["carry_over"] = False
    questions[-1]["carry_over"] = False
    content = builder.load()
    assert find_problems(content).one_audit_answers == []
    report = check_report(content)
    assert "  not carried over to a new audit: named_lead, reviewed" in report
    assert "Answers for one audit carried over to the next: 0" in report


def test_carry_over_must_be_true_or_false(builder: ContentBuilder) -> None:
    builder.sections["01-commitment"]["questions"][0]["carry_over"] = "no"
    with pytest.raises(ContentError, match="carry_over"):
        builder.load()
