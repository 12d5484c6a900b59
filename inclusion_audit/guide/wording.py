"""What the guide says on the web pages and in its documents (PDF and Word), worded once so all say the same.

Labels come from `guide.labels` (stored with the guide), read with `.get` and a readable fallback so a guide
stored by an older version of the engine still renders. The Guide's fields keep their names ("band"); the words
on the page are the project's ("stage").
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from ..dates import format_date
from ..engine.model import Action, Guide, HelpEntry, SectionResult, Snippet, Stage
from ..queries.plan import PlanRow

SERVICE_NAME = "Inclusion health self-audit"
DEFAULT_TITLE = "Inclusion health guide"
KEYWORDS = ("inclusion health", "self-audit", "guide")
NOT_ENOUGH_ANSWERS = "Not enough answers"
TOP_ACTIONS = 5

COVER_LEAD = (
    "Built from your organisation's answers. It is not a test: there is no pass or fail. "
    "Start with the next page, your results and first steps; the chapters after it give the detail."
)
CONTENTS_TITLE = "Contents"
OPENING_TITLE = "Your results and next steps"
RESULTS_COLUMNS = ("Section", "Result", "Stage")
OVERALL = "Overall"
THIS_MONTH_TITLE = "What to do this month"
NO_FIRST_STEPS = "Your answers did not point to any first steps. Keep your good work going."
PLAN_TITLE = "Your action plan"
PLAN_COLUMNS = ("Action", "Responsible", "Due date", "Status")
GUIDANCE_TITLE = "Guidance for each section"
NO_SECTION_GUIDANCE = "There is no extra guidance for this section based on your answers."
GROUPS_TITLE = "The groups you work with"
HELP_TITLE = "Help, key facts and sources"
FACTS_TITLE = "Key facts"
NOTES_TITLE = "Appendix: your notes"
NOTES_INTRO = "What you wrote in each section of the audit. Only your organisation sees these notes."
NATIONAL_HELP_TITLE = "National help"
DOWNLOAD_STEM = "inclusion-health-guide"
NAME_IN_FILE_LIMIT = 60


def document_title(title: str, guide: Guide) -> str:
    return f"{title}: {guide.profile.name}"


def document_subject(guide: Guide) -> str:
    return f"A guide to reaching inclusion health groups, tailored for {guide.profile.name}"


def label(guide: Guide, group: str, code: str | None) -> str:
    """The display label for a code, or the code made readable if the guide has no label for it."""
    if not code:
        return ""
    labels = guide.labels.get(group) or {}
    return labels.get(code) or code.replace("-", " ").replace("_", " ").capitalize()


def stage(guide: Guide, result: SectionResult) -> str:
    return result.band_label or label(guide, "bands", result.band)


def overall_stage(guide: Guide) -> str:
    return guide.overall.band_label or label(guide, "bands", guide.overall.band)


def result_cells(percent: int | None, stage_label: str) -> tuple[str, str]:
    """(result, stage) as the results table shows them."""
    return (NOT_ENOUGH_ANSWERS, "") if percent is None else (f"{percent}%", stage_label)


def result_line(guide: Guide, result: SectionResult) -> str:
    """A chapter's first line: "Your result: 72% (Developing). 5 of 6 questions scored (1 “Not sure”)." """
    if result.percent is None:
        text = NOT_ENOUGH_ANSWERS.lower()
    else:
        label_ = stage(guide, result)
        text = f"{result.percent}% ({label_})" if label_ else f"{result.percent}%"
    note = scored_note(
        result.scored,
        result.questions,
        dont_know=result.dont_know,
        not_applicable=result.not_applicable,
        first_audit=result.not_scored_first_audit,
    )
    return f"Your result: {text}. {note}"


def opening_note(guide: Guide) -> str:
    """Under the results table: answers left out of the scores, then what each stage covers."""
    note = unscored_note(guide.overall.dont_know, guide.overall.not_applicable)
    return " ".join(part for part in (note, stage_ranges(guide.stages)) if part)


def ranked_actions(guide: Guide) -> list[Action]:
    return sorted(guide.actions, key=lambda action: action.rank)


def action_details(guide: Guide, action: Action) -> str:
    """Where an action comes from and how much effort it takes: "Commitment and leadership · Quick win"."""
    where = action.section_title or label(guide, "groups", action.group)
    details = [where] if where else []
    details.append(label(guide, "effort", action.effort))
    return " \u00b7 ".join(detail for detail in details if detail)


def other_groups_text(guide: Guide) -> str | None:
    other = guide.profile.other_groups
    return f"Other groups you named: {other}." if other else None


def has_groups_part(guide: Guide) -> bool:
    return bool(guide.group_modules or guide.profile.other_groups)


def fact_titles(guide: Guide, snippet: Snippet) -> list[str]:
    """The key facts a piece of guidance relies on, in the order the help part gives them."""
    return [fact.title for fact in guide.facts if fact.id in snippet.facts]


def facts_line(titles: list[str]) -> str:
    return f"See key facts: {'; '.join(titles)}."


