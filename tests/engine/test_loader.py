"""Loading valid content: what Content exposes and how the version hash behaves."""

from __future__ import annotations

import shutil
from pathlib import Path

from inclusion_audit.engine import load_content, version_of

from .content_builder import ContentBuilder


def test_content_exposes_ordered_sections_questions_and_snippets(builder: ContentBuilder) -> None:
    content = builder.load()
    assert [s.id for s in content.sections] == ["commitment", "communities"]
    assert list(content.questions) == [
        "named_lead",
        "trustees_discuss",
        "budget",
        "know_groups",
        "monitoring",
        "missing_people",
    ]
    assert content.questions["budget"].section_id == "commitment"
    assert len(content.snippets) == len(builder.snippets)
    assert content.config.stages[0].id == "emerging"
    assert content.config.profile.groups["homelessness"] == "Homelessness"
    assert len(content.version) == 12 and int(content.version, 16) >= 0


def test_labels_reword_standard_scale_only_where_given(builder: ContentBuilder) -> None:
    question = builder.load().questions["named_lead"]
    assert question.values == ("not_started", "early", "partly", "embedded", "dont_know")
    assert question.option("not_started").label == "No one yet"
    assert question.option("early").label == "Early steps"


def test_does_not_apply_only_where_a_question_words_it(builder: ContentBuilder) -> None:
    content = builder.load()
    offered = {qid for qid, question in content.questions.items() if question.option("not_applicable")}
    assert offered == {"trustees_discuss"}
    trustees = content.questions["trustees_discuss"]
    # Placed before "Not sure", in the question's own words, and never scored.
    assert trustees.values[-2:] == ("not_applicable", "dont_know")
    assert trustees.option("not_applicable").label == "We have no trustees"
    assert trustees.option("not_applicable").score is None


def test_a_question_can_use_a_named_scale(builder: ContentBuilder) -> None:
    question = builder.load().questions["know_groups"]
    assert [option.label for option in question.options][:4] == ["None of us", "A few of us", "Most of us", "All of us"]
    assert question.values == ("not_started", "early", "partly", "embedded", "dont_know")


def test_facts_and_help_are_loaded(builder: ContentBuilder) -> None:
    content = builder.load()
    assert [fact.id for fact in content.facts] == ["definition", "gp-rights"]
    assert content.facts_by_id["definition"].meta.always
    assert [(entry.meta.title, entry.area) for entry in content.help] == [
        ("Healthwatch", None),
        ("NHS charging", None),
        ("Local health reports", "north"),
    ]


def test_snippet_body_is_kept_without_front_matter(builder: ContentBuilder) -> None:
    snippet = next(s for s in builder.load().snippets if s.id == "lead-get-started")
    assert snippet.body.startswith("Some guidance in **Markdown**.")
    assert "---" not in snippet.body
    assert snippet.path == "snippets/commitment/lead-get-started.md"


def test_sections_load_in_file_name_order(builder: ContentBuilder) -> None:
    builder.sections = {
        "05-communities": builder.sections["02-communities"],
        "07-commitment": builder.sections["01-commitment"],
    }
    builder.sections["05-communities"]["questions"][2].pop("show_when")
    assert [s.id for s in builder.load().sections] == ["communities", "commitment"]


def test_version_is_stable_and_independent_of_write_order(builder: ContentBuilder, tmp_path: Path) -> None:
    first = builder.load().version
    again = ContentBuilder(tmp_path / "copy")
    again.snippets.reverse()
    again.sections = dict(reversed(list(again.sections.items())))
    assert load_content(again.write()).version == first == version_of(builder.root)


def test_version_ignores_examples_but_not_content(builder: ContentBuilder) -> None:
    before = builder.load().version
    (builder.root / "examples").mkdir()
    (builder.root / "examples" / "demo.yml").write_text("profile: {name: x}\n")
    assert load_content(builder.root).version == before
    snippet_file = builder.root / "snippets/commitment/lead-get-started.md"
    snippet_file.write_text(snippet_file.read_text() + "One more line.\n")
    assert load_content(builder.root).version != before


def test_version_changes_when_a_file_moves(builder: ContentBuilder) -> None:
    before = builder.load().version
    shutil.move(builder.root / "sections/02-communities.yml", builder.root / "sections/03-communities.yml")
    assert load_content(builder.root).version != before


def test_reworded_answers_drop_the_scales_general_hint() -> None:
    from pathlib import Path

    from inclusion_audit.engine import load_content

    content = load_content(Path(__file__).resolve().parents[2] / "content")
    reworded = [
        q
        for q in content.questions.values()
        if any(o.label != s.label for o, s in zip(q.options, content.config.answer_scale, strict=False))
    ]
    assert reworded, "the real content rewords some answers"
    for question in reworded:
        for option, standard in zip(question.options, content.config.answer_scale, strict=False):
            if option.label != standard.label:
                assert option.hint is None, f"{question.id}.{option.value} keeps a hint written for other wording"
