"""Plain-text reports for content editors, wrapped by the `flask content check|preview` commands."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .answers_file import load_answers_file
from .content import Content
from .coverage import coverage_gaps
from .guide import build_guide
from .lint import content_warnings
from .model import Guide, Snippet
from .schema import SNIPPET_KINDS
from .scoring import resolve_answers


def check_report(content: Content) -> str:
    """Counts of everything loaded, plus any gaps in guidance coverage and style warnings."""
    kinds = Counter(snippet.meta.kind for snippet in content.snippets)
    lines = [
        f"Content version {content.version}: it loads and every rule checks out.",
        f"Sections: {len(content.sections)}",
        *(f"  {s.id}: {len(s.questions)} questions ({s.title})" for s in content.sections),
        f"Questions: {len(content.questions)}",
        f"Snippets: {len(content.snippets)}",
        *(f"  {kind}: {kinds.get(kind, 0)}" for kind in SNIPPET_KINDS),
        f"Group modules: {kinds.get('group-module', 0)} for {len(content.config.profile.groups)} groups",
    ]
    gaps = coverage_gaps(content)
    lines.append(f"Coverage gaps: {len(gaps)}")
    lines.extend(f"  {gap}" for gap in gaps)
    warnings = content_warnings(content)
    lines.append(f"Warnings: {len(warnings)}")
    lines.extend(f"  {warning}" for warning in warnings)
    return "\n".join(lines) + "\n"


def preview_text(content: Content, answers_file: Path) -> str:
    """A readable text version of the guide these answers would produce."""
    profile, answers = load_answers_file(content, answers_file)
    guide = build_guide(content, profile, answers)
    hidden = sorted(set(answers) - resolve_answers(content, profile, answers).visible)
    lines = _heading(guide)
    if hidden:
        lines.append(f"Note: these answers are ignored because their questions are not shown: {', '.join(hidden)}")
    lines += ["", "Section results"]
    for section in guide.sections:
        result = section.result
        score = f"{result.percent}% {result.band_label}" if result.percent is not None else "no score"
        lines.append(
            f"  {result.title}: {score} ({result.answered} of {result.questions} answered, "
            f"{result.dont_know} not sure, {result.not_applicable} do not apply)"
        )
    lines += ["", "Top actions"]
    effort = guide.labels["effort"]
    lines += [f"  {a.rank}. [{effort[a.effort]}] {a.text} ({a.section_title}; {a.snippet_id})" for a in guide.actions]
    lines += ["", "Guidance by section"]
    for section in guide.sections:
        lines.append(f"  {section.result.title}")
        lines += [_snippet_line(guide, s) for s in section.snippets] or ["    (no guidance matched)"]
    lines += ["", "Group modules"]
    lines += [_snippet_line(guide, s) for s in guide.group_modules] or ["    (none)"]
    lines += ["", "Signposts"]
    lines += [_snippet_line(guide, s) for s in guide.signposts] or ["    (none)"]
    return "\n".join(lines) + "\n"


def _heading(guide: Guide) -> list[str]:
    labels, profile, overall = guide.labels, guide.profile, guide.overall
    about = [
        labels["org_types"].get(profile.org_type or "", "type not given"),
        labels["size_bands"].get(profile.size_band or "", "size not given"),
        labels["areas"].get(profile.area or "", "area not given"),
    ]
    groups = ", ".join(labels["groups"].get(g, g) for g in profile.groups) or "none chosen"
    overall_text = f"{overall.percent}% {overall.band_label}" if overall.percent is not None else "no score"
    return [
        f"Guide preview for {profile.name} (content version {guide.content_version})",
        f"Profile: {'; '.join(about)}",
        f"Groups: {groups}",
        f"Overall: {overall_text} ({overall.dont_know} not sure, {overall.not_applicable} do not apply)",
    ]


def _snippet_line(guide: Guide, snippet: Snippet) -> str:
    return f"    - [{guide.labels['kinds'][snippet.kind]}] {snippet.title} ({snippet.id})"
