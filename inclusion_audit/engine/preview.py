"""Plain-text reports for content editors, wrapped by the `flask content check|preview` commands."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .answers_file import load_example
from .claims import contradictions
from .content import Content
from .coverage import coverage_gaps
from .guide import build_guide
from .links import home_page_links
from .lint import answers_for_one_audit, content_warnings, meta_actions
from .model import Guide, SectionResult, Snippet
from .schema import SNIPPET_KINDS
from .scoring import resolve_answers


@dataclass(frozen=True)
class ContentFindings:
    """What `content check` found in the content itself; each list is empty when all is well."""

    contradictions: list[str]
    coverage_gaps: list[str]
    home_page_links: list[str]
    meta_actions: list[str]
    one_audit_answers: list[str]
    warnings: list[str]

    @property
    def failing(self) -> bool:
        """Problems that must be fixed before publishing (warnings are advice)."""
        return bool(
            self.contradictions
            or self.coverage_gaps
            or self.home_page_links
            or self.meta_actions
            or self.one_audit_answers
        )


def find_problems(content: Content) -> ContentFindings:
    return ContentFindings(
        contradictions=contradictions(content),
        coverage_gaps=coverage_gaps(content),
        home_page_links=home_page_links(content),
        meta_actions=meta_actions(content),
        one_audit_answers=answers_for_one_audit(content),
        warnings=content_warnings(content),
    )


def check_report(content: Content, findings: ContentFindings | None = None) -> str:
    """Counts of everything loaded, then contradictions, coverage gaps, link problems and style warnings."""
    findings = findings or find_problems(content)
    kinds = Counter(snippet.meta.kind for snippet in content.snippets)
    local = Counter(entry.area for entry in content.help if entry.area is not None)
    lines = [
        f"Content version {content.version}: it loads and every rule checks out.",
        f"Sections: {len(content.sections)}",
        *(f"  {s.id}: {len(s.questions)} questions ({s.title})" for s in content.sections),
        f"Questions: {len(content.questions)}",
        "  not carried over to a new audit: "
        + (", ".join(q.id for q in content.questions.values() if not q.carry_over) or "none"),
        f"Snippets: {len(content.snippets)}",
        *(f"  {kind}: {kinds.get(kind, 0)}" for kind in SNIPPET_KINDS),
        f"Group modules: {kinds.get('group-module', 0)} for {len(content.config.profile.groups)} groups",
        f"Key facts: {len(content.facts)}",
        f"Help entries: {sum(1 for e in content.help if e.area is None)} national",
        *(f"  local pack {area}: {count} entries" for area, count in sorted(local.items())),
    ]
    for title, items in (
        ("Contradictions", findings.contradictions),
        ("Coverage gaps", findings.coverage_gaps),
        ("Home-page links with page titles", findings.home_page_links),
        ("Actions about the audit itself", findings.meta_actions),
        ("Answers for one audit carried over to the next", findings.one_audit_answers),
        ("Warnings", findings.warnings),
    ):
        lines.append(f"{title}: {len(items)}")
        lines.extend(f"  {item}" for item in items)
    return "\n".join(lines) + "\n"


def preview_text(content: Content, answers_file: Path) -> str:
    """A readable text version of the guide these answers would produce, opening page first."""
    example = load_example(content, answers_file)
    guide = build_guide(content, example.profile, example.answers, first_audit=example.first_audit)
    shown = resolve_answers(content, example.profile, example.answers, first_audit=example.first_audit).visible
    hidden = sorted(set(example.answers) - shown)
    lines = _heading(guide)
    if hidden:
        lines.append(f"Note: these answers are ignored because their questions are not shown: {', '.join(hidden)}")
    lines += ["", "Results"]
    lines += [f"  {section.result.title}: {_result_text(section.result)}" for section in guide.sections]
    lines += ["", f"Your {len(guide.actions)} actions"]
    effort = guide.labels["effort"]
    for action in guide.actions:
        where = action.section_title or guide.labels["groups"].get(action.group or "", "Groups")
        lines.append(f"  {action.rank}. [{effort[action.effort]}] {action.text} ({where}; {action.snippet_id})")
    lines += ["", "This month"]
    lines += [f"  - {action.first_step}" for action in guide.this_month] or ["  (nothing)"]
    lines += ["", "Chapters"]
    for section in guide.sections:
        lines.append(f"  {section.result.title}")
        lines += [_snippet_line(guide, s) for s in section.snippets] or ["    (no guidance matched)"]
    lines.append("  The groups you work with")
    lines += [_snippet_line(guide, s) for s in guide.group_modules] or ["    (none)"]
    lines.append("  Help, key facts and sources")
    lines += [f"    - [fact] {fact.title} ({fact.id})" for fact in guide.facts]
    lines += [f"    - [{'local' if e.local else 'national'} {e.kind}] {e.title} ({e.publisher})" for e in guide.help]
    return "\n".join(lines) + "\n"


def _result_text(result: SectionResult) -> str:
    score = f"{result.percent}% {result.band_label}" if result.percent is not None else "not enough answers"
    extras = [f"{result.scored or 0} of {result.questions} scored"]
    if result.dont_know:
        extras.append(f"{result.dont_know} not sure")
    if result.not_applicable:
        extras.append(f"{result.not_applicable} do not apply")
    if result.not_scored_first_audit:
        extras.append(f"{result.not_scored_first_audit} not scored on a first audit")
    return f"{score} ({', '.join(extras)})"


def _heading(guide: Guide) -> list[str]:
    labels, profile, overall = guide.labels, guide.profile, guide.overall
    place = labels["areas"].get(profile.area or "", "area not given")
    if profile.local_area:
        place += f" ({labels.get('local_areas', {}).get(profile.local_area, profile.local_area)})"
    about = [
        labels["org_types"].get(profile.org_type or "", "type not given"),
        labels["size_bands"].get(profile.size_band or "", "size not given"),
        place,
    ]
    groups = ", ".join(labels["groups"].get(g, g) for g in profile.groups) or "none chosen"
    if profile.other_groups:
        groups += f" (other: {profile.other_groups})"
    overall_text = f"{overall.percent}% {overall.band_label}" if overall.percent is not None else "not enough answers"
    return [
        f"Guide preview for {profile.name} (content version {guide.content_version})",
        f"Profile: {'; '.join(about)}{'; works with families' if profile.works_with_families else ''}",
        f"Groups: {groups}",
        f"{'First audit' if guide.first_audit else 'Re-audit'}. Overall: {overall_text} "
        f"({overall.dont_know} not sure, {overall.not_applicable} do not apply)",
    ]


def _snippet_line(guide: Guide, snippet: Snippet) -> str:
    # Brief steps are listed by their action under "More steps to consider", not given in full.
    brief = ", listed by its action" if snippet.brief else ""
    return f"    - [{guide.labels['kinds'][snippet.kind]}{brief}] {snippet.title} ({snippet.id})"