def help_lists(guide: Guide) -> list[tuple[str, list[HelpEntry]]]:
    """(heading, entries) for the local help of the organisation's area, then national help."""
    local = [entry for entry in guide.help if entry.local]
    national = [entry for entry in guide.help if not entry.local]
    # Only a stored label names the area: a code made readable could misspell a place.
    area = (guide.labels.get("areas") or {}).get(guide.profile.area or "") or "your area"
    lists = [(f"Local help in {area}", local), (NATIONAL_HELP_TITLE, national)]
    return [(heading, entries) for heading, entries in lists if entries]


def help_publisher(entry: HelpEntry) -> str | None:
    """The publisher, when it adds something to the entry's title."""
    return None if entry.publisher == entry.title else entry.publisher


def help_contact(contact: str) -> str:
    return f"Contact: {contact}."


def source_host(href: str | None) -> str:
    """The web address's host without "www.", which helps someone reading a printed copy find the page."""
    return (urlsplit(href).hostname or "").removeprefix("www.") if href else ""


def sources_label(number: int) -> str:
    return "Source" if number == 1 else "Sources"


def plan_cells(row: PlanRow) -> tuple[str, str, str, str]:
    """(action, responsible, due date, status) as every rendering of the plan shows them."""
    due = (row.due + (" (overdue)" if row.overdue else "")) if row.due_on else "No date yet"
    status = f"{row.status}: {row.dropped_reason}" if row.dropped_reason else row.status
    return row.text, row.owner or "Nobody yet", due, status


def plan_as_of(day: datetime.date) -> str:
    return f"The plan as it stood on {format_date(day)}. Change it on the action plan page of the service."


def notes_in_order(guide: Guide, notes: Mapping[str, str]) -> list[tuple[str, str]]:
    """(section title, notes) for each section with notes, in the guide's order."""
    return [
        (section.result.title, notes[section.result.section_id])
        for section in guide.sections
        if notes.get(section.result.section_id)
    ]


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def download_name(organisation: str, day: datetime.date, extension: str) -> str:
    """`<organisation>-inclusion-health-guide-<date>.<extension>`: letters and digits of any script are kept,
    everything else (slashes, dots, quotes, spaces, controls, emoji) becomes a single hyphen."""
    name = unicodedata.normalize("NFKC", organisation).casefold()
    name = re.sub(r"[^\w]+|_+", "-", name).strip("-")[:NAME_IN_FILE_LIMIT].strip("-")
    return "-".join(part for part in (name, DOWNLOAD_STEM, day.isoformat()) if part) + f".{extension}"


def ascii_download_name(organisation: str, day: datetime.date, extension: str) -> str:
    """The same name in plain ASCII, for browsers that ignore the UTF-8 one (non-Latin letters are left out)."""
    folded = unicodedata.normalize("NFKD", organisation).encode("ascii", "ignore").decode("ascii")
    return download_name(folded, day, extension)


# --- Shared with the results page and the web guide ---

# Steps a chapter lists by their action only, after the guidance it gives in full.
MORE_STEPS = "More steps to consider"


def actions_heading(number: int) -> str:
    """The action plan's heading, always matching the number of actions shown."""
    if number == 0:
        return "Your actions"
    return "Your first action" if number == 1 else f"Your {number} actions"


def unscored_note(dont_know: int, not_applicable: int) -> str:
    """Overall: how many answers were left out of the scores, or nothing when none were."""
    parts = []
    if dont_know:
        parts.append(f"{count(dont_know, 'answer')} \u201cNot sure\u201d")
    if not_applicable:
        parts.append(f"{count(not_applicable, 'answer')} \u201cDoes not apply\u201d")
    return f"Not scored: {' and '.join(parts)}." if parts else ""


def scored_note(
    scored: int | None, questions: int, *, dont_know: int = 0, not_applicable: int = 0, first_audit: int = 0
) -> str:
    """A section: how many questions counted, and why the others did not."""
    extras = []
    if dont_know:
        extras.append(f"{dont_know} \u201cNot sure\u201d")
    if not_applicable:
        extras.append(f"{not_applicable} \u201cDoes not apply\u201d")
    if first_audit:
        extras.append(f"{first_audit} not scored on a first audit")
    # Guides stored before `scored` was kept: the answered questions minus the unscored ones.
    text = f"{scored} of {count(questions, 'question')} scored" if scored is not None else count(questions, "question")
    return f"{text} ({', '.join(extras)})." if extras else f"{text}."


def stage_ranges(stages: Iterable[Stage]) -> str:
    """'Emerging: below 40%. Developing: 40% to 74%. Established: 75% or more.' from the stored stages."""
    parts, low = [], 0
    for stage in stages:
        if stage.below is None:
            parts.append(f"{stage.label}: {low}% or more.")
        else:
            high = int(stage.below)
            parts.append(f"{stage.label}: below {high}%." if low == 0 else f"{stage.label}: {low}% to {high - 1}%.")
            low = high
    return " ".join(parts)


def share_rule(share: float | None) -> str:
    """The rule for "not enough answers", as the guide was scored; empty for guides scored without one."""
    if not share:
        return ""
    amount = "half" if share == 0.5 else f"{round(share * 100)}%"
    return (
        f"A section gets a score only when at least {amount} of the questions that apply were answered on the "
        "scale; otherwise it shows \u201cnot enough answers\u201d."
    )
