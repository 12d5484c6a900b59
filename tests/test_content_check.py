"""`flask content check`: the whole report, its targets, and a failing exit status when content breaks a rule."""

from __future__ import annotations

import re

from tests.engine.content_builder import ContentBuilder


def test_content_check_prints_every_figure_and_meets_every_target(runner):
    result = runner.invoke(args=["content", "check"])
    output = result.output
    assert result.exit_code == 0, output
    for line in (
        "Contradictions: 0",
        "Coverage gaps: 0",
        "Home-page links with page titles: 0",
        "Actions about the audit itself: 0",
        "All checks passed and every target is met.",
    ):
        assert line in output
    minutes = float(re.search(r"questions = ([0-9.]+) minutes \(target 13\)", output).group(1))
    assert minutes <= 13
    found = re.search(r"  starting-out: ([0-9,]+) words, ([0-9]+) pages", output)
    words, pages = int(found.group(1).replace(",", "")), int(found.group(2))
    assert words <= 2_500 and pages <= 12
    for name in ("well-advanced", "volunteer-food-bank", "grt-womens-group", "sex-work-project"):
        assert re.search(rf"  {name}: [0-9,]+ words, [0-9]+ pages\n    1\. ", output), name


def test_content_check_counts_what_the_question_pages_show(runner):
    output = runner.invoke(args=["content", "check"]).output
    total = int(re.search(r"Question pages: ([0-9,]+) words on screen", output).group(1).replace(",", ""))
    per_section = [int(n.replace(",", "")) for n in re.findall(r"^  [a-z]+: ([0-9,]+) words$", output, re.MULTILINE)]
    assert len(per_section) == 5 and sum(per_section) == total
    # Question texts, hints and every answer label are on the page: 33 questions cannot fit in fewer words.
    assert total > 33 * 20


def test_content_check_fails_and_names_the_file_and_field_of_a_contradiction(make_app, tmp_path):
    builder = ContentBuilder(tmp_path / "content")
    builder.snippet("commitment-sustain")["when"] = 'named_lead == "embedded" or trustees_discuss == "embedded"'
    app = make_app({"CONTENT_DIR": str(builder.write()), "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}"})
    result = app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert "Contradictions: 2" in result.output
    assert "  snippets/commitment/commitment-sustain.md: claims.named_lead: the rule also holds when" in result.output
    assert "Some checks failed: see above." in result.output
