"""Checks that span several content files, and assembling the final `Content`.

Each file has already passed its own schema. Here we catch what no single file can show: ids used
twice, rules naming questions or answers that do not exist, `show_when` looking ahead, snippets
pointing at unknown sections or groups, and files in the wrong folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from rule_engine import Context, Rule

from . import rules
from .content import Content, QuestionDef, SectionDef
from .errors import problem
from .guidance_checks import FactFile, GuidanceBuilder, HelpSource, SnippetFile
from .rule_checks import symbols_used, unknown_values
from .schema import Config, Option, Question, Section
from .tags import tag_problems

NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class SectionFile:
    path: str
    section: Section


def assemble(
    config: Config,
    sections: list[SectionFile],
    snippets: list[SnippetFile],
    version: str,
    problems: list[str],
    sections_ok: bool = True,
    facts: list[FactFile] | None = None,
    help_sources: list[HelpSource] | None = None,
) -> Content:
    """Cross-check the parts and build Content. Problems are appended to `problems`, never raised.

    `sections_ok` is False when a section file could not be read; snippets are then not cross-checked.
    """
    guidance = (snippets, facts or [], help_sources or []) if sections_ok else ([], facts or [], [])
    content = _Assembler(config, problems).run(sections, guidance, version)
    if not sections_ok and snippets:
        # Snippets name sections and questions; checking them against a half-loaded set of sections
        # would bury the real problem under many "unknown question" lines.
        problems.append(problem("snippets/", None, "not cross-checked yet: fix the problems above first"))
    return content


def _file_slug(path: str) -> str:
    """'sections/01-commitment.yml' -> 'commitment' (the two-digit prefix only sets the order)."""
    stem = PurePosixPath(path).stem
    prefix, _, rest = stem.partition("-")
    return rest if prefix.isdigit() and rest else stem


class _Assembler:
    def __init__(self, config: Config, problems: list[str]) -> None:
        self.config = config
        self.problems = problems
        self.section_paths: dict[str, str] = {}
        self.question_paths: dict[str, str] = {}
        self.options: dict[str, tuple[Option, ...]] = {}
        self.allowed: dict[str, frozenset[str]] = {}
        self.sections: dict[str, SectionDef] = {}

    def report(self, path: str, field: str | None, message: str) -> None:
        self.problems.append(problem(path, field, message))

    def run(
        self,
        section_files: list[SectionFile],
        guidance: tuple[list[SnippetFile], list[FactFile], list[HelpSource]],
        version: str,
    ) -> Content:
        kept = [f for f in section_files if self._check_section(f)]
        types = rules.symbol_types(self.options, self.section_paths)
        context = rules.make_context(types)
        self.allowed = self._allowed_values()
        sections = tuple(self._build_section(f, context) for f in kept)
        self.sections = {s.id: s for s in sections}
        self._check_earlier_ids(kept)
        questions = {q.id: q for section in sections for q in section.questions}
        builder = GuidanceBuilder(self.config, self.problems, questions, self.sections, self._compile)
        snippet_files, fact_files, help_sources = guidance
        facts = builder.facts(fact_files)
        snippets = builder.snippets(snippet_files, context)
        help_entries = builder.help(help_sources, context)
        return Content(
            config=self.config, sections=sections, snippets=snippets, version=version, facts=facts, help=help_entries
        )

    def _allowed_values(self) -> dict[str, frozenset[str]]:
        lists = self.config.profile
        allowed = {qid: frozenset(o.value for o in options) for qid, options in self.options.items()}
        allowed["org_type"] = frozenset(lists.org_types)
        allowed["size_band"] = frozenset(lists.size_bands)
        allowed["area"] = frozenset(lists.areas)
        allowed["local_area"] = frozenset(place for places in lists.local_areas.values() for place in places)
        allowed[rules.GROUPS_SYMBOL] = frozenset(lists.groups)
        band_ids = frozenset(band.id for band in self.config.stages)
        allowed.update({rules.band_symbol(section_id): band_ids for section_id in self.section_paths})
        return allowed

    # Sections and questions

    def _check_section(self, section_file: SectionFile) -> bool:
        """Check ids and register the section's questions; False if the whole section must be skipped."""
        path, section = section_file.path, section_file.section
        if section.id != _file_slug(path):
            self.report(path, "id", f'"{section.id}" does not match the file name (expected "{_file_slug(path)}")')
        first = self.section_paths.setdefault(section.id, path)
        if first != path:
            self.report(path, "id", f'duplicate section id "{section.id}" (first used in {first})')
            return False
        if section.principle not in self.config.principles:
            self.report(path, "principle", f"{section.principle} is not a principle in config.yml")
        for index, question in enumerate(section.questions):
            self._register_question(path, index, question)
        return True

    def _register_question(self, path: str, index: int, question: Question) -> None:
        field = f"questions[{index}]"
        reserved = rules.RESERVED_SYMBOLS
        if question.id in rules.RULE_KEYWORDS or question.id in reserved or question.id.endswith(("_percent", "_band")):
            self.report(path, f"{field}.id", f'"{question.id}" is a reserved word in rules; choose another id')
        first = self.question_paths.setdefault(question.id, path)
        if first != path or question.id in self.options:
            self.report(path, f"{field}.id", f'duplicate question id "{question.id}" (first used in {first})')
            return
        self.options[question.id] = self._resolve_options(path, field, question)
        for tag_field, message in tag_problems(self.config, question.tags):
            self.report(path, f"{field}.tags.{tag_field}", message)

    def _resolve_options(self, path: str, field: str, question: Question) -> tuple[Option, ...]:
        """The question's own options, or its scale with any `labels` rewording and `does_not_apply` added."""
        options = question.options or self._scale(path, field, question.scale)
        if question.does_not_apply is not None:
            options = _with_not_applicable(options, question.does_not_apply)
        labels = question.labels or {}
        values = {option.value for option in options}
        for key in labels:
            if key not in values:
                choices = ", ".join(sorted(values))
                self.report(path, f"{field}.labels.{key}", f"not an answer value of this question ({choices})")
        # A reworded answer carries its own meaning, so the scale's general hint would no longer fit it.
        return tuple(
            option.model_copy(update={"label": labels[option.value], "hint": None})
            if option.value in labels
            else option
            for option in options
        )

    def _scale(self, path: str, field: str, name: str | None) -> list[Option]:
        if name is None:
            return self.config.answer_scale
        scale = self.config.scales.get(name)
        if scale is None:
            choices = ", ".join(sorted(self.config.scales)) or "none are defined in config.yml"
            self.report(path, f"{field}.scale", f'unknown scale "{name}" ({choices})')
            return self.config.answer_scale
        return scale

    def _build_section(self, section_file: SectionFile, context: Context) -> SectionDef:
        path, section = section_file.path, section_file.section
        questions = []
        for index, question in enumerate(section.questions):
            if self.question_paths.get(question.id) != path or question.id in {q.id for q in questions}:
                continue  # a duplicate, already reported
            show_rule = None
            if question.show_when is not None:
                show_rule = self._compile(path, f"questions[{index}].show_when", question.show_when, context)
                if show_rule is not None:
                    self._check_looks_back(path, index, question.id, show_rule)
            questions.append(
                QuestionDef(
                    id=question.id,
                    section_id=section.id,
                    text=question.text,
                    hint=question.hint,
                    options=self.options[question.id],
                    show_when=question.show_when,
                    show_rule=show_rule,
                    review=question.review,
                    renamed_from=tuple(question.renamed_from),
                    prefill_from_plan=question.prefill_from_plan,
                    tags=question.tags,
                    carry_over=question.carry_over,
                )
            )
        return SectionDef(
            section.id,
            section.title,
            section.principle,
            section.intro,
            tuple(questions),
            path,
            renamed_from=tuple(section.renamed_from),
        )

    def _check_earlier_ids(self, section_files: list[SectionFile]) -> None:
        """An earlier id names one thing only: not a current id, not two replacements, not also retired."""
        retired = {"question": set(self.config.retired_questions), "section": set(self.config.retired_sections)}
        current = {"question": set(self.question_paths), "section": set(self.section_paths)}
        claimed: dict[tuple[str, str], str] = {}
        for kind in ("question", "section"):
            for old in sorted(retired[kind] & current[kind]):
                self.report("config.yml", f"retired_{kind}s.{old}", f"is still a {kind} id")
        for section_file in section_files:
            section = section_file.section
            things = [("section", "renamed_from", section.id, section.renamed_from)]
            things += [
                ("question", f"questions[{i}].renamed_from", q.id, q.renamed_from)
                for i, q in enumerate(section.questions)
            ]
            for kind, field, new_id, earlier_ids in things:
                for old in earlier_ids:
                    if old in current[kind]:
                        self.report(
                            section_file.path, field, f'"{old}" is still a {kind} id; it cannot be an earlier one'
                        )
                    elif old in retired[kind]:
                        self.report(section_file.path, field, f'"{old}" is also listed in retired_{kind}s')
                    elif claimed.setdefault((kind, old), new_id) != new_id:
                        self.report(
                            section_file.path, field, f'"{old}" is already an earlier id of "{claimed[(kind, old)]}"'
                        )

    def _check_looks_back(self, path: str, index: int, question_id: str, rule: Rule) -> None:
        # The audit form shows questions in order, so visibility may depend only on what came before.
        earlier = list(self.options)[: list(self.options).index(question_id)]
        allowed = {
            *rules.PROFILE_SYMBOLS,
            rules.GROUPS_SYMBOL,
            rules.FAMILIES_SYMBOL,
            rules.FIRST_AUDIT_SYMBOL,
            *earlier,
        }
        for symbol in symbols_used(rule):
            if symbol in allowed:
                continue
            what = "a later question (or this one)" if symbol in self.options else "a result, not an answer"
            message = f'uses "{symbol}", {what}; show_when may only use the profile and answers to earlier questions'
            self.report(path, f"questions[{index}].show_when", message)

    def _compile(self, path: str, field: str, text: str, context: Context) -> Rule | None:
        try:
            rule = rules.compile_rule(text, context)
        except rules.RuleProblem as error:
            self.report(path, field, str(error))
            return None
        for message in unknown_values(rule, self.allowed):
            self.report(path, field, message)
        return rule


def _with_not_applicable(options: list[Option], label: str) -> list[Option]:
    """The scale with a "does not apply" answer (worded for this question) placed before "Not sure"."""
    extra = Option(value=NOT_APPLICABLE, label=label, score=None)
    kept = [option for option in options if option.value != NOT_APPLICABLE]
    unscored_at = next((i for i, option in enumerate(kept) if option.score is None), len(kept))
    return [*kept[:unscored_at], extra, *kept[unscored_at:]]
