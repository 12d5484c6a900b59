"""What the guide says on the web pages and in its documents (PDF and Word), worded once so all say the same.

Labels come from `guide.labels` (stored with the guide), read with `.get` and a readable fallback so a guide
stored by an older version of the engine still renders. The Guide's fields keep their names ("band"); the words
on the page are the project's ("stage").
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..engine.model import Action, Guide, SectionResult, Snippet, Stage

SERVICE_NAME = "Inclusion health self-audit"
DEFAULT_TITLE = "Inclusion health guide"
KEYWORDS = ("inclusion health", "self-audit", "guide")
NOT_ENOUGH_ANSWERS = "Not enough answers"
TOP_ACTIONS = 5

COVER_LEAD = (
    "This guide is based on the answers your organisation gave in the self-audit. It shows where you are now and "
    "suggests practical next steps for reaching people in inclusion health groups."
)
RESULTS_TITLE = "Your results at a glance"
RESULTS_LEAD = "Your percentage for each section of the self-audit, and the stage it falls in."
RESULTS_COLUMNS = ("Section", "Result", "Stage")
OVERALL = "Overall"
STAGES_TITLE = "What the stages mean"
STAGES_INTRO = (
    "Stages describe where you are on the journey, not a mark. Every organisation starts somewhere, and each stage "
    f"comes with suggestions. A section shows \u201c{NOT_ENOUGH_ANSWERS}\u201d when none of its answers could be "
    "counted, for example because every answer was \u201cNot sure\u201d."
)
ACTIONS_LEAD = "The steps likely to make the most difference first, based on your answers."
NO_ACTIONS = "Your answers did not point to any particular actions."
GUIDANCE_TITLE = "Guidance for each section"
GUIDANCE_INTRO = (
    "Each section starts with your result, then gives guidance chosen from your answers. "
    "Quick wins are things you can start soon; longer-term steps take planning."
)
NO_SECTION_GUIDANCE = "There is no extra guidance for this section based on your answers."
SOURCES = "Sources"
GROUPS_TITLE = "Guidance for the groups you work with"
GROUPS_INTRO = "Extra guidance for the groups you told us you work with, or want to reach."
NO_GROUPS = "There is no extra guidance for particular groups in this guide."
HELP_TITLE = "Where to find help"
HELP_INTRO = "Organisations and resources that can help you, and the people you support."
NO_HELP = "There are no signposts in this guide."
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


def result_text(guide: Guide, result: SectionResult) -> str:
    if result.percent is None:
        return f"Your result: {NOT_ENOUGH_ANSWERS}"
    label_ = stage(guide, result)
    return f"Your result: {result.percent}% ({label_})" if label_ else f"Your result: {result.percent}%"


def answered_text(result: SectionResult) -> str:
    text = f"You answered {result.answered} of {count(result.questions, 'question')}"
    extras = []
    if result.dont_know:
        extras.append(f"not sure about {result.dont_know}")
    if result.not_applicable:
        extras.append(f"{result.not_applicable} did not apply")
    return f"{text} ({', '.join(extras)})." if extras else f"{text}."


def not_sure_text(guide: Guide) -> str | None:
    if not guide.overall.dont_know:
        return None
    return (
        f"You answered \u201cNot sure\u201d to {count(guide.overall.dont_know, 'question')}. "
        "Those answers are left out of the percentages, and the guide suggests ways to find out."
    )


def stage_meanings(guide: Guide) -> list[tuple[str, str]]:
    meanings = guide.labels.get("band_meanings") or {}
    return [(name, meanings.get(code, "")) for code, name in (guide.labels.get("bands") or {}).items()]


def top_actions(guide: Guide) -> list[Action]:
    return sorted(guide.actions, key=lambda action: action.rank)[:TOP_ACTIONS]


def top_actions_title(shown: int) -> str:
    """ "Your top 3 actions": the number shown, which is fewer than five when the answers point to fewer."""
    if shown == 0:
        return "Your top actions"
    return "Your top action" if shown == 1 else f"Your top {shown} actions"


def where_to_start(shown: int) -> str:
    start = "It is not a test and there is no pass or fail."
    if not shown:
        return f"{start} Use the guidance for each section when you are ready."
    top = top_actions_title(shown).replace("Your", "your", 1)
    return f"{start} Start with {top}, then use the guidance for each section when you are ready."


def action_details(guide: Guide, action: Action) -> str:
    details = [f"Section: {action.section_title}"] if action.section_title else []
    details.append(f"Effort: {label(guide, 'effort', action.effort)}")
    return " \u00b7 ".join(details)


def snippet_details(guide: Guide, snippet: Snippet) -> str:
    details = [label(guide, "kinds", snippet.kind), label(guide, "effort", snippet.effort)]
    if snippet.group:
        details.insert(0, label(guide, "groups", snippet.group))
    return " \u00b7 ".join(detail for detail in details if detail)


def source_host(href: str | None) -> str | None:
    """The web address's host, which helps someone reading a printed copy find the page."""
    return urlsplit(href).hostname if href else None


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
